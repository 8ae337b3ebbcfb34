package vn.archive.search;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import vn.archive.index.DocumentCodec;
import vn.archive.index.Fields;
import vn.archive.model.Clearance;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.InForce;
import vn.archive.model.Relation;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The in-force filter and facet ({@link FacetDimensions#IN_FORCE}) of the embedded index, decided per query. What a
 * document says of itself is indexed ({@link Fields#EFFECTIVE}); what later documents do to it is not, since it
 * would go stale when a replacing document arrives: the few documents that replace, repeal or amend another are
 * read from the {@link Fields#CHANGES} terms once per reader, and each query keeps those its viewer may see and
 * whose date has come. The statuses follow {@link InForce#of}: replaced or repealed is expired, amended is partly
 * expired, else the effect clause says not yet or in force, and a text with none is unknown.
 */
final class LuceneInForce {
    private static final Set<String> DOC_JSON_ONLY = Set.of(Fields.DOC_JSON);

    /** One change a document makes: the citing document's clearance and date, the relation, the changed ids. */
    record Change(Clearance clearance, LocalDate date, Relation relation, List<String> targets) { }

    /** The ids that later documents, as one viewer sees them on one day, end or amend. */
    record Changed(Set<String> ended, Set<String> amended) { }

    private record Cached(IndexReader reader, List<Change> changes) { }

    private volatile Cached cached;

    /** The changes this reader's documents make, kept until the reader changes. */
    List<Change> of(IndexReader reader, Renditions renditions) throws IOException {
        Cached c = cached;
        if (c != null && c.reader() == reader) {
            return c.changes();
        }
        List<Change> changes = read(reader, renditions);
        cached = new Cached(reader, changes);
        return changes;
    }

    /** The documents ended and amended by the changes {@code visible} lets the viewer see, dated by {@code today}. */
    static Changed changed(List<Change> changes, Predicate<Clearance> visible, LocalDate today) {
        Set<String> ended = new TreeSet<>();
        Set<String> amended = new TreeSet<>();
        for (Change c : changes) {
            if (!visible.test(c.clearance()) || (c.date() != null && c.date().isAfter(today))) {
                continue;
            }
            (c.relation() == Relation.AMENDS ? amended : ended).addAll(c.targets());
        }
        amended.removeAll(ended);
        return new Changed(ended, amended);
    }

    /** The filter of one status ({@link InForce#STATUSES}) on {@code today}. */
    static Query status(String status, Changed changed, LocalDate today) {
        Set<String> any = new TreeSet<>(changed.ended());
        any.addAll(changed.amended());
        long day = today.toEpochDay();
        return switch (status) {
            case InForce.EXPIRED -> ids(changed.ended());
            case InForce.PARTLY_EXPIRED -> ids(changed.amended());
            case InForce.NOT_YET -> unchanged(LongPoint.newRangeQuery(Fields.EFFECTIVE, day + 1, Long.MAX_VALUE), any);
            case InForce.IN_FORCE -> unchanged(LongPoint.newRangeQuery(Fields.EFFECTIVE, Long.MIN_VALUE, day), any);
            case InForce.UNKNOWN -> unchanged(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
                    .add(LongPoint.newRangeQuery(Fields.EFFECTIVE, Long.MIN_VALUE, Long.MAX_VALUE), Occur.MUST_NOT)
                    .build(), any);
            default -> throw new IllegalArgumentException("Tình trạng hiệu lực không có (no such in-force status: ["
                    + status + "]; one of " + InForce.STATUSES + ")");
        };
    }

    /** Any of these statuses: the filter of a request that selects several. */
    static Query anyStatus(List<String> statuses, Changed changed, LocalDate today) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        statuses.forEach(s -> b.add(status(s, changed, today), Occur.SHOULD));
        return b.build();
    }

    private static Query ids(Set<String> ids) {
        return new TermInSetQuery(Fields.ID, ids.stream().map(BytesRef::new).toList());
    }

    private static Query unchanged(Query q, Set<String> changed) {
        if (changed.isEmpty()) {
            return q;
        }
        return new BooleanQuery.Builder().add(q, Occur.MUST).add(ids(changed), Occur.MUST_NOT).build();
    }

    private static List<Change> read(IndexReader reader, Renditions renditions) throws IOException {
        List<Change> out = new ArrayList<>();
        StoredFields stored = reader.storedFields();
        IndexSearcher searcher = new IndexSearcher(reader);
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(Fields.CHANGES);
            if (terms == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            TermsEnum te = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                String value = term.utf8ToString();
                int colon = value.indexOf(':');
                Relation relation = Relation.fromWire(value.substring(0, colon));
                String key = value.substring(colon + 1);
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    var citing = DocumentCodec.decode(stored.document(leaf.docBase + doc, DOC_JSON_ONLY)
                            .get(Fields.DOC_JSON), "");
                    DocumentMetadata m = citing.metadata();
                    List<String> targets = bearing(searcher, key, citing.id(), renditions);
                    if (!targets.isEmpty()) {
                        out.add(new Change(Clearance.ofClassification(m.classification()), m.date(), relation, targets));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The documents filed under the cited key, the citing directive's own renditions left out. Like the reference
     * graph, a key borne by several directives names none of them: the citation changes nothing.
     */
    private static List<String> bearing(IndexSearcher searcher, String key, String citing, Renditions renditions)
            throws IOException {
        String self = renditions.directiveId(citing);
        List<String> ids = new ArrayList<>();
        Set<String> directives = new TreeSet<>();
        for (ScoreDoc sd : searcher.search(new TermQuery(new Term(Fields.NUMBER_KEY, key)), Integer.MAX_VALUE / 2)
                .scoreDocs) {
            String id = searcher.storedFields().document(sd.doc, Set.of(Fields.ID)).get(Fields.ID);
            String directive = renditions.directiveId(id);
            if (!directive.equals(self)) {
                ids.add(id);
                directives.add(directive);
            }
        }
        return directives.size() == 1 ? ids : List.of();
    }
}
