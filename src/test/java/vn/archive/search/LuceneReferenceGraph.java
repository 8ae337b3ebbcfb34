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
import vn.archive.graph.SnapshotReferenceGraph;
import vn.archive.graph.ReferenceSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reference graph as the portal served it until the graph was asked of the index per query: a snapshot of the
 * whole archive rebuilt from the stored metadata whenever the reader changes (segments read once, by core key), held
 * in the heap. Kept in the tests as the oracle the per-query graph is compared with ({@code PerQueryGraphIT}) and
 * as the baseline of the benchmarks; the portal no longer uses it.
 */
public final class LuceneReferenceGraph extends SnapshotReferenceGraph {
    /** The snapshot of one reader. */
    private record Cached(IndexReader reader, ReferenceSnapshot snapshot) { }

    /** An entry of a segment, with its document number there (deleted later or not: liveness is read per reader). */
    private record SegmentEntry(int doc, ReferenceSnapshot.Entry entry) { }

    private static final class Holder {
        private volatile Cached cached;
        /** Entries of the segments of the last snapshot, by segment core key. */
        private Map<IndexReader.CacheKey, List<SegmentEntry>> segments = Map.of();
        private final LuceneRenditions renditions = new LuceneRenditions();
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
                synchronized (holder) {
                    c = holder.cached;
                    if (c != null && c.reader() == reader) {
                        return c.snapshot(); // built by the thread this one waited for
                    }
                    Renditions renditions = holder.renditions.of(reader);
                    List<ReferenceSnapshot.Entry> entries = directives(load(reader, dictionaries, holder), renditions,
                            index, dictionaries);
                    Map<String, String> renditionOf = new HashMap<>();
                    renditions.secondaries().forEach(id -> renditionOf.put(id, renditions.directiveId(id)));
                    ReferenceSnapshot snapshot = ReferenceSnapshot.of(entries, dictionaries, renditionOf);
                    holder.cached = new Cached(reader, snapshot);
                    return snapshot;
                }
            } finally {
                index.searchers().release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry per directive: its preferred rendition's, with the merged metadata; other renditions left out. */
    private static List<ReferenceSnapshot.Entry> directives(List<ReferenceSnapshot.Entry> all, Renditions renditions,
                                                            LuceneIndex index, Dictionaries dictionaries) {
        if (renditions.isEmpty()) {
            return all;
        }
        Set<String> secondaries = renditions.secondaries();
        List<ReferenceSnapshot.Entry> out = new ArrayList<>(all.size());
        for (ReferenceSnapshot.Entry e : all) {
            if (secondaries.contains(e.id())) {
                continue;
            }
            out.add(renditions.group(e.id()).map(g -> ReferenceSnapshot.entry(e.id(), g.merged(),
                    () -> text(index, e.id()), dictionaries)).orElse(e));
        }
        return out;
    }

    private static String text(LuceneIndex index, String id) {
        try {
            return index.get(id).map(ArchivedDocument::text).orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ReferenceSnapshot.Entry> load(IndexReader reader, Dictionaries dictionaries, Holder holder)
            throws IOException {
        List<ReferenceSnapshot.Entry> entries = new ArrayList<>();
        Map<IndexReader.CacheKey, List<SegmentEntry>> segments = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader r = leaf.reader();
            IndexReader.CacheHelper core = r.getCoreCacheHelper();
            List<SegmentEntry> segment = core == null ? null : holder.segments.get(core.getKey());
            if (segment == null) {
                segment = read(r, dictionaries);
            }
            if (core != null) {
                segments.put(core.getKey(), segment);
            }
            Bits live = r.getLiveDocs();
            for (SegmentEntry e : segment) {
                if (live == null || live.get(e.doc())) {
                    entries.add(e.entry());
                }
            }
        }
        holder.segments = segments;
        return entries;
    }

    /** Every document of one segment, deleted or not, so the entries stay right as its deletions grow. */
    private static List<SegmentEntry> read(LeafReader r, Dictionaries dictionaries) throws IOException {
        List<SegmentEntry> out = new ArrayList<>(r.maxDoc());
        StoredFields stored = r.storedFields();
        for (int doc = 0; doc < r.maxDoc(); doc++) {
            ArchivedDocument d = DocumentCodec.decode(stored.document(doc, Set.of(Fields.DOC_JSON)).get(Fields.DOC_JSON), "");
            int docId = doc;
            out.add(new SegmentEntry(doc, ReferenceSnapshot.entry(d.id(), d.metadata(), () -> body(stored, docId),
                    dictionaries)));
        }
        return out;
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
