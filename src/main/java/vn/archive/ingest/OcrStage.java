package vn.archive.ingest;

import vn.archive.model.IngestStatus;
import vn.archive.storage.ContentStore;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * OCR: a scan's text by the OCR engine, page by page (each page under its own deadline, {@link WatchedProcess}).
 * A scan that cannot be read yet is kept and listed as waiting ({@link WaitingOcr}), to be read by {@code reocr}.
 */
final class OcrStage implements IngestStage {
    private final OcrEngine ocr;
    private final ContentStore store;
    private final WaitingOcr waiting;

    OcrStage(OcrEngine ocr, ContentStore store, WaitingOcr waiting) {
        this.ocr = Objects.requireNonNull(ocr, "ocr");
        this.store = Objects.requireNonNull(store, "store");
        this.waiting = Objects.requireNonNull(waiting, "waiting");
    }

    @Override
    public void apply(InFlight f) throws Exception {
        Extraction extraction = f.extraction;
        if (!ocr.wants(f.file, extraction)) {
            return;
        }
        Optional<OcrEngine.Result> r = ocr.available() ? ocr.recognize(f.file, extraction) : Optional.empty();
        if (r.isPresent() && !r.get().text().isBlank()) {
            f.recognized = r.get();
            f.text = r.get().text();
            f.fromOcr = true;
            f.confidence = r.get().confidence();
            f.pages = Math.max(r.get().pages(), f.pages);
            for (OcrEngine.PageConfidence pc : r.get().pageConfidences()) {
                f.notes.add(String.format(Locale.ROOT, "OCR trang %d: độ tin cậy %.1f%%", pc.page(),
                        pc.confidence()));
            }
        } else if (extraction.needsOcr()) {
            store.putOriginal(f.file.bytes());
            waiting.add(new WaitingOcr.Entry(f.sha, f.file.path(), f.file.fileName()));
            throw StageStop.with(IngestStatus.WAITING_OCR,
                    "Bản quét chờ nhận dạng chữ (OCR chưa cài đặt hoặc chưa chạy)", null, f.pages);
        } else {
            f.notes.add("Có trang là ảnh quét chưa được nhận dạng chữ (OCR chưa cài đặt)");
        }
    }
}
