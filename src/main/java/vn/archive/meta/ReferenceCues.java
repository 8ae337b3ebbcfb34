package vn.archive.meta;

import vn.archive.model.Relation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The cue words ("thực hiện", "căn cứ"…) that tell how a document relates to a document it cites, read from
 * {@code index-config/relation-cues.tsv}. Immutable.
 */
public final class ReferenceCues {
    private static final String FILE = "/index-config/relation-cues.tsv";

    private final Map<String, Relation> byCue;
    private final Pattern anyCue;

    private ReferenceCues(Map<String, Relation> byCue) {
        if (byCue.isEmpty()) {
            throw new IllegalStateException("No relation cue in " + FILE);
        }
        this.byCue = Map.copyOf(byCue);
        // longest first, so "bổ sung" never hides a longer cue sharing its start
        String alternation = byCue.keySet().stream()
                .sorted((a, b) -> b.length() - a.length())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        this.anyCue = Pattern.compile("(?<![\\p{L}])(?:" + alternation + ")(?![\\p{L}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The cues packaged in the jar. */
    public static ReferenceCues builtIn() {
        InputStream in = ReferenceCues.class.getResourceAsStream(FILE);
        if (in == null) {
            throw new IllegalStateException("Relation cues " + FILE + " are missing from the jar");
        }
        Map<String, Relation> cues = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 2) {
                    throw new IllegalArgumentException(FILE + " line " + n + ": expected [cue<TAB>relation], got [" + line + "]");
                }
                cues.put(cols[0].strip().toLowerCase(Locale.ROOT), Relation.fromWire(cols[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReferenceCues(cues);
    }

    /** The relation of the last cue in this stretch of text, or null when it holds none. */
    public Relation lastCue(CharSequence text) {
        Matcher m = anyCue.matcher(text);
        Relation last = null;
        while (m.find()) {
            last = byCue.get(m.group().toLowerCase(Locale.ROOT));
        }
        return last;
    }
}
