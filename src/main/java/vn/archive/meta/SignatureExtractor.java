package vn.archive.meta;

import vn.archive.model.Signer;

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
    /**
     * An upper-case run, optionally opened by an authority mark, followed by a name in title case. Possessive: an
     * upper-case word is never part of the name, so giving words back can only cost time on long capitalised text.
     */
    private static final Pattern BLOCK = Pattern.compile(
            "(?<![\\p{L}/.])(?:(" + MARKER + ")\\s*)?((?:\\p{Lu}++,?\\s++){1,18}+)(" + NAME + ")(?=([ \\t]+\\p{Ll})?)");
    /** A law's closing line: only the name, followed by "(Đã ký)". */
    private static final String SIGNED = "(Đã ký)";
    private static final Pattern SIGNED_NAME = Pattern.compile("^\\s*(" + NAME + ")\\s*\\(Đã ký\\)\\s*$");
    /** The name alone on its line, "(Đã ký)" on the next one ("Đặng Thi / (Đã ký)", a Gazette text of the 1980s). */
    private static final Pattern NAME_OVER_SIGNED = Pattern.compile("(?:^|\\n)[ \\t]*(" + NAME + ")[ \\t]*\\n\\s*$");
    /** "(đã ký)" after a word in capitals and before a name. */
    private static final Pattern SIGNED_BETWEEN = Pattern.compile(
            "(?<=\\p{Lu})\\s*(\\((?:đã|Đã|ĐÃ) (?:ký|KÝ)\\))\\s+(?=\\p{Lu}\\p{Ll})");
    /** How far around a printed position the block may reach: an authority line and a name. */
    private static final int WINDOW = 300;
    /** Room for a name of five words after its anchor. */
    private static final int NAME_CHARS = 80;
    private static final Pattern RECIPIENTS = Pattern.compile("Kính gửi\\s*:?");
    /** An addressee on the line after "Kính gửi:" is a name, not a paragraph of the body. */
    private static final int LONE_ADDRESSEE_CHARS = 160;
    private static final Pattern DISTRIBUTION = Pattern.compile("Nơi nhận\\s*:");
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

    /**
     * The first signature block of the text (joint documents list several; the first signer is kept). The block
     * regex only runs in windows before names that follow a word in capitals, found by a plain scan, because
     * running it over a whole code of law costs a regex step per character.
     */
    Optional<Found> signature(String text) {
        text = blankSignedMarks(text);
        List<Integer> anchors = nameAnchors(text);
        Matcher m = BLOCK.matcher(text).useTransparentBounds(true);
        int searchedTo = 0;
        for (int anchor : anchors) {
            int from = Math.max(searchedTo, Math.max(0, anchor - WINDOW));
            int to = Math.min(text.length(), anchor + NAME_CHARS);
            if (from >= to) {
                continue;
            }
            m.region(from, to);
            while (m.find()) {
                // the window may cut a later block's name short; read the block again without the window's end
                Matcher whole = BLOCK.matcher(text).useTransparentBounds(true)
                        .region(m.start(), Math.min(text.length(), m.start() + WINDOW + NAME_CHARS));
                Optional<Signer> s = whole.lookingAt() ? read(whole) : Optional.empty();
                if (s.isPresent()) {
                    return Optional.of(new Found(m.start(), s.get()));
                }
                int next = m.start() + 1;
                if (next >= to) {
                    break;
                }
                m.region(next, to);
            }
            searchedTo = Math.max(from, anchor);
        }
        Found last = null;
        for (int i = text.indexOf(SIGNED); i >= 0; i = text.indexOf(SIGNED, i + 1)) {
            int lineStart = text.lastIndexOf('\n', i) + 1;
            int lineEnd = text.indexOf('\n', i);
            Matcher named = SIGNED_NAME.matcher(text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd));
            if (named.find()) {
                last = new Found(lineStart + named.start(1), new Signer(named.group(1), null, null));
            } else if (text.substring(lineStart, i).isBlank()) {
                int from = Math.max(0, lineStart - 200);
                Matcher above = NAME_OVER_SIGNED.matcher(text.substring(from, lineStart));
                if (above.find()) {
                    last = new Found(from + above.start(1), new Signer(above.group(1), null, null));
                }
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * The text with each "(đã ký)" that stands between the position in capitals and the name ("TỔNG BÍ THƯ /
     * (đã ký) / Nông Đức Mạnh") turned into spaces of the same length, so that offsets stay and the block reads on.
     * A law's "Name (Đã ký)" is left as it is.
     */
    static String blankSignedMarks(String text) {
        if (text.indexOf(" ký)") < 0 && text.indexOf(" KÝ)") < 0) {
            return text;
        }
        Matcher m = SIGNED_BETWEEN.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text);
        do {
            sb.replace(m.start(1), m.end(1), " ".repeat(m.end(1) - m.start(1)));
        } while (m.find());
        return sb.toString();
    }

    /** Starts of two title-case words ("Phan Văn") right after a word in capitals: where a signer's name may be. */
    private static List<Integer> nameAnchors(String text) {
        List<Integer> out = new ArrayList<>();
        int n = text.length();
        for (int i = 1; i < n - 3; i++) {
            if (!Character.isWhitespace(text.charAt(i)) || !Character.isUpperCase(text.charAt(i - 1))) {
                continue;
            }
            int j = i;
            while (j < n && Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            if (titleWordAt(text, j)) {
                int k = j;
                while (k < n && Character.isLetter(text.charAt(k))) {
                    k++;
                }
                if (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t') && titleWordAt(text, k + 1)) {
                    out.add(j);
                }
            }
            i = j;
        }
        return out;
    }

    private static boolean titleWordAt(String text, int at) {
        return at + 1 < text.length() && Character.isUpperCase(text.charAt(at)) && Character.isLowerCase(text.charAt(at + 1));
    }

    /** The signer, or empty when no signature block is found. */
    public Optional<Signer> signer(String text) {
        return signature(text).map(Found::signer);
    }

    /** Whether the run ends with this position whose first word is glued to the word before it ("ĐOÀNBÍ THƯ …"). */
    private static boolean gluedPosition(List<String> run, List<String> canonical, List<String> position) {
        int n = position.size();
        if (n < 2 || n > canonical.size()) {
            return false;
        }
        String glued = run.get(run.size() - n);
        int cut = glued.length() - position.get(0).length();
        // the glued word is no syllable, so only its end, as printed, is compared with the position's first word
        return cut >= 2 && canonical.subList(canonical.size() - n + 1, canonical.size()).equals(position.subList(1, n))
                && canonical(glued.substring(cut)).equals(position.get(0))
                && glued.substring(0, cut).chars().allMatch(Character::isUpperCase);
    }

    private Optional<Signer> read(Matcher m) {
        List<String> run = new ArrayList<>();
        for (String w : m.group(2).strip().split("\\s+")) {
            run.add(w);
        }
        List<String> canonical = run.stream().map(SignatureExtractor::canonical).toList();
        for (Position p : positions) {
            int n = p.words().size();
            if (gluedPosition(run, canonical, p.words())) {
                // "TRUNG ƯƠNG ĐOÀNBÍ THƯ THƯỜNG TRỰC": a page glued the authority's last word to the position's first
                String glued = run.get(run.size() - n);
                int cut = glued.length() - p.words().get(0).length();
                run.set(run.size() - n, glued.substring(cut));
                run.add(run.size() - n, glued.substring(0, cut));
                canonical = run.stream().map(SignatureExtractor::canonical).toList();
            }
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
            boolean first = !started && out.isEmpty();
            // "Kính gửi:" alone on its line, one undashed addressee on the next ("Hiệu trưởng các trường MN, TH")
            boolean lone = i > 0 && first && restOfLineIsOne && line.length() <= LONE_ADDRESSEE_CHARS;
            if ((i == 0 || lone) && !line.startsWith("-")) {
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
        return CanonicalWords.trimmedWords(phrase);
    }

    private static String canonical(String word) {
        return CanonicalWords.trimmed(word);
    }
}
