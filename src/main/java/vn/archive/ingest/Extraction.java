package vn.archive.ingest;

/**
 * What Tika read from a file.
 *
 * @param text      the extracted text, normalized (NFC, clean spaces)
 * @param mediaType the detected media type
 * @param pages     page count when the format has pages, else 0
 */
public record Extraction(String text, String mediaType, int pages) {
    /** Whether the file is an image or an image-only document that needs OCR to have text. */
    public boolean needsOcr() {
        return text.isBlank() && (mediaType.startsWith("image/") || mediaType.equals("application/pdf"));
    }
}
