package vn.archive.text;

import vn.archive.config.ConfigTables;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kind words of {@code index-config/kinds.tsv} seen from the text side: "nghị quyết" (or "nghi quyet") is the
 * kind whose symbol code is NQ. Search uses it to read "nghị quyết 25" as the number 25-NQ, and indexing to file a
 * Công văn under "2739/CV" as well as under its full number. The table is read, never restructured, here.
 */
public final class KindNames {
    /** A kind name at the start of a text, the symbol code it stands for, and the text after it. */
    public record Match(String code, String name, String rest) { }

    private static final KindNames BUILT_IN = read(null);

    /** Folded name → code, longest names first so "nghị quyết liên tịch" wins over "nghị quyết". */
    private final Map<String, String> codeByFoldedName;

    private KindNames(Map<String, String> codeByFoldedName) {
        this.codeByFoldedName = codeByFoldedName;
    }

    /** The table packaged with the application. */
    public static KindNames builtIn() {
        return BUILT_IN;
    }

    /**
     * The table from the {@code --config} folder when it has a {@code kinds.tsv}, else the packaged one, so an
     * archivist who adds a kind there is understood by search and indexing as well as by extraction.
     */
    public static KindNames load(Path configDir) {
        return configDir == null ? BUILT_IN : read(configDir);
    }

    /** The code of the kind with this name, in any case and with or without diacritics ("Công văn" → CV). */
    public Optional<String> codeOf(String kindName) {
        if (kindName == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(codeByFoldedName.get(foldSpaces(kindName)));
    }

    /** Whether this code is a kind's code (NQ, CV, NĐ…), in any case and with or without diacritics. */
    public boolean isCode(String code) {
        String folded = VietnameseNormalizer.fold(code);
        for (String c : codeByFoldedName.values()) {
            if (VietnameseNormalizer.fold(c).equals(folded)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The kind name that opens this text, when one does and something follows it: "Nghị quyết số 25" → NQ, "25";
     * "nghi dinh 30/2020" → NĐ, "30/2020". The word "số" (number) after the name is skipped.
     */
    public Optional<Match> leading(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String folded = foldSpaces(text);
        for (Map.Entry<String, String> e : codeByFoldedName.entrySet()) {
            String name = e.getKey();
            if (folded.startsWith(name) && folded.length() > name.length() && folded.charAt(name.length()) == ' ') {
                String rest = restAfterWords(text.strip(), name.split(" ").length);
                rest = rest.replaceFirst("^(?i)(số|so|sô|số:)\\s*:?\\s*", "").strip();
                if (!rest.isEmpty()) {
                    return Optional.of(new Match(e.getValue(), name, rest));
                }
            }
        }
        return Optional.empty();
    }

    private static String restAfterWords(String text, int words) {
        String[] tokens = text.split("\\s+", words + 1);
        return tokens.length > words ? tokens[words] : "";
    }

    private static String foldSpaces(String s) {
        return VietnameseNormalizer.fold(VietnameseNormalizer.clean(s)).strip().replaceAll("\\s+", " ");
    }

    private static KindNames read(Path configDir) {
        List<String[]> rows = new ArrayList<>();
        for (ConfigTables.Row r : ConfigTables.read(configDir, "kinds.tsv", 2)) {
            if (!r.col(0).equals("-")) {
                rows.add(r.cols());
            }
        }
        rows.sort(Comparator.comparingInt((String[] cols) -> -cols[1].length()));
        Map<String, String> byName = new LinkedHashMap<>();
        for (String[] cols : rows) {
            byName.putIfAbsent(foldSpaces(cols[1]), cols[0].strip());
        }
        return new KindNames(Collections.unmodifiableMap(byName));
    }
}
