package vn.archive.search;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import vn.archive.index.BodyHead;
import vn.archive.index.Fields;
import vn.archive.index.HeadSentences;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The heads of a searcher's documents ({@link BodyHead}), which snippets are made from: a long law's from its
 * {@link Fields#BODY_HEAD_UTF16} doc values (a few KB, uncompressed; {@link Fields#BODY_HEAD} in an index built
 * before them), any other's cut from its stored body (a short body
 * is its own head; an index built before heads were kept gives the same head, more slowly), with the head's sentence
 * boundaries where the index keeps them ({@link Fields#BODY_SENTENCES}). One reader per page of
 * hits; cheapest when asked for documents in increasing order, as doc values are read forward.
 */
final class LuceneHeads {
    private static final Set<String> BODY_ONLY = Set.of(Fields.BODY);

    /**
     * A document's head, its whole body's length in chars and the head's sentence boundaries
     * ({@link HeadSentences}; null in an index built before them); a null text for a document without a body.
     */
    record Head(String text, int bodyLength, int[] sentences) {
    }

    private final IndexSearcher searcher;
    private final List<LeafReaderContext> leaves;
    private LeafReaderContext leaf;
    private BinaryDocValues heads;
    private BinaryDocValues utf16;
    private NumericDocValues lengths;
    private BinaryDocValues sentences;
    private int last = -1;
    private StoredFields stored;

    LuceneHeads(IndexSearcher searcher) {
        this.searcher = searcher;
        this.leaves = searcher.getIndexReader().leaves();
    }

    /** The head of this document (a top-level id). */
    Head of(int doc) throws IOException {
        if (leaf == null || doc <= last || doc >= leaf.docBase + leaf.reader().maxDoc()) {
            leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            heads = leaf.reader().getBinaryDocValues(Fields.BODY_HEAD);
            utf16 = leaf.reader().getBinaryDocValues(Fields.BODY_HEAD_UTF16);
            lengths = leaf.reader().getNumericDocValues(Fields.BODY_CHARS);
            sentences = leaf.reader().getBinaryDocValues(Fields.BODY_SENTENCES);
        }
        last = doc;
        int inLeaf = doc - leaf.docBase;
        int[] bounds = sentences != null && sentences.advanceExact(inLeaf)
                ? HeadSentences.decode(sentences.binaryValue()) : null;
        if (utf16 != null && lengths != null && utf16.advanceExact(inLeaf) && lengths.advanceExact(inLeaf)) {
            return new Head(BodyHead.ofUtf16(utf16.binaryValue()), (int) lengths.longValue(), bounds);
        }
        if (heads != null && lengths != null && heads.advanceExact(inLeaf) && lengths.advanceExact(inLeaf)) {
            // an index built before the UTF-16 heads
            BytesRef head = heads.binaryValue();
            // the JDK's decoder: about twice as fast as Lucene's on Vietnamese text
            return new Head(new String(head.bytes, head.offset, head.length, StandardCharsets.UTF_8),
                    (int) lengths.longValue(), bounds);
        }
        if (stored == null) {
            stored = searcher.storedFields();
        }
        String body = stored.document(doc, BODY_ONLY).get(Fields.BODY);
        return body == null ? new Head(null, 0, null) : new Head(BodyHead.of(body), body.length(), bounds);
    }
}
