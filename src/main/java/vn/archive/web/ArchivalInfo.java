package vn.archive.web;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.archive.storage.ContentStore;
import vn.archive.meta.ArchivalMapping;
import vn.archive.model.ArchivedDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The "Thông tin lưu trữ" block of the document page: the page count it needs, then {@link ArchivalMapping}. */
final class ArchivalInfo {
    private ArchivalInfo() {
    }

    static List<ArchivalMapping.Element> elements(ContentStore store, ArchivedDocument doc, Locale locale) {
        int ocrPages = ArchivalMapping.ocrPages(doc);
        return ArchivalMapping.current().elements(doc, pages(store, doc, ocrPages), ocrPages,
                locale.getLanguage().equals("en"));
    }

    /** A PDF's page count from its original; an image's from the pages OCR read; otherwise unknown. */
    private static Integer pages(ContentStore store, ArchivedDocument doc, int ocrPages) {
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
