package vn.archive.bench;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import vn.archive.index.AnalyzerFactory;
import vn.archive.index.ArchiveIndex;
import vn.archive.index.Fields;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.solr.SolrArchiveIndex;
import vn.archive.solr.SolrTarget;
import vn.archive.text.KindNames;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One ingest run in its own JVM (so its heap can be limited and logged): one reader thread feeds pre-extracted texts
 * to T indexing threads. Mode {@code archive} goes through the archive's path (header extraction, DocumentMapper,
 * {@code LuceneIndex.upsert}, commit); mode {@code bare} is a bare IndexWriter loop adding the same four analysed
 * text fields with the same analyzer; mode {@code solr} is the archive's path into a SolrCloud collection through
 * SolrJ ({@code SolrArchiveIndex.upsert}, one document a request, then a hard commit), the collection named by a fifth
 * argument in {@code --solr} form. Prints one line: {@code RESULT docs seconds}.
 */
public final class IngestRun {
    private record Item(GeneratedCorpus.Row row, String text) {
    }

    private static final Item END = new Item(null, null);

    private IngestRun() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path corpusDir = Path.of(args[1]);
        Path out = Path.of(args[2]);
        int threads = Integer.parseInt(args[3]);
        Files.createDirectories(out);
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(256);
        Exception[] readFailure = new Exception[1];
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                GeneratedCorpus.forEachRow(corpusDir, r -> queue.put(new Item(r, GeneratedCorpus.text(corpusDir, r))));
            } catch (IOException | UncheckedIOException e) {
                readFailure[0] = e;
            } finally {
                try {
                    for (int t = 0; t < threads; t++) {
                        queue.put(END); // the workers stop even when reading failed
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        if (mode.equals("archive") || mode.equals("solr")) {
            MetadataExtractor extractor = new MetadataExtractor(Dictionaries.builtIn());
            try (ArchiveIndex index = mode.equals("solr")
                    ? SolrArchiveIndex.open(SolrTarget.parse(args[4]), KindNames.builtIn())
                    : LuceneIndex.open(out.resolve("index"))) {
                run(threads, queue, item -> {
                    index.upsert(GeneratedCorpus.document(item.row(), item.text(), extractor.extract(item.text())));
                    done.incrementAndGet();
                });
                index.commit();
            }
        } else if (mode.equals("bare")) {
            FieldType body = new FieldType(TextField.TYPE_STORED);
            body.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
            body.freeze();
            IndexWriterConfig config = new IndexWriterConfig(AnalyzerFactory.perField()).setRAMBufferSizeMB(64);
            try (FSDirectory dir = FSDirectory.open(out.resolve("index")); IndexWriter w = new IndexWriter(dir, config)) {
                run(threads, queue, item -> {
                    Document d = new Document();
                    d.add(new StringField(Fields.ID, Integer.toString(item.row().id()), Field.Store.YES));
                    d.add(new Field(Fields.BODY, item.text(), body));
                    d.add(new TextField(Fields.BODY_EXACT, item.text(), Field.Store.NO));
                    d.add(new TextField(Fields.TITLE, item.row().title(), Field.Store.NO));
                    d.add(new TextField(Fields.TITLE_EXACT, item.row().title(), Field.Store.NO));
                    w.addDocument(d);
                    done.incrementAndGet();
                });
                w.commit();
            }
        } else {
            throw new IllegalArgumentException("mode must be archive, solr or bare, was " + mode);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        reader.join();
        if (readFailure[0] != null) {
            throw new IOException("reading the corpus failed after " + done.get() + " documents", readFailure[0]);
        }
        System.out.printf(Locale.ROOT, "RESULT %d %.3f%n", done.get(), seconds);
    }

    private interface Work {
        void accept(Item item) throws Exception;
    }

    private static void run(int threads, BlockingQueue<Item> queue, Work work) throws Exception {
        Thread[] workers = new Thread[threads];
        Exception[] failure = new Exception[1];
        for (int t = 0; t < threads; t++) {
            workers[t] = Thread.ofPlatform().start(() -> {
                try {
                    for (Item item = queue.take(); item != END; item = queue.take()) {
                        work.accept(item);
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
