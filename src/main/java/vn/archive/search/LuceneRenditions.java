package vn.archive.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import vn.archive.index.DocumentCodec;
import vn.archive.index.Fields;
import vn.archive.model.ArchivedDocument;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The renditions of the embedded index's documents, read from the {@link Fields#RENDITION} terms (only documents
 * that have another rendition bear one or are named by one) and kept until the reader changes. Lucene's answer to "which documents are
 * one directive"; another backend answers it with a filter query on the same field.
 */
final class LuceneRenditions {
    private record Cached(IndexReader reader, Renditions renditions) { }

    private static final Set<String> DOC_JSON_ONLY = Set.of(Fields.DOC_JSON);

    private volatile Cached cached;

    /** The renditions as this reader holds them. */
    Renditions of(IndexReader reader) throws IOException {
        Cached c = cached;
        if (c != null && c.reader() == reader) {
            return c.renditions();
        }
        Renditions r = read(reader);
        cached = new Cached(reader, r);
        return r;
    }

    private static Renditions read(IndexReader reader) throws IOException {
        List<ArchivedDocument> linked = new ArrayList<>();
        Set<String> named = new TreeSet<>();
        Set<String> read = new HashSet<>();
        StoredFields stored = reader.storedFields();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(Fields.RENDITION);
            if (terms == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            BitSet docs = new BitSet(leaf.reader().maxDoc());
            TermsEnum te = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                boolean anyLive = false;
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        docs.set(doc);
                        anyLive = true;
                    }
                }
                if (anyLive) {
                    named.add(term.utf8ToString());
                }
            }
            for (int doc = docs.nextSetBit(0); doc >= 0; doc = docs.nextSetBit(doc + 1)) {
                ArchivedDocument d = DocumentCodec.decode(stored.document(leaf.docBase + doc, DOC_JSON_ONLY).get(Fields.DOC_JSON), "");
                linked.add(d);
                read.add(d.id());
            }
        }
        // a link may be written on one rendition only (the other was still being imported by another worker): the
        // document it names is a member too, so the grouping never depends on which worker finished first
        named.removeAll(read);
        IndexSearcher searcher = new IndexSearcher(reader);
        for (String id : named) {
            TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
            if (top.scoreDocs.length > 0) {
                linked.add(DocumentCodec.decode(stored.document(top.scoreDocs[0].doc, DOC_JSON_ONLY).get(Fields.DOC_JSON), ""));
            }
        }
        return linked.isEmpty() ? Renditions.NONE : Renditions.of(linked);
    }
}
