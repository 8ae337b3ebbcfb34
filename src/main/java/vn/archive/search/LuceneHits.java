package vn.archive.search;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import vn.archive.index.DocumentCodec;
import vn.archive.index.Fields;
import vn.archive.model.ArchivedDocument;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A page of hits read from the index: each hit's stored metadata, merged over its renditions, and its snippet. Not
 * final: the search-path benchmark keeps the previous way of reading a page as its baseline.
 */
class LuceneHits {
    private static final Set<String> DOC_JSON_ONLY = Set.of(Fields.DOC_JSON);

    private final LuceneSnippets snippets;

    LuceneHits(LuceneSnippets snippets) {
        this.snippets = snippets;
    }

    /** The hits of the request's page among the top documents, each with its snippet. */
    List<SearchHit> page(IndexSearcher searcher, TopDocs top, SearchRequest request, Renditions r) throws IOException {
        int from = (request.page() - 1) * request.size();
        if (from >= top.scoreDocs.length) {
            return List.of();
        }
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
        String[] snippets = this.snippets.of(searcher, request.query(), page);
        List<SearchHit> hits = new ArrayList<>(page.length);
        LuceneHeads heads = null;
        for (int i = 0; i < page.length; i++) {
            if (snippets[i] == null && heads == null) {
                heads = new LuceneHeads(searcher);
            }
            // the head is read again only when the highlighter found no passage in it: its opening is shown then
            String snippet = snippets[i] != null ? snippets[i] : LuceneSnippets.fallback(heads.of(page[i].doc).text());
            hits.add(of(shown(searcher, page[i].doc), snippet, r));
        }
        return hits;
    }

    /** A hit as the answer shows it: the directive's merged metadata and its renditions' count. */
    static SearchHit of(ArchivedDocument d, String snippet, Renditions r) {
        return r.hit(d, snippet);
    }

    /**
     * A document without its text, from the column of metadata JSON ({@link Fields#META_JSON}): reading the stored
     * JSON instead would decompress the long body stored before it. The stored JSON where the column is missing.
     */
    static ArchivedDocument stored(IndexSearcher searcher, int doc) throws IOException {
        return stored(searcher, doc, true);
    }

    /** As {@link #stored(IndexSearcher, int)}, without the references: what a hit shows of its document. */
    static ArchivedDocument shown(IndexSearcher searcher, int doc) throws IOException {
        return stored(searcher, doc, false);
    }

    private static ArchivedDocument stored(IndexSearcher searcher, int doc, boolean references) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues column = leaf.reader().getBinaryDocValues(Fields.META_JSON);
        if (column != null && column.advanceExact(doc - leaf.docBase)) {
            return DocumentCodec.decode(column.binaryValue(), references);
        }
        String json = searcher.storedFields().document(doc, DOC_JSON_ONLY).get(Fields.DOC_JSON);
        return references ? DocumentCodec.decode(json, "") : DocumentCodec.decodeWithoutReferences(json, "");
    }
}
