package vn.archive.ingest;

/**
 * What Tika read from a file.
 *
 * @param text      the extracted text, normalized (NFC, clean spaces)
 * @param mediaType the detected media type
 * @param pages     page count when the format has pages, else 0
 * @param notes     what was done to the text on the way (a legacy encoding converted…)
 */
public record Extraction(String text, String mediaType, int pages, java.util.List<String> notes) {
    public Extraction {
        notes = notes == null ? java.util.List.of() : java.util.List.copyOf(notes);
    }

    /** An extraction without notes. */
    public Extraction(String text, String mediaType, int pages) {
        this(text, mediaType, pages, java.util.List.of());
    }

    /** Whether the file is an image or an image-only document that needs OCR to have text. */
    public boolean needsOcr() {
        return text.isBlank() && (mediaType.startsWith("image/") || mediaType.equals("application/pdf"));
    }
}
