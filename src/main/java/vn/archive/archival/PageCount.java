package vn.archive.archival;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.archive.storage.ContentStore;
import vn.archive.meta.ArchivalMapping;
import vn.archive.model.ArchivedDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A document's page count for its archival elements (numberOfPage, and mixed against digitised). */
public final class PageCount {
    private PageCount() {
    }

    /** A PDF's page count from its original; an image's from the pages OCR read; otherwise null (unknown). */
    public static Integer of(ContentStore store, ArchivedDocument doc) {
        int ocrPages = ArchivalMapping.ocrPages(doc);
        if (doc.source().mediaType().equals("application/pdf")) {
            Optional<Path> original = store.original(doc.source().sha256());
            if (original.isPresent()) {
                try (PDDocument pdf = Loader.loadPDF(original.get().toFile())) {
                    return pdf.getNumberOfPages();
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return doc.source().mediaType().startsWith("image/") && ocrPages > 0 ? ocrPages : null;
    }
}
