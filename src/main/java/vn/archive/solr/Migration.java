package vn.archive.solr;

import vn.archive.index.ArchiveIndex;
import vn.archive.storage.ContentStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves an archive's documents from one index to another (embedded Lucene to a SolrCloud collection or back). What
 * is copied is each document as the index stores it: its metadata as JSON, with the archivists' corrections and
 * withdrawals already applied, and its extracted text; the originals, corrections log, accounts and audit log stay
 * in the data folder, which both backends share. Nothing is extracted again (no Tika, no OCR): the copy is exact and
 * takes minutes, not hours. The target must be empty, so that "documents in = documents out" is a real check.
 */
public final class Migration {
    private static final int MISSING_LISTED = 10;

    /**
     * What a migration did.
     *
     * @param read             documents read from the source
     * @param written          documents the target counts after its commit
     * @param missingOriginals how many documents have no original in the content store (listed up to 10)
     * @param missingExamples  ids of some of them
     */
    public record Report(long read, long written, long missingOriginals, List<String> missingExamples) {
        public Report {
            missingExamples = List.copyOf(missingExamples);
        }

        /** Whether every document read is in the target. */
        public boolean complete() {
            return read == written;
        }

        /** The report in Vietnamese, then English. */
        public String summary() {
            String counts = "Đã đọc " + read + " văn bản, đích có " + written + " văn bản"
                    + (complete() ? " — khớp" : " — KHÔNG KHỚP") + " (read " + read + ", target holds " + written
                    + (complete() ? ": equal)" : ": NOT EQUAL)");
            String originals = missingOriginals == 0 ? "Mọi văn bản đều có bản gốc trong kho (every document's "
                    + "original is in the data folder)"
                    : missingOriginals + " văn bản không có bản gốc trong kho (documents without their original in "
                    + "the data folder): " + String.join(", ", missingExamples);
            return counts + "\n" + originals;
        }
    }

    private Migration() {
    }

    /**
     * Copies every committed document of {@code from} into {@code to}, which must hold none, commits, and counts
     * the target. Each document's original is looked up in the store, so a data folder that does not belong to the
     * index is found out.
     */
    public static Report copy(ArchiveIndex from, ArchiveIndex to, ContentStore store) throws IOException {
        long before = to.count();
        if (before > 0) {
            throw new IllegalArgumentException("Chỉ mục đích đã có " + before + " văn bản: chỉ chuyển vào chỉ mục"
                    + " trống (the target index already holds " + before + " documents: migrate into an empty one)");
        }
        long[] read = {0};
        long[] missing = {0};
        List<String> examples = new ArrayList<>();
        from.forEachDocument(d -> {
            to.upsert(d);
            read[0]++;
            if (store.original(d.source().sha256()).isEmpty()) {
                missing[0]++;
                if (examples.size() < MISSING_LISTED) {
                    examples.add(d.id());
                }
            }
        });
        to.commit();
        return new Report(read[0], to.count(), missing[0], examples);
    }
}
