package vn.archive.ingest;

import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every outcome of one import run, and the totals, which always add up to the files seen. */
public final class IngestReport {
    private final List<IngestOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private volatile int resumed;

    /** Records one outcome. */
    public void add(IngestOutcome outcome) {
        outcomes.add(outcome);
    }

    /** The outcomes in the order they finished. */
    public List<IngestOutcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    /** Files per status. */
    public Map<IngestStatus, Integer> counts() {
        Map<IngestStatus, Integer> counts = new EnumMap<>(IngestStatus.class);
        for (IngestStatus s : IngestStatus.values()) {
            counts.put(s, 0);
        }
        for (IngestOutcome o : outcomes()) {
            counts.merge(o.status(), 1, Integer::sum);
        }
        return counts;
    }

    /** Files an interrupted run of the same command had already finished durably (reported, not redone). */
    public int resumed() {
        return resumed;
    }

    void resumed(int files) {
        resumed = files;
    }

    /** Files seen. */
    public int seen() {
        return outcomes.size();
    }

    /** One line: "seen 12: imported 9, duplicate 1, waiting for OCR 1, failed 1". */
    public String summary() {
        Map<IngestStatus, Integer> c = counts();
        return "Tổng " + seen() + " tệp: nhập mới " + c.get(IngestStatus.IMPORTED)
                + ", trùng " + c.get(IngestStatus.DUPLICATE)
                + ", chờ OCR " + c.get(IngestStatus.WAITING_OCR)
                + ", lỗi " + c.get(IngestStatus.FAILED)
                + " (seen " + seen() + ": imported " + c.get(IngestStatus.IMPORTED)
                + ", duplicate " + c.get(IngestStatus.DUPLICATE)
                + ", waiting for OCR " + c.get(IngestStatus.WAITING_OCR)
                + ", failed " + c.get(IngestStatus.FAILED) + ")";
    }
}
