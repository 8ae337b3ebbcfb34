package vn.archive.ingest;

import vn.archive.model.DocumentMetadata;
import vn.archive.text.VietnameseNormalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups documents that are one directive received in several forms (a scan and a DOCX): same kind, number and
 * date of issue, whatever the bytes. The groups live in {@code data/near-duplicates.tsv} ({@code key<TAB>id}),
 * append-only; repeated lines after a resumed import are harmless.
 */
final class NearDuplicates {
    private final Path file;
    private final Map<String, Set<String>> groups = new HashMap<>();

    NearDuplicates(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] kv = line.split("\t");
                if (kv.length == 2) {
                    groups.computeIfAbsent(kv[0], k -> new LinkedHashSet<>()).add(kv[1]);
                }
            }
        }
    }

    /** The grouping key, or empty when the number or date is unknown (then nothing is grouped, never guessed). */
    static Optional<String> key(DocumentMetadata m) {
        if (m.number() == null || m.date() == null) {
            return Optional.empty();
        }
        String number = VietnameseNormalizer.fold(m.number()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String kind = m.kind() == null ? "" : VietnameseNormalizer.fold(m.kind()).toLowerCase(Locale.ROOT);
        return Optional.of(kind + "|" + number + "|" + m.date());
    }

    /** Adds the document to its group; returns the other members, in the order they joined. */
    synchronized List<String> join(String key, String id) throws IOException {
        Set<String> members = groups.computeIfAbsent(key, k -> new LinkedHashSet<>());
        List<String> others = members.stream().filter(m -> !m.equals(id)).toList();
        if (members.add(id)) {
            Files.writeString(file, key + "\t" + id + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return others;
    }
}
