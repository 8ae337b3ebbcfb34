package vn.archive.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import vn.archive.index.DocumentCodec;
import vn.archive.index.Fields;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Issuers grouped under their parent bodies, counted in directives. Parent bodies are not a facet, so the groups come
 * from one pass over the stored metadata, kept until the index changes (one instance per clearance view).
 */
final class LuceneIssuerTree {
    private static final Set<String> DOC_JSON_ONLY = Set.of(Fields.DOC_JSON);

    private record Cached(IndexReader reader, List<IssuerGroup> groups) { }

    private volatile Cached cached;

    /** The groups of this reader's directives that {@code allows} lets the view see. */
    List<IssuerGroup> of(IndexReader reader, Renditions r, Predicate<DocumentMetadata> allows) throws IOException {
        Cached current = cached;
        if (current != null && current.reader() == reader) {
            return current.groups();
        }
        Map<String, Map<String, Long>> byParent = new HashMap<>();
        Set<String> secondaries = r.secondaries();
        var storedFields = reader.storedFields();
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                if (live != null && !live.get(i)) {
                    continue;
                }
                Document stored = storedFields.document(leaf.docBase + i, DOC_JSON_ONLY);
                ArchivedDocument d = DocumentCodec.decode(stored.get(Fields.DOC_JSON), "");
                if (secondaries.contains(d.id())) {
                    continue;
                }
                DocumentMetadata m = r.merged(d).metadata();
                if (m.issuer() != null && allows.test(m)) {
                    byParent.computeIfAbsent(m.parentIssuer() == null ? "" : m.parentIssuer(), k -> new HashMap<>())
                            .merge(m.issuer(), 1L, Long::sum);
                }
            }
        }
        List<IssuerGroup> result = IssuerGroup.tree(byParent);
        cached = new Cached(reader, result);
        return result;
    }
}
