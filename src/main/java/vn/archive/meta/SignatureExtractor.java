package vn.archive.meta;

import vn.archive.model.Signer;
import vn.archive.text.VietnameseNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the closing parts of a document: the signature block (authority, position, name), the addressees after
 * "Kính gửi" and the distribution list after "Nơi nhận". A pure function of the text.
 */
public final class SignatureExtractor {
    /** Authority marks: T/M (thay mặt), K/T (ký thay), T/L (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền). */
    private static final String MARKER = "T/M|K/T|T/L|TM\\.|KT\\.|TL\\.|TUQ\\.|Q\\.";
    private static final String NAME = "\\p{Lu}\\p{Ll}+(?:[ \\t]+\\p{Lu}\\p{Ll}+){1,4}";
    /** An upper-case run, optionally opened by an authority mark, followed by a name in title case. */
    private static final Pattern BLOCK = Pattern.compile(
            "(?<![\\p{L}/.])(?:(" + MARKER + ")\\s*)?((?:\\p{Lu}+,?\\s+){1,18})(" + NAME + ")(?=([ \\t]+\\p{Ll})?)");
    /** A law's closing line: only the name, followed by "(Đã ký)". */
    private static final Pattern SIGNED_NAME = Pattern.compile("(?m)^\\s*(" + NAME + ")\\s*\\(Đã ký\\)\\s*$");
    private static final Pattern RECIPIENTS = Pattern.compile("Kính gửi\\s*:?");
    private static final Pattern DISTRIBUTION = Pattern.compile("Nơi nhận\\s*:?");
    /** The addressees of a letter come with its header. */
    private static final int RECIPIENTS_WITHIN = 4000;
    private static final Pattern DRAFTER = Pattern.compile("(?<=\\))\\.\\s+\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)*$");
    private static final Pattern ITEM_SPLIT = Pattern.compile("(?<=[;,.])\\s+-\\s+");

    private final DisplayCase casing;
    /** Positions as canonical word lists, longest first. */
    private final List<Position> positions;

    private record Position(String display, List<String> words) { }

    /** Where the signature block starts and what it says. */
    record Found(int start, Signer signer) { }

    public SignatureExtractor(Dictionaries dictionaries, DisplayCase casing) {
        Objects.requireNonNull(dictionaries, "dictionaries");
        this.casing = Objects.requireNonNull(casing, "casing");
        List<Position> ps = new ArrayList<>();
        for (String p : dictionaries.positions()) {
            ps.add(new Position(p, words(p)));
        }
        ps.sort(Comparator.comparingInt((Position p) -> p.words().size()).reversed());
        this.positions = List.copyOf(ps);
    }

    /** The first signature block of the text (joint documents list several; the first signer is kept). */
    Optional<Found> signature(String text) {
        Matcher m = BLOCK.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            Optional<Signer> s = read(m);
            if (s.isPresent()) {
                return Optional.of(new Found(m.start(), s.get()));
            }
            from = m.start() + 1;
        }
        Matcher named = SIGNED_NAME.matcher(text);
        Found last = null;
        while (named.find()) {
            last = new Found(named.start(1), new Signer(named.group(1), null, null));
        }
        return Optional.ofNullable(last);
    }

    /** The signer, or empty when no signature block is found. */
    public Optional<Signer> signer(String text) {
        return signature(text).map(Found::signer);
    }

    private Optional<Signer> read(Matcher m) {
        List<String> run = new ArrayList<>();
        for (String w : m.group(2).strip().split("\\s+")) {
            run.add(w);
        }
        List<String> canonical = run.stream().map(SignatureExtractor::canonical).toList();
        for (Position p : positions) {
            int n = p.words().size();
            if (n <= canonical.size() && canonical.subList(canonical.size() - n, canonical.size()).equals(p.words())) {
                // without a mark, words before the position are a caption ("XÁC THỰC VĂN BẢN HỢP NHẤT"), not an authority
                String authority = null;
                if (m.group(1) != null) {
                    String body = String.join(" ", run.subList(0, run.size() - n)).replaceAll(",$", "");
                    authority = body.isBlank() ? m.group(1) : m.group(1) + " " + casing.apply(body);
                }
                String name = m.group(3);
                if (m.group(4) != null) {
                    // "Trần Hồng Hà Phụ lục": the last capitalised word opens the next sentence
                    int cut = name.lastIndexOf(' ');
                    if (name.substring(0, cut).strip().contains(" ")) {
                        name = name.substring(0, cut).strip();
                    }
                }
                return Optional.of(new Signer(name.strip(), p.display(), authority));
            }
        }
        return Optional.empty();
    }

    /** Addressees after "Kính gửi": the rest of its line, or the dashed lines that follow. */
    public List<String> recipients(String text, int signatureStart) {
        Matcher m = RECIPIENTS.matcher(text);
        // forms in an appendix say "Kính gửi" too; only the letter's own addressees come before its signature
        if (!m.find() || m.start() > RECIPIENTS_WITHIN || signatureStart >= 0 && m.start() > signatureStart) {
            return List.of();
        }
        return items(text, m.end(), text.length(), true);
    }

    /** The distribution list after "Nơi nhận", up to the signature block when it follows on the same lines. */
    public List<String> distribution(String text, int signatureStart) {
        Matcher m = DISTRIBUTION.matcher(text);
        if (!m.find()) {
            return List.of();
        }
        int end = signatureStart > m.end() ? signatureStart : text.length();
        return items(text, m.end(), end, false);
    }

    private static List<String> items(String text, int from, int to, boolean restOfLineIsOne) {
        List<String> out = new ArrayList<>();
        String[] lines = text.substring(from, to).split("\n", -1);
        boolean started = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (i == 0 && !line.startsWith("-")) {
                if (restOfLineIsOne) {
                    add(out, line);
                    return out;
                }
                break;
            }
            if (!line.startsWith("-")) {
                break;
            }
            started = true;
            for (String part : ITEM_SPLIT.split(line)) {
                add(out, part);
            }
        }
        return started || !out.isEmpty() ? out : List.of();
    }

    private static void add(List<String> out, String raw) {
        String item = raw.strip().replaceFirst("^-\\s*", "");
        // the drafter's name printed after the archive code ("Lưu: VT, ĐMDN (2b). Trung Anh") is not a recipient
        item = DRAFTER.matcher(item).replaceFirst("");
        item = item.replaceFirst("[\\s,;.]+$", "").strip();
        if (!item.isEmpty()) {
            out.add(item);
        }
    }

    private static List<String> words(String phrase) {
        List<String> out = new ArrayList<>();
        for (String w : phrase.strip().split("\\s+")) {
            out.add(canonical(w));
        }
        return out;
    }

    private static String canonical(String word) {
        return VietnameseNormalizer.canonicalWord(word.replaceAll("[,.;:]+$", ""));
    }
}
