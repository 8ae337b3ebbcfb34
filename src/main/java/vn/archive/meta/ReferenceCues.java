package vn.archive.meta;

import vn.archive.config.ConfigTables;
import vn.archive.model.Relation;

import java.nio.file.Path;
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
    private static final String FILE = "relation-cues.tsv";

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
        return load(null);
    }

    /** The cues of the {@code --config} folder when it has the table, else the packaged ones. */
    public static ReferenceCues load(Path configDir) {
        Map<String, Relation> cues = new LinkedHashMap<>();
        for (ConfigTables.Row r : ConfigTables.read(configDir, FILE, 2)) {
            cues.put(r.col(0).toLowerCase(Locale.ROOT), Relation.fromWire(r.col(1)));
        }
        return new ReferenceCues(cues);
    }

    /** The relation of the last cue in this stretch of text, or null when it holds none. */
    public Relation lastCue(CharSequence text) {
        Cue last = last(text);
        return last == null ? null : last.relation();
    }

    /** A cue found in a stretch of text, with where it starts. */
    public record Cue(Relation relation, int start) { }

    /** The last cue in this stretch of text, or null when it holds none. */
    public Cue last(CharSequence text) {
        Matcher m = anyCue.matcher(text);
        Cue last = null;
        while (m.find()) {
            last = new Cue(byCue.get(m.group().toLowerCase(Locale.ROOT)), m.start());
        }
        return last;
    }
}
