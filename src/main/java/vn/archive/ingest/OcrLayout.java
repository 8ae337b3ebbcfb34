package vn.archive.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where OCR found each word on a page, kept from the same Tesseract run that gave the text, so a searchable PDF/A
 * can lay the words over the page image without a second OCR pass ({@link PdfaRendition}).
 *
 * @param page    page number in the file, from 1
 * @param width   width in pixels of the image Tesseract read
 * @param height  height in pixels of that image
 * @param degrees the skew removed before recognition (the recognized image was the page turned by minus this,
 *                about its centre); word boxes are in the straightened image's pixels
 * @param words   the words in reading order
 */
public record OcrLayout(int page, int width, int height, double degrees, List<Word> words) {
    public OcrLayout {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("page image must have a size, was " + width + "x" + height);
        }
        words = List.copyOf(Objects.requireNonNull(words, "words"));
    }

    /**
     * One recognized word: its text, its own box, and the box height of its line (the word's own box is short for
     * a word without ascenders or descenders; the line's gives the type size). Pixels, origin top left.
     */
    public record Word(String text, int left, int top, int width, int height, int lineTop, int lineHeight) {
        public Word {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The word boxes of Tesseract's TSV output (levels 4, lines, and 5, words), in reading order. Rows of other
     * levels and empty words are skipped.
     */
    public static List<Word> wordsOfTsv(String tsv) {
        List<Word> words = new ArrayList<>();
        int lineTop = 0;
        int lineHeight = 0;
        for (String row : tsv.split("\n")) {
            String[] c = row.split("\t", -1);
            if (c.length < 12) {
                continue;
            }
            try {
                if (c[0].equals("4")) {
                    lineTop = Integer.parseInt(c[7].strip());
                    lineHeight = Integer.parseInt(c[9].strip());
                } else if (c[0].equals("5") && !c[11].isBlank()) {
                    int top = Integer.parseInt(c[7].strip());
                    int height = Integer.parseInt(c[9].strip());
                    boolean inLine = lineHeight > 0 && top >= lineTop - 2 && top + height <= lineTop + lineHeight + 2;
                    words.add(new Word(c[11].strip(), Integer.parseInt(c[6].strip()), top,
                            Integer.parseInt(c[8].strip()), height, inLine ? lineTop : top,
                            inLine ? lineHeight : height));
                }
            } catch (NumberFormatException e) {
                // the header row, or a malformed one: not a word
            }
        }
        return words;
    }
}
