package vn.archive.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL full-text search as the peer a user might pick instead: a private cluster (initdb, pg_ctl) in a temp
 * folder on a loopback port, a tsvector column built with unaccent (so queries without diacritics match) and a GIN
 * index. Skipped cleanly when PostgreSQL is not installed.
 */
final class PostgresPeer implements AutoCloseable {
    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean asRoot;
    private final List<Connection> connections = Collections.synchronizedList(new ArrayList<>());
    /** Idle connections: each client borrows one per query, as an application's pool would lend it. */
    private final java.util.concurrent.LinkedBlockingDeque<Connection> pool = new java.util.concurrent.LinkedBlockingDeque<>();

    private PostgresPeer(Path dir, Path bin, int port, boolean asRoot) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** The folder with initdb and pg_ctl, if PostgreSQL is installed. */
    static Optional<Path> binaries() {
        try (var s = Files.list(Path.of("/usr/lib/postgresql"))) {
            return s.map(p -> p.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("initdb")))
                    .max(Path::compareTo);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Creates and starts a private cluster. PostgreSQL refuses to run as root, so as root it runs as postgres. */
    static PostgresPeer start(Path bin) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bench-pg");
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        if (asRoot) {
            run(List.of("chown", "postgres", dir.toString()), false);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresPeer pg = new PostgresPeer(dir, bin, port, asRoot);
        run(pg.pgCommand(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                "-U", "bench", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), asRoot);
        run(pg.pgCommand(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("log").toString(), "-w", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                        + " -c full_page_writes=off -c shared_buffers=256MB -c maintenance_work_mem=512MB"
                        + " -c max_wal_size=8GB -c max_connections=40", "start"), asRoot);
        return pg;
    }

    private List<String> pgCommand(String... args) {
        List<String> cmd = new ArrayList<>();
        if (asRoot) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void run(List<String> cmd, boolean ignored) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(Path.of("/tmp").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private Connection borrow() {
        Connection c = pool.pollFirst();
        return c != null ? c : connect();
    }

    private void giveBack(Connection c) {
        pool.addFirst(c);
    }

    String version() throws SQLException {
        Connection c = borrow();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return r.getString(1);
        } finally {
            giveBack(c);
        }
    }

    private Connection connect() {
        try {
            Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "bench", "");
            connections.add(c);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the corpus with COPY, then builds the GIN and b-tree indexes and statistics. Returns seconds. */
    double ingest(GeneratedCorpus corpus) throws SQLException, IOException {
        Connection c = borrow();
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
            s.execute("CREATE TEXT SEARCH CONFIGURATION vn (COPY = simple)");
            s.execute("ALTER TEXT SEARCH CONFIGURATION vn ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple");
            s.execute("CREATE TABLE docs (id int PRIMARY KEY, number text, kind text, issuer text, level text,"
                    + " year int, place text, signer text, date date, cites text[], title text, body text,"
                    + " tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('vn', title), 'A')"
                    + " || to_tsvector('vn', body)) STORED)");
            s.execute("CREATE TABLE citations (citing int NOT NULL, cited text NOT NULL, cited_id int,"
                    + " relation text NOT NULL)");
        }
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY docs (id, number, kind, issuer, level, year, place, signer, date, cites, title, body)"
                        + " FROM STDIN");
        StringBuilder sb = new StringBuilder(1 << 20);
        for (GeneratedCorpus.Row r : corpus.rows) {
            sb.append(r.id()).append('\t').append(esc(r.number())).append('\t').append(esc(r.kind())).append('\t')
                    .append(esc(r.issuer())).append('\t').append(esc(r.level())).append('\t')
                    .append(r.date().getYear()).append('\t').append(esc(r.place())).append('\t')
                    .append(esc(r.signer())).append('\t').append(r.date()).append('\t').append('{');
            for (int k = 0; k < r.cites().size(); k++) {
                sb.append(k == 0 ? "" : ",").append('"').append(esc(r.cites().get(k))).append('"');
            }
            sb.append('}').append('\t').append(esc(r.title())).append('\t').append(esc(corpus.text(r))).append('\n');
            if (sb.length() > 1 << 20) {
                flush(copy, sb);
            }
        }
        flush(copy, sb);
        copy.endCopy();
        // who implements whom, as the archive indexes it: the first cited number implements, the rest mention. A
        // local number (05-NQ/HU) is shared by many districts, so the implemented document is also stored by id, as
        // an application would resolve it on import; joining on the number alone would link every namesake
        copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY citations (citing, cited, cited_id, relation) FROM STDIN");
        for (GeneratedCorpus.Row r : corpus.rows) {
            for (int k = 0; k < r.cites().size(); k++) {
                boolean implementing = k == 0;
                sb.append(r.id()).append('\t').append(esc(r.cites().get(k))).append('\t')
                        .append(implementing && r.implementsId() >= 0 ? Integer.toString(r.implementsId()) : "\\N")
                        .append('\t').append(implementing ? "implements" : "mentions").append('\n');
            }
            if (sb.length() > 1 << 20) {
                flush(copy, sb);
            }
        }
        flush(copy, sb);
        copy.endCopy();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX citations_cited ON citations (cited)");
            s.execute("CREATE INDEX citations_implementing ON citations (cited_id) WHERE relation = 'implements'");
            s.execute("ANALYZE citations");
            s.execute("CREATE INDEX docs_tsv ON docs USING gin (tsv)");
            s.execute("CREATE INDEX docs_number ON docs (number)");
            s.execute("CREATE INDEX docs_cites ON docs USING gin (cites)");
            s.execute("CREATE INDEX docs_kind_level ON docs (kind, level)");
            s.execute("ANALYZE docs");
        }
        giveBack(c);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void flush(CopyIn copy, StringBuilder sb) throws SQLException {
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(b, 0, b.length);
        sb.setLength(0);
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Bytes the tables and their indexes take. */
    long bytes() throws SQLException {
        Connection c = borrow();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_total_relation_size('docs') + pg_total_relation_size('citations')")) {
            r.next();
            return r.getLong(1);
        } finally {
            giveBack(c);
        }
    }

    /**
     * Runs one query of a class the way PostgreSQL would answer it: ranked full text, lookup, grouped counts, or a
     * recursive walk of the citations. Returns the rows read (of the last statement).
     */
    int query(String queryClass, QuerySet.Query q) throws SQLException {
        Connection c = borrow();
        try {
            return answer(c, queryClass, q);
        } finally {
            giveBack(c);
        }
    }

    /** The generated ids of the rows of a number's implementation tree ({@link #TREE}), once per row (a document
     * reached by two paths is two rows). */
    List<Integer> treeIds(String number) throws SQLException {
        Connection c = borrow();
        try (PreparedStatement ps = c.prepareStatement(TREE)) {
            ps.setString(1, number);
            List<Integer> ids = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getInt(1));
                }
            }
            return ids;
        } finally {
            giveBack(c);
        }
    }

    /**
     * The implementation tree as rows: the documents with the number, then every document implementing a row
     * already found (by the implemented document's id), down to the archive's depth of 8, never twice on one path,
     * with the columns a tree node shows.
     */
    private static final String TREE = "WITH RECURSIVE tree (id, number, parent, depth, path) AS ("
            + " SELECT id, number, NULL::int, 0, ARRAY[id] FROM docs WHERE number = ?"
            + " UNION ALL SELECT d.id, d.number, t.id, t.depth + 1, t.path || d.id FROM tree t"
            + " JOIN citations c ON c.cited_id = t.id AND c.relation = 'implements'"
            + " JOIN docs d ON d.id = c.citing WHERE t.depth < 8 AND d.id <> ALL (t.path))"
            + " SELECT t.id, d.title, t.parent, t.depth, d.kind, d.number, d.date, d.issuer, d.level, d.place"
            + " FROM tree t JOIN docs d ON d.id = t.id ORDER BY t.depth, d.date, t.id";

    private static int answer(Connection c, String queryClass, QuerySet.Query q) throws SQLException {
        return switch (queryClass) {
            case QuerySet.TREE -> drain(c, TREE, q.text());
            case QuerySet.NUMBER -> drain(c, "SELECT id, title FROM docs WHERE number = ? LIMIT 20", q.text());
            case QuerySet.CITES -> drain(c, "SELECT id, title FROM docs WHERE cites @> ARRAY[?]::text[]"
                    + " ORDER BY date DESC LIMIT 20", q.filters().get("cites").get(0));
            case QuerySet.BROWSE -> {
                String kind = q.filters().get("kind").get(0);
                String level = q.filters().get("level").get(0);
                drain(c, "SELECT id, title FROM docs WHERE kind = ? AND level = ? ORDER BY date DESC LIMIT 20",
                        kind, level);
                yield drain(c, "SELECT kind, issuer, level, year, place, signer, count(*) FROM docs WHERE kind = ?"
                        + " AND level = ? GROUP BY GROUPING SETS ((kind), (issuer), (level), (year), (place), (signer))",
                        kind, level);
            }
            default -> drain(c, "SELECT id, title FROM docs, websearch_to_tsquery('vn', ?) q WHERE tsv @@ q"
                    + " ORDER BY ts_rank(tsv, q) DESC LIMIT 20", q.text());
        };
    }

    private static int drain(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            int rows = 0;
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    r.getString(2);
                    rows++;
                }
            }
            return rows;
        }
    }

    @Override
    public void close() throws Exception {
        synchronized (connections) {
            for (Connection c : connections) {
                c.close();
            }
        }
        try {
            run(pgCommand(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                    "stop"), asRoot);
        } finally {
            new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
        }
    }
}
