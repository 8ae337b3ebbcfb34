package vn.archive.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated tables of {@code index-config/}: one row a line, {@code #} comments and blank lines
 * skipped, a minimum column count checked. A table comes from the override folder when it has the file, else from
 * the copy packaged in the jar, so every table is editable data and none is a Java constant.
 */
public final class ConfigTables {
    /** The jar's folder of packaged tables. */
    private static final String PACKAGED = "/index-config/";

    /**
     * One data row.
     *
     * @param table the table's file name, for messages
     * @param line  its line number, from 1
     * @param cols  its columns (trailing empty columns kept)
     */
    public record Row(String table, int line, String[] cols) {
        /** Column {@code i}, stripped. */
        public String col(int i) {
            return cols[i].strip();
        }

        /** An error that names the table and line. */
        public IllegalArgumentException error(String message) {
            return new IllegalArgumentException(table + " line " + line + ": " + message);
        }
    }

    private ConfigTables() {
    }

    /**
     * The rows of a table.
     *
     * @param overrideDir a folder whose copy of the file wins, or null for the packaged copy only
     * @param file        the file name under index-config ("kinds.tsv", "legacy/tcvn3.tsv")
     * @param minColumns  columns every row must have
     */
    public static List<Row> read(Path overrideDir, String file, int minColumns) {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = open(overrideDir, file);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Row row = new Row(file, n, line.split("\t", -1));
                if (row.cols().length < minColumns) {
                    throw row.error("has " + row.cols().length + " columns, expected " + minColumns + ": [" + line + "]");
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static InputStream open(Path dir, String file) throws IOException {
        if (dir != null && Files.isRegularFile(dir.resolve(file))) {
            return Files.newInputStream(dir.resolve(file));
        }
        InputStream in = ConfigTables.class.getResourceAsStream(PACKAGED + file);
        if (in == null) {
            throw new IllegalStateException("Table " + file + " is missing from the jar"
                    + (dir == null ? "" : " and from " + dir));
        }
        return in;
    }
}
