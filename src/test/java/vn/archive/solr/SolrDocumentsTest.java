package vn.archive.solr;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.bench.GeneratedCorpus;
import vn.archive.bench.GraphHeapBench;
import vn.archive.index.Fields;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.text.KindNames;
import vn.archive.text.PlaceKeys;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A document written to a Solr collection carries the place terms the embedded index files it under. */
class SolrDocumentsTest {
    @TempDir
    Path dir;

    @Test
    void a_solr_document_has_the_embedded_index_place_terms_of_its_number_and_citations() throws IOException {
        try (LuceneIndex index = GeneratedCorpus.indexed(dir.resolve("index"), 120, 7)) {
            Map<String, Set<String>> numberAt = indexed(index, Fields.NUMBER_AT);
            Map<String, Set<String>> citesAt = indexed(index, Fields.CITES_AT);
            SolrDocuments mapper = new SolrDocuments(KindNames.builtIn());
            int placed = 0;
            int citing = 0;
            for (ArchivedDocument listed : GraphHeapBench.documents(index)) {
                SolrInputDocument doc = mapper.toSolr(index.get(listed.id()).orElseThrow());
                Set<String> own = values(doc, Fields.NUMBER_AT);
                assertEquals(numberAt.getOrDefault(listed.id(), Set.of()), own, listed.id() + "'s number");
                assertEquals(citesAt.getOrDefault(listed.id(), Set.of()), values(doc, Fields.CITES_AT), listed.id() + "'s citations");
                assertTrue(own.contains(PlaceKeys.MARK), listed.id() + " bears the mark");
                placed += own.stream().anyMatch(t -> t.contains("@p:") && !t.endsWith("?")) ? 1 : 0;
                citing += values(doc, Fields.CITES_AT).isEmpty() ? 0 : 1;
            }
            assertTrue(placed > 50 && citing > 20, "documents placed in a province " + placed + ", citing " + citing);
        }
    }

    private static Set<String> values(SolrInputDocument doc, String field) {
        Collection<Object> values = doc.getFieldValues(field);
        Set<String> out = new TreeSet<>();
        if (values != null) {
            values.forEach(v -> out.add(v.toString()));
        }
        return out;
    }

    /** Each document's terms of this field, read back from the embedded index's postings. */
    private static Map<String, Set<String>> indexed(LuceneIndex index, String field) throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        IndexSearcher searcher = index.searchers().acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) {
                    continue;
                }
                StoredFields stored = leaf.reader().storedFields();
                TermsEnum e = terms.iterator();
                PostingsEnum postings = null;
                for (BytesRef term = e.next(); term != null; term = e.next()) {
                    String text = term.utf8ToString();
                    postings = e.postings(postings, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        String id = stored.document(doc, Set.of(Fields.ID)).get(Fields.ID);
                        out.computeIfAbsent(id, k -> new TreeSet<>()).add(text);
                    }
                }
            }
        } finally {
            index.searchers().release(searcher);
        }
        return out;
    }
}
