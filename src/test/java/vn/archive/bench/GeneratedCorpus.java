package vn.archive.bench;

import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.model.Signer;
import vn.archive.model.SourceInfo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A corpus written by {@code gen-corpus}: its manifest rows, and each document as the archive would hold it. */
public final class GeneratedCorpus {
    /** One manifest row. */
    record Row(int id, String file, String kind, String number, LocalDate date, String issuer, String parentIssuer,
               String level, String sector, String place, String title, String signer, String position,
               String authority, List<String> cites, int implementsId) {
    }

    final Path root;
    final List<Row> rows;

    private GeneratedCorpus(Path root, List<Row> rows) {
        this.root = root;
        this.rows = rows;
    }

    static GeneratedCorpus open(Path root) throws IOException {
        List<Row> rows = new ArrayList<>();
        forEachRow(root, rows::add);
        return new GeneratedCorpus(root, rows);
    }

    /** Something done with each row of a manifest as it is read. */
    interface RowConsumer {
        void accept(Row row) throws IOException, InterruptedException;
    }

    /**
     * Reads the manifest row by row without keeping it, so a child JVM measuring its heap holds one row at a time
     * (a million rows as objects would be a few hundred MB of the harness's own data in the figure).
     */
    static void forEachRow(Path root, RowConsumer consumer) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(root.resolve("manifest.tsv"), StandardCharsets.UTF_8)) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] c = line.split("\t", -1);
                try {
                    consumer.accept(new Row(Integer.parseInt(c[0]), c[1], c[2], c[3], LocalDate.parse(c[4]), c[5],
                        c[6].isEmpty() ? null : c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13],
                        c[14].isEmpty() ? List.of() : List.of(c[14].split(";")), Integer.parseInt(c[15])));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while reading " + root, e);
                }
            }
        }
    }

    String text(Row row) {
        return text(root, row);
    }

    static String text(Path root, Row row) {
        try {
            return Files.readString(root.resolve(row.file()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The archived document for a row: id from the text's SHA-256 as the pipeline makes it, metadata read from the
     * header by {@code extracted} overlaid with the ground truth the extractor on this branch does not read yet
     * (issuer, level, sector, signer, references: the cited numbers and relations of the manifest, with the date and
     * issuer the extractor read for each number), so facets, {@code cites} and trees are filled as in production.
     */
    static ArchivedDocument document(Row row, String text, DocumentMetadata extracted) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String sha = sha256(bytes);
        List<Reference> refs = new ArrayList<>();
        for (int k = 0; k < row.cites().size(); k++) {
            String n = row.cites().get(k);
            Relation relation = k == 0 ? Relation.IMPLEMENTS : Relation.MENTIONS;
            // the cited date and issuer as the extractor read them from the text: numbers repeat (central ones across
            // years, local ones across districts and years), and the graph links a namesake only by its date
            String key = DocNumber.parse(n).map(DocNumber::key).orElse(n);
            refs.add(extracted.references().stream().filter(r -> r.number() != null
                            && key.equals(DocNumber.parse(r.number()).map(DocNumber::key).orElse(r.number())))
                    .findFirst()
                    .map(r -> new Reference(r.kind(), n, r.date(), r.issuer(), relation, r.text(), r.start(), r.end()))
                    .orElseGet(() -> new Reference(null, n, null, null, relation, n, 0, 0)));
        }
        DocumentMetadata m = extracted.toBuilder()
                .issuer(row.issuer()).parentIssuer(row.parentIssuer()).level(row.level()).sector(row.sector())
                .signer(new Signer(row.signer(), row.position(), row.authority().isEmpty() ? null : row.authority()))
                .references(refs).build();
        return new ArchivedDocument(ArchivedDocument.idFor(sha), m,
                new SourceInfo(row.file(), sha, "text/plain", false, bytes.length, List.of(row.file())), text, List.of());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A generated corpus of {@code docs} documents (this seed) indexed, without files, into a new embedded index at
     * {@code dir}, each document's metadata extracted from its text: the graph tests' archive where numbers restart
     * in every province.
     */
    public static vn.archive.index.LuceneIndex indexed(Path dir, int docs, long seed) throws IOException {
        Path cfg = Path.of("index-config");
        vn.archive.meta.Dictionaries dictionaries = vn.archive.meta.Dictionaries.load(cfg);
        List<vn.archive.generate.GeneratedDocument> generated = new vn.archive.generate.CorpusGenerator(
                vn.archive.generate.GeneratorData.load(cfg), vn.archive.generate.TextModel.learn(vn.archive.TestCorpus.ROOT),
                dictionaries).documents(docs, seed);
        vn.archive.meta.MetadataExtractor extractor = new vn.archive.meta.MetadataExtractor(vn.archive.meta.Dictionaries.builtIn());
        vn.archive.index.LuceneIndex index = vn.archive.index.LuceneIndex.open(dir);
        for (vn.archive.generate.GeneratedDocument g : generated) {
            Row row = new Row(g.id(), g.file(), g.kind(), g.number(), g.date(), g.issuer(), g.parentIssuer(), g.level(),
                    g.sector(), g.place(), g.title(), g.signer(), g.position(), g.authority(), g.cites(), g.implementsId());
            index.upsert(document(row, g.text(), extractor.extract(g.text())));
        }
        index.commit();
        return index;
    }
}
