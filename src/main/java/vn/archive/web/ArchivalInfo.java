package vn.archive.web;

import vn.archive.archival.PageCount;
import vn.archive.storage.ContentStore;
import vn.archive.meta.ArchivalMapping;
import vn.archive.model.ArchivedDocument;

import java.util.List;
import java.util.Locale;

/** The "Thông tin lưu trữ" block of the document page: the page count it needs, then {@link ArchivalMapping}. */
final class ArchivalInfo {
    private ArchivalInfo() {
    }

    static List<ArchivalMapping.Element> elements(ContentStore store, ArchivedDocument doc, Locale locale) {
        return ArchivalMapping.current().elements(doc, PageCount.of(store, doc), ArchivalMapping.ocrPages(doc),
                locale.getLanguage().equals("en"));
    }
}
