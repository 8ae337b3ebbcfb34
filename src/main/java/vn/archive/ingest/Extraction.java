package vn.archive.ingest;

import java.util.List;

/**
 * What Tika read from a file.
 *
 * @param text          the extracted text, normalized (NFC, clean spaces)
 * @param mediaType     the detected media type
 * @param pages         page count when the format has pages, else 0
 * @param charsPerPage  for PDFs, characters of text layer on each page (empty when unknown)
 * @param notes         what was done to the text on the way (a legacy encoding converted…)
 */
public record Extraction(String text, String mediaType, int pages, List<Integer> charsPerPage, List<String> notes) {
    public Extraction {
        charsPerPage = charsPerPage == null ? List.of() : List.copyOf(charsPerPage);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** An extraction without notes. */
    public Extraction(String text, String mediaType, int pages, List<Integer> charsPerPage) {
        this(text, mediaType, pages, charsPerPage, List.of());
    }

    /** An extraction without page details or notes. */
    public Extraction(String text, String mediaType, int pages) {
        this(text, mediaType, pages, List.of(), List.of());
    }

    /** Whether the file is an image or an image-only document that needs OCR to have text. */
    public boolean needsOcr() {
        return text.isBlank() && (mediaType.startsWith("image/") || isPdf());
    }

    /** Whether some page of a PDF has no text layer (a scan inside an otherwise digital PDF). */
    public boolean hasPagesWithoutText() {
        return isPdf() && charsPerPage.stream().anyMatch(c -> c == 0);
    }

    boolean isPdf() {
        return mediaType.equals("application/pdf");
    }
}
