package vn.archive.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import vn.archive.index.DocumentCodec;
import vn.archive.index.Fields;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.model.ArchivedDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The reference graph of the embedded index. The graph is recomputed from the stored metadata whenever the index's
 * reader changes (after each import commit) and shared until then; nothing about links is stored in the index,
 * so a document imported after the ones citing it links by itself.
 */
public final class LuceneReferenceGraph extends SnapshotReferenceGraph {
    /** The snapshot of one reader. */
    private record Cached(IndexReader reader, ReferenceSnapshot snapshot) { }

    private static final class Holder {
        private volatile Cached cached;
    }

    public LuceneReferenceGraph(LuceneIndex index, Dictionaries dictionaries) {
        this(index, dictionaries, new Holder());
    }

    private LuceneReferenceGraph(LuceneIndex index, Dictionaries dictionaries, Holder holder) {
        super(() -> current(index, dictionaries, holder));
        Objects.requireNonNull(index, "index");
    }

    private static ReferenceSnapshot current(LuceneIndex index, Dictionaries dictionaries, Holder holder) {
        try {
            IndexSearcher searcher = index.searchers().acquire();
            try {
                IndexReader reader = searcher.getIndexReader();
                Cached c = holder.cached;
                if (c != null && c.reader() == reader) {
                    return c.snapshot();
                }
                ReferenceSnapshot snapshot = ReferenceSnapshot.of(load(reader, dictionaries), dictionaries);
                holder.cached = new Cached(reader, snapshot);
                return snapshot;
            } finally {
                index.searchers().release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ReferenceSnapshot.Entry> load(IndexReader reader, Dictionaries dictionaries) throws IOException {
        List<ReferenceSnapshot.Entry> entries = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader r = leaf.reader();
            Bits live = r.getLiveDocs();
            StoredFields stored = r.storedFields();
            for (int doc = 0; doc < r.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                ArchivedDocument d = DocumentCodec.decode(stored.document(doc, Set.of(Fields.DOC_JSON)).get(Fields.DOC_JSON), "");
                int docId = doc;
                entries.add(ReferenceSnapshot.entry(d.id(), d.metadata(), () -> body(stored, docId), dictionaries));
            }
        }
        return entries;
    }

    private static String body(StoredFields stored, int doc) {
        try {
            Document d = stored.document(doc, Set.of(Fields.BODY));
            return d.get(Fields.BODY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
