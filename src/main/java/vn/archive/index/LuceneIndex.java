package vn.archive.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import vn.archive.model.ArchivedDocument;
import vn.archive.text.KindNames;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded Lucene index: one IndexWriter for the archive's lifetime and a SearcherManager for readers.
 * Readers see a document after {@link #commit()} (which also refreshes the searcher).
 */
public final class LuceneIndex implements ArchiveIndex {
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final DocumentMapper mapper;
    private final FacetsConfig facetsConfig;
    private final Analyzer analyzer;
    /**
     * Hashes upserted since the last commit, which the searcher cannot see yet. With {@link #unseen}, the one place
     * where the writer sees its own uncommitted writes.
     */
    private final Map<String, String> uncommitted = new ConcurrentHashMap<>();
    /** Documents upserted since the last commit, by id; each entry is removed only by the commit that covers it. */
    private final Map<String, Unseen> unseen = new ConcurrentHashMap<>();
    private final AtomicLong upserts = new AtomicLong();

    /**
     * The most uncommitted documents held in memory: past it the searcher is reopened on the writer (never reached
     * by an import, which commits every {@code archive.commitEvery} documents).
     */
    private static final int MAX_UNSEEN = 2_000;

    /** One uncommitted write (its number tells a newer write of the same id from the one a commit covered). */
    private record Unseen(long seq, ArchivedDocument document) { }

    private LuceneIndex(Directory directory, KindNames kindNames) throws IOException {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.analyzer = AnalyzerFactory.perField();
        this.facetsConfig = DocumentMapper.newFacetsConfig();
        this.mapper = new DocumentMapper(facetsConfig, kindNames);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, true, true, new SearcherFactory());
    }

    /** Opens (or creates) the index in this folder. */
    public static LuceneIndex open(Path folder) throws IOException {
        return open(folder, KindNames.builtIn());
    }

    /** Opens (or creates) the index in this folder, filing numbers under the kind codes of this table. */
    public static LuceneIndex open(Path folder, KindNames kindNames) throws IOException {
        return new LuceneIndex(FSDirectory.open(folder), kindNames);
    }

    /** Opens an index over any directory (in tests, a ByteBuffersDirectory). */
    public static LuceneIndex open(Directory directory) throws IOException {
        return new LuceneIndex(directory, KindNames.builtIn());
    }

    @Override
    public void upsert(ArchivedDocument document) throws IOException {
        Document doc = mapper.toDocument(document);
        writer.updateDocument(new Term(Fields.ID, document.id()), doc);
        uncommitted.put(document.source().sha256(), document.id());
        unseen.put(document.id(), new Unseen(upserts.incrementAndGet(), document));
        if (unseen.size() > MAX_UNSEEN) {
            // a long run of writes without a commit (a bulk load): the searcher is reopened on the writer, which
            // then sees these writes, instead of the heap holding every document and its text until the commit
            long seq = upserts.get();
            searchers.maybeRefreshBlocking();
            unseen.values().removeIf(u -> u.seq() <= seq);
        }
    }

    @Override
    public void commit() throws IOException {
        Map<String, String> done = Map.copyOf(uncommitted);
        long seq = upserts.get();
        writer.commit();
        searchers.maybeRefreshBlocking();
        done.forEach(uncommitted::remove);
        unseen.values().removeIf(u -> u.seq() <= seq);
    }

    /** How many uncommitted documents are held in memory (for tests). */
    int heldUncommitted() {
        return unseen.size();
    }

    @Override
    public Optional<ArchivedDocument> latest(String id) throws IOException {
        Unseen u = unseen.get(id);
        return u != null ? Optional.of(u.document()) : get(id);
    }

    @Override
    public Optional<ArchivedDocument> get(String id) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document stored = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.DOC_JSON, Fields.BODY));
            return Optional.of(DocumentCodec.decode(stored.get(Fields.DOC_JSON), stored.get(Fields.BODY)));
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public Optional<String> idForSha256(String sha256) throws IOException {
        String pending = uncommitted.get(sha256);
        if (pending != null) {
            return Optional.of(pending);
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(Fields.SHA256, sha256)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.ID)).get(Fields.ID));
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public long count() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void forEachDocument(DocumentSink sink) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        Document d = stored.document(doc, Set.of(Fields.DOC_JSON, Fields.BODY));
                        sink.accept(DocumentCodec.decode(d.get(Fields.DOC_JSON), d.get(Fields.BODY)));
                    }
                }
            }
        } finally {
            searchers.release(searcher);
        }
    }

    /** The last commit of the index in this folder, read without opening it for writing (another process may). */
    public static Commit lastCommit(Path folder) throws IOException {
        try (FSDirectory dir = FSDirectory.open(folder); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexCommit commit = reader.getIndexCommit();
            return new Commit(commit.getGeneration(), commit.getFileNames().stream().sorted().toList());
        }
    }

    /** The searcher manager, for the search package. Acquire and release in finally. */
    public SearcherManager searchers() {
        return searchers;
    }

    /** The facets configuration used when indexing. */
    public FacetsConfig facetsConfig() {
        return facetsConfig;
    }

    /** The analyzer used when indexing, to analyze queries the same way. */
    public Analyzer analyzer() {
        return analyzer;
    }

    @Override
    public void close() throws IOException {
        try (directory; writer; searchers) {
            writer.commit();
        }
    }
}
