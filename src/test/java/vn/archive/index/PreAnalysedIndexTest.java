package vn.archive.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.SourceInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The document mapper analyses a text once for its folded and exact fields ({@code ExactAndFolded}); the index it
 * writes must equal the one the writer's per-field analyzer made when it analysed each field itself: the same
 * terms, postings, positions, offsets, norms, stored fields, doc values and points, on the seeds and the state corpus.
 */
class PreAnalysedIndexTest {
    private static final List<Document> PRE_ANALYSED = new ArrayList<>();
    private static final List<Document> ANALYSED_BY_WRITER = new ArrayList<>();

    @BeforeAll
    static void map_the_seeds_and_the_state_corpus() throws Exception {
        List<Path> files;
        try (Stream<Path> seeds = Files.list(Path.of("corpus/seeds")); Stream<Path> state = Files.list(Path.of("corpus/state"))) {
            files = Stream.concat(seeds, state).filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        MetadataExtractor extractor = new MetadataExtractor(Dictionaries.builtIn());
        DocumentMapper mapper = new DocumentMapper(DocumentMapper.newFacetsConfig());
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
            ArchivedDocument d = new ArchivedDocument(ArchivedDocument.idFor(sha), extractor.extract(text),
                    new SourceInfo(file.getFileName().toString(), sha, "text/plain", false, text.length(),
                            List.of(file.toString())), text, List.of());
            Document doc = mapper.toDocument(d);
            PRE_ANALYSED.add(doc);
            ANALYSED_BY_WRITER.add(analysedByWriter(doc));
        }
    }

    @Test
    void the_index_of_pre_analysed_fields_equals_the_index_the_analyzer_makes() throws IOException {
        assertTrue(PRE_ANALYSED.size() > 70, "the seeds and the state corpus: " + PRE_ANALYSED.size());
        assertTrue(PRE_ANALYSED.stream().anyMatch(d -> d.get(Fields.BODY).length() > 100_000), "a long law is among them");
        try (Directory a = index(PRE_ANALYSED); Directory b = index(ANALYSED_BY_WRITER);
             DirectoryReader ra = DirectoryReader.open(a); DirectoryReader rb = DirectoryReader.open(b)) {
            LeafReader la = ra.leaves().get(0).reader();
            LeafReader lb = rb.leaves().get(0).reader();
            assertEquals(lb.maxDoc(), la.maxDoc());
            List<String> fields = new ArrayList<>();
            for (FieldInfo info : lb.getFieldInfos()) {
                fields.add(info.name);
                FieldInfo other = la.getFieldInfos().fieldInfo(info.name);
                assertNotNull(other, info.name);
                assertEquals(describe(info), describe(other), info.name);
                if (info.getIndexOptions() != IndexOptions.NONE) {
                    assertSamePostings(info.name, lb.terms(info.name), la.terms(info.name));
                }
                if (info.hasNorms()) {
                    assertSameNorms(info.name, lb.getNormValues(info.name), la.getNormValues(info.name));
                }
                assertSameDocValues(info, lb, la);
                if (info.getPointDimensionCount() > 0) {
                    PointValues pb = lb.getPointValues(info.name);
                    PointValues pa = la.getPointValues(info.name);
                    assertEquals(pb.size(), pa.size(), info.name);
                    assertEquals(new BytesRef(pb.getMinPackedValue()), new BytesRef(pa.getMinPackedValue()), info.name);
                    assertEquals(new BytesRef(pb.getMaxPackedValue()), new BytesRef(pa.getMaxPackedValue()), info.name);
                }
            }
            assertEquals(lb.getFieldInfos().size(), la.getFieldInfos().size());
            assertTrue(fields.containsAll(List.of(Fields.BODY, Fields.BODY_EXACT, Fields.TITLE, Fields.TITLE_EXACT)));
            StoredFields sa = la.storedFields();
            StoredFields sb = lb.storedFields();
            for (int doc = 0; doc < lb.maxDoc(); doc++) {
                assertEquals(stored(sb.document(doc)), stored(sa.document(doc)), "stored fields of " + doc);
            }
        }
    }

    /** The same fields, with every tokenized text field left for the writer's analyzer to analyse (the old path). */
    private static Document analysedByWriter(Document doc) {
        Document out = new Document();
        for (IndexableField f : doc.getFields()) {
            if (f.fieldType().tokenized() && f.fieldType().indexOptions() != IndexOptions.NONE && f.stringValue() != null) {
                out.add(new Field(f.name(), f.stringValue(), (FieldType) f.fieldType()));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    private static Directory index(List<Document> docs) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(AnalyzerFactory.perField()))) {
            for (Document d : docs) {
                w.addDocument(d);
            }
            w.forceMerge(1);
        }
        return dir;
    }

    private static String describe(FieldInfo f) {
        return f.getIndexOptions() + " " + f.getDocValuesType() + " norms=" + f.hasNorms() + " vectors="
                + f.hasTermVectors() + " payloads=" + f.hasPayloads() + " points=" + f.getPointDimensionCount();
    }

    private static void assertSamePostings(String field, Terms expected, Terms actual) throws IOException {
        assertEquals(expected.size(), actual.size(), field + ": terms");
        assertEquals(expected.getSumTotalTermFreq(), actual.getSumTotalTermFreq(), field + ": total frequency");
        TermsEnum te = expected.iterator();
        TermsEnum ta = actual.iterator();
        PostingsEnum pe = null;
        PostingsEnum pa = null;
        for (BytesRef term = te.next(); term != null; term = te.next()) {
            assertEquals(term, ta.next(), field);
            String where = field + ":" + term.utf8ToString();
            assertEquals(te.totalTermFreq(), ta.totalTermFreq(), where);
            pe = te.postings(pe, PostingsEnum.ALL);
            pa = ta.postings(pa, PostingsEnum.ALL);
            for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
                assertEquals(doc, pa.nextDoc(), where);
                assertEquals(pe.freq(), pa.freq(), where);
                for (int i = 0; i < pe.freq(); i++) {
                    assertEquals(pe.nextPosition(), pa.nextPosition(), where + " position");
                    assertEquals(pe.startOffset(), pa.startOffset(), where + " start");
                    assertEquals(pe.endOffset(), pa.endOffset(), where + " end");
                }
            }
            assertEquals(DocIdSetIterator.NO_MORE_DOCS, pa.nextDoc(), where);
        }
        assertEquals(null, ta.next(), field);
    }

    private static void assertSameNorms(String field, NumericDocValues expected, NumericDocValues actual)
            throws IOException {
        for (int doc = expected.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = expected.nextDoc()) {
            assertEquals(doc, actual.nextDoc(), field + " norms");
            assertEquals(expected.longValue(), actual.longValue(), field + " norm of " + doc);
        }
        assertEquals(DocIdSetIterator.NO_MORE_DOCS, actual.nextDoc(), field + " norms");
    }

    private static void assertSameDocValues(FieldInfo info, LeafReader expected, LeafReader actual) throws IOException {
        String f = info.name;
        if (info.getDocValuesType() == DocValuesType.BINARY) {
            BinaryDocValues e = expected.getBinaryDocValues(f);
            BinaryDocValues a = actual.getBinaryDocValues(f);
            for (int doc = e.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = e.nextDoc()) {
                assertEquals(doc, a.nextDoc(), f);
                assertEquals(e.binaryValue(), a.binaryValue(), f + " of " + doc);
            }
        } else if (info.getDocValuesType() == DocValuesType.NUMERIC) {
            assertSameNorms(f, expected.getNumericDocValues(f), actual.getNumericDocValues(f));
        } else if (info.getDocValuesType() == DocValuesType.SORTED_SET) {
            SortedSetDocValues e = expected.getSortedSetDocValues(f);
            SortedSetDocValues a = actual.getSortedSetDocValues(f);
            assertEquals(e.getValueCount(), a.getValueCount(), f);
            for (int doc = e.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = e.nextDoc()) {
                assertEquals(doc, a.nextDoc(), f);
                assertEquals(e.docValueCount(), a.docValueCount(), f);
                for (int i = 0; i < e.docValueCount(); i++) {
                    assertEquals(e.lookupOrd(e.nextOrd()), a.lookupOrd(a.nextOrd()), f + " of " + doc);
                }
            }
        } else {
            assertEquals(DocValuesType.NONE, info.getDocValuesType(), f + ": a doc values type this test does not compare");
        }
    }

    private static List<String> stored(Document d) {
        return d.getFields().stream().map(f -> f.name() + "=" + (f.stringValue() != null ? f.stringValue()
                : f.binaryValue() != null ? f.binaryValue().toString() : String.valueOf(f.numericValue()))).toList();
    }
}
