package vn.archive;

import io.javalin.Javalin;
import vn.archive.config.AppConfig;
import vn.archive.curation.CorrectionStore;
import vn.archive.curation.Corrections;
import vn.archive.index.AnalyzerFactory;
import vn.archive.index.ArchiveIndex;
import vn.archive.index.GraphLookups;
import vn.archive.index.LuceneIndex;
import vn.archive.solr.SolrArchiveIndex;
import vn.archive.solr.SolrGraphLookups;
import vn.archive.solr.SolrSearchService;
import vn.archive.solr.SolrTarget;
import vn.archive.ingest.OcrEngine;
import vn.archive.meta.ArchivalMapping;
import vn.archive.meta.PartyTerms;
import vn.archive.search.QueryFactory;
import vn.archive.security.Security;
import vn.archive.storage.ContentStore;
import vn.archive.ingest.IngestPipeline;
import vn.archive.ingest.IngestProgress;
import vn.archive.ingest.TesseractOcr;
import vn.archive.ingest.TikaExtractor;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.graph.SnapshotReferenceGraph;
import vn.archive.index.LuceneGraphLookups;
import vn.archive.search.LuceneSearchService;
import vn.archive.graph.ReferenceGraph;
import vn.archive.search.SearchService;
import vn.archive.model.IngestOutcome;
import vn.archive.text.KindNames;
import vn.archive.web.Importer;
import vn.archive.web.Uploads;
import vn.archive.web.WebServer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The composition root: builds every service of one archive from its configuration, once. CLI verbs and tests
 * open an Archive, use what they need, and close it.
 */
public final class Archive implements Closeable {
    private final AppConfig config;
    private final ArchiveIndex index;
    private final ContentStore store;
    private final Dictionaries dictionaries;
    /** Made at the first import or extraction: serving reads no text, and building it cost its start 0.1–0.3 s. */
    private MetadataExtractor metadata;
    private final SearchService search;
    private final Corrections corrections;
    private final ReferenceGraph references;
    private IngestPipeline pipeline;
    private String localImportToken;
    private OcrEngine ocr = TesseractOcr.system();
    private final Security security;

    private Archive(AppConfig config, SolrTarget solr) throws IOException {
        this.config = config;
        Files.createDirectories(config.dataDir());
        KindNames kindNames = KindNames.load(config.configDir());
        this.store = new ContentStore(config.dataDir());
        this.dictionaries = Dictionaries.load(config.configDir());
        ArchivalMapping.use(config.configDir());
        PartyTerms.use(config.configDir());
        GraphLookups lookups;
        if (solr == null) {
            LuceneIndex lucene = LuceneIndex.open(config.dataDir().resolve("index"), kindNames);
            this.index = lucene;
            this.search = new LuceneSearchService(lucene, new QueryFactory(lucene.analyzer(), kindNames,
                    EnumSet.allOf(QueryFactory.Feature.class)));
            lookups = new LuceneGraphLookups(lucene);
        } else {
            // the index is the collection; originals, corrections, accounts and uploads stay under --data
            SolrArchiveIndex collection = SolrArchiveIndex.open(solr, kindNames);
            this.index = collection;
            this.search = new SolrSearchService(collection.client(), collection.collection(),
                    new QueryFactory(AnalyzerFactory.perField(), kindNames, EnumSet.allOf(QueryFactory.Feature.class)));
            lookups = new SolrGraphLookups(collection.client(), collection.collection());
        }
        this.corrections = new Corrections(new CorrectionStore(config.dataDir()), index, Clock.systemUTC());
        this.corrections.recover();
        this.references = SnapshotReferenceGraph.perQuery(lookups, dictionaries);
        this.security = Security.open(config.dataDir());
    }

    /** Opens (creating if needed) the archive described by the configuration, on the embedded index. */
    public static Archive open(AppConfig config) throws IOException {
        return new Archive(config, null);
    }

    /**
     * Opens the archive whose index is this SolrCloud collection (made by {@code solr-setup}); its originals,
     * corrections, accounts and uploads are under the configuration's data folder, as for the embedded index.
     */
    public static Archive onSolr(AppConfig config, SolrTarget solr) throws IOException {
        return new Archive(config, Objects.requireNonNull(solr, "solr"));
    }

    public AppConfig config() {
        return config;
    }

    public SearchService search() {
        return search;
    }

    public ContentStore store() {
        return store;
    }

    /** Who cites whom in this archive, resolved at query time. */
    public ReferenceGraph references() {
        return references;
    }

    public synchronized MetadataExtractor metadata() {
        if (metadata == null) {
            metadata = new MetadataExtractor(dictionaries);
        }
        return metadata;
    }

    /** Every document the index holds, each rendition counted (search counts directives). */
    public long documentCount() throws IOException {
        return index.count();
    }

    /** The embedded index, for benchmarks in this package (an archive on SolrCloud has none). */
    LuceneIndex index() {
        if (index instanceof LuceneIndex lucene) {
            return lucene;
        }
        throw new IllegalStateException("this archive's index is a SolrCloud collection");
    }

    /** The tables this archive reads, for benchmarks in this package. */
    Dictionaries dictionaries() {
        return dictionaries;
    }

    /** Archivists' corrections of this archive. */
    public Corrections corrections() {
        return corrections;
    }

    /** The pipeline that imports into this archive (one per archive, so its live progress is shared). */
    public synchronized IngestPipeline pipeline() {
        if (pipeline == null) {
            pipeline = new IngestPipeline(index, store, TikaExtractor.isolated(IngestPipeline.EXTRACTION_TIMEOUT), metadata(),
                    ocr).withCorrections(corrections::apply)
                    .withMaxFileBytes(config.maxFileBytes());
        }
        return pipeline;
    }

    /**
     * Reads scans with this engine instead of the system's Tesseract (tests that need a scan's text where Tesseract
     * is not installed); only before the first import.
     */
    public synchronized Archive withOcr(OcrEngine engine) {
        if (pipeline != null) {
            throw new IllegalStateException("the pipeline already runs with its OCR engine");
        }
        this.ocr = Objects.requireNonNull(engine, "engine");
        return this;
    }

    /** Accounts, sessions and the audit log of this archive. */
    public Security security() {
        return security;
    }

    /** The web app over this archive (not started). */
    public Javalin webApp() {
        return WebServer.create(search, store, references, corrections,
                new Uploads(new PipelineImporter(), config.dataDir().resolve("uploads"), Uploads.DEFAULT_MAX_BYTES,
                        localImportToken()), security);
    }

    /**
     * The secret with which the {@code import} verb on this machine hands a batch to this archive's serving portal:
     * random for each process, written by {@code serve} into a file only its user can read.
     */
    public synchronized String localImportToken() {
        if (localImportToken == null) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            localImportToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        return localImportToken;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }

    /** The portal's importer: this archive's one pipeline, whose live progress the import page shows. */
    private final class PipelineImporter implements Importer {
        @Override
        public void run(List<Path> inputs, Consumer<IngestOutcome> listener) throws IOException {
            pipeline().run(inputs, listener);
        }

        @Override
        public Optional<Running> running() {
            IngestProgress.Snapshot s = pipeline().progress().snapshot();
            return s.running() ? Optional.of(new Running(s.done(), s.total(), s.filesPerSecond())) : Optional.empty();
        }
    }
}
