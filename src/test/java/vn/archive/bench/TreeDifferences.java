package vn.archive.bench;

import vn.archive.graph.ReferenceGraph;
import vn.archive.graph.ReferenceGraph.Citation;
import vn.archive.graph.ReferenceGraph.ImplementationNode;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocNumber;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Why an implementation tree of the archive differs from PostgreSQL's recursive walk of the generator's ids: for each
 * document the walk has and the tree lacks, what the archive made of the citation that the generator says implements
 * its parent (read from the archive's own graph: the citation's resolved end and the document's warnings), sorted
 * into reasons; and how many of the walk's rows are one document reached by two paths (the tree shows a document
 * once). The results file lists each tree's differences and the reasons counted over all trees.
 */
final class TreeDifferences {
    /** Reasons, in the order the results file counts them. */
    static final String AMBIGUOUS = "the citation matches several namesakes in its place and gives no telling date:"
            + " the archive links none and warns";
    static final String OTHER_NAMESAKE = "the citation resolves to another namesake (the one its date or place names)";
    static final String NO_NAMESAKE_THERE = "no document with the cited number in the citing document's place: a"
            + " placeholder";
    static final String UNPLACED = "the citing document's place is unknown, so its local number cannot be resolved";
    static final String PARENT_LEFT_OUT = "its parent is not in the archive's tree (one of the reasons above, higher up)";
    static final String NOT_READ = "the extractor read no citation of that number in the text";
    static final String ELSEWHERE = "in the archive's tree under another parent or deeper than PostgreSQL's walk";

    private final GeneratedCorpus corpus;
    private final ReferenceGraph graph;
    private final Map<String, GeneratedCorpus.Row> byFile = new HashMap<>();
    private final Map<Integer, GeneratedCorpus.Row> byId = new HashMap<>();
    private final Map<String, Integer> reasons = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private int twice;
    /** Numbers compared already: the query set asks some trees more than once. */
    private final Set<String> compared = new HashSet<>();

    TreeDifferences(GeneratedCorpus corpus, ReferenceGraph graph) {
        this.corpus = corpus;
        this.graph = graph;
        for (GeneratedCorpus.Row r : corpus.rows) {
            byFile.put(r.file(), r);
            byId.put(r.id(), r);
        }
        for (String reason : List.of(AMBIGUOUS, OTHER_NAMESAKE, NO_NAMESAKE_THERE, UNPLACED, PARENT_LEFT_OUT, NOT_READ,
                ELSEWHERE)) {
            reasons.put(reason, 0);
        }
    }

    /** Compares one tree: the walk's rows (generated ids, a row per path) against the archive's whole tree. */
    void compare(String number, List<Integer> walk, ImplementationNode tree) throws IOException {
        if (!compared.add(number)) {
            return;
        }
        Set<Integer> inTree = new HashSet<>();
        collect(tree, inTree);
        Set<Integer> walked = new HashSet<>(walk);
        int repeated = walk.size() - walked.size();
        twice += repeated;
        Map<String, Integer> here = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (int id : walked) {
            if (inTree.contains(id)) {
                continue;
            }
            GeneratedCorpus.Row row = byId.get(id);
            Citation c = citationOfParent(row);
            String reason = reason(row, c, inTree);
            reasons.merge(reason, 1, Integer::sum);
            here.merge(reason, 1, Integer::sum);
            if (examples.size() < 2 && !reason.equals(PARENT_LEFT_OUT)) {
                examples.add(example(row, c));
            }
        }
        long extra = inTree.stream().filter(i -> !walked.contains(i)).count();
        lines.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %s |", number, walk.size(), repeated,
                inTree.size(), extra, here.isEmpty() ? "–" : String.join("; ", here.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).toList()),
                examples.isEmpty() ? "–" : String.join("; ", examples)));
    }

    /**
     * The archive's citation of the number the generator says a row implements (its first cited number), as the
     * archive's graph resolved it; null when the archive read no citation of that number.
     */
    private Citation citationOfParent(GeneratedCorpus.Row row) throws IOException {
        Optional<String> key = row.cites().isEmpty() ? Optional.empty()
                : DocNumber.parse(row.cites().get(0)).map(DocNumber::key);
        if (key.isEmpty()) {
            return null;
        }
        for (Citation c : graph.cites(archiveId(row))) {
            if (c.number() != null && key.equals(DocNumber.parse(c.number()).map(DocNumber::key))) {
                return c;
            }
        }
        return null;
    }

    private String reason(GeneratedCorpus.Row row, Citation c, Set<Integer> inTree) throws IOException {
        if (c == null) {
            return NOT_READ;
        }
        GeneratedCorpus.Row parent = byId.get(row.implementsId());
        if (c.id() != null) {
            if (parent != null && c.id().equals(archiveId(parent))) {
                return inTree.contains(parent.id()) ? ELSEWHERE : PARENT_LEFT_OUT;
            }
            return OTHER_NAMESAKE;
        }
        String cited = row.cites().get(0);
        String shown = DocNumber.parse(cited).map(DocNumber::format).orElse(cited);
        for (String w : graph.warnings(archiveId(row))) {
            if (w.contains(shown) && w.contains("khớp với")) {
                return AMBIGUOUS;
            }
            if (w.contains(shown) && w.contains("Không xác định được địa phương")) {
                return UNPLACED;
            }
        }
        return NO_NAMESAKE_THERE;
    }

    /** One missing document as the results file shows it: its number and date, what it cites and whom it means. */
    private String example(GeneratedCorpus.Row row, Citation c) {
        GeneratedCorpus.Row parent = byId.get(row.implementsId());
        return String.format(Locale.ROOT, "%s of %s (%s) cites %s%s; the generator meant the one of %s (%s)%s",
                row.number(), row.date(), row.issuer(), row.cites().get(0),
                c == null || c.date() == null ? " undated" : " dated " + c.date(),
                parent == null ? "?" : parent.date(), parent == null ? "?" : parent.issuer(),
                c == null || c.id() == null ? "" : ", the archive links the one of " + c.date() + " (" + c.issuer() + ")");
    }

    private void collect(ImplementationNode n, Set<Integer> out) {
        if (n.id() != null) {
            rowOf(n.id()).ifPresent(r -> out.add(r.id()));
        }
        for (ImplementationNode c : n.children()) {
            collect(c, out);
        }
    }

    private final Map<String, Optional<GeneratedCorpus.Row>> rows = new HashMap<>();

    /** The generated row of an archive document: the archive id is the first 16 hex digits of its text's SHA-256. */
    private Optional<GeneratedCorpus.Row> rowOf(String archiveId) {
        if (rows.isEmpty()) {
            for (GeneratedCorpus.Row r : corpus.rows) {
                rows.put(archiveId(r), Optional.of(r));
            }
        }
        return rows.getOrDefault(archiveId, Optional.empty());
    }

    private String archiveId(GeneratedCorpus.Row row) {
        return ArchivedDocument.idFor(GeneratedCorpus.sha256(corpus.text(row).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Missing documents for a reason where the archive falls short (a citation the extractor missed, a place it
     * could not read, one left out without a reason found); the other reasons are the archive declining to guess
     * where the text does not tell, or following what the text says over the generator's intent.
     */
    int shortfalls() {
        return reasons.get(UNPLACED) + reasons.get(NOT_READ) + reasons.get(ELSEWHERE);
    }

    /** The reasons found, counted, for the targets table: "2 ambiguous …; 1 …". */
    String summary() {
        return String.join("; ", reasons.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).toList());
    }

    /** The results file's section: the reasons counted, then each differing tree. */
    String section() {
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder r = new StringBuilder();
        int missing = reasons.values().stream().mapToInt(Integer::intValue).sum();
        r.append(String.format(Locale.ROOT, "Where the trees differ (%d distinct numbers): PostgreSQL's walk has %d rows that are"
                + " a document reached by a second path (the archive's tree shows a document once), and %d documents"
                + " the archive's tree lacks, by what the archive made of the citation the generator says implements"
                + " the parent:\n\n| reason | documents |\n|---|---:|\n", lines.size(), twice, missing));
        reasons.forEach((reason, n) -> r.append("| ").append(reason).append(" | ").append(n).append(" |\n"));
        r.append("\n| tree | walk rows | of them repeated | archive documents | archive only | missing, by reason |"
                + " examples |\n|---|---:|---:|---:|---:|---|---|\n");
        lines.forEach(l -> r.append(l).append('\n'));
        return r.append('\n').toString();
    }
}
