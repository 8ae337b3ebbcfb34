package vn.archive.ingest;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Page images for the PDF/A rendition, made cheaply: PDFBox's {@code LosslessFactory} tries every PNG predictor on
 * every row at full compression, about four seconds for an A4 page at 300 dpi, more than the OCR's own overhead.
 * A PNG is copied as it is (its IDAT stream is a Flate stream with PNG predictors, which PDF reads directly), and any
 * other grey or colour image is deflated once at the fastest level.
 */
final class PdfImages {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PdfImages() {
    }

    /** A PNG copied into the PDF, with its resolution (dots per inch from its pHYs chunk, or 0 when unknown). */
    record Png(PDImageXObject image, float dpi) { }

    /** Whether the bytes start with the PNG signature. */
    static boolean isPng(byte[] bytes) {
        return bytes.length >= 8 && ByteBuffer.wrap(bytes, 0, 8).equals(ByteBuffer.wrap(PNG_SIGNATURE));
    }

    /**
     * The PNG's own compressed pixels as an image XObject, or null when PDF cannot read them as they are
     * (interlaced, palette, alpha or transparency chunk): the caller then re-encodes the decoded image.
     */
    static Png png(PDDocument doc, byte[] png) throws IOException {
        if (png.length < 33 || !isPng(png)) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(png);
        in.position(8);
        int width = 0;
        int height = 0;
        int depth = 0;
        int colours = 0;
        float dpi = 0;
        ByteArrayOutputStream idat = new ByteArrayOutputStream(png.length);
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            String chunk = new String(type, StandardCharsets.US_ASCII);
            if (length < 0 || length > in.remaining() - 4) {
                return null;
            }
            int start = in.position();
            switch (chunk) {
                case "IHDR" -> {
                    width = in.getInt();
                    height = in.getInt();
                    depth = in.get() & 0xff;
                    int colourType = in.get() & 0xff;
                    in.get(); // compression: always deflate
                    in.get(); // filter method: always adaptive
                    int interlace = in.get() & 0xff;
                    colours = switch (colourType) {
                        case 0 -> 1;
                        case 2 -> 3;
                        default -> 0; // palette, grey with alpha, RGBA
                    };
                    if (colours == 0 || interlace != 0 || (colours == 3 && depth < 8)) {
                        return null;
                    }
                }
                case "tRNS" -> {
                    return null; // a transparent colour would need a mask
                }
                case "IDAT" -> idat.write(png, start, length);
                case "pHYs" -> {
                    int perUnit = in.getInt();
                    in.getInt();
                    if (length >= 9 && in.get() == 1) {
                        dpi = perUnit * 0.0254f; // pixels per metre
                    }
                }
                default -> { }
            }
            in.position(start + length + 4); // skip the data and its CRC
            if (chunk.equals("IEND")) {
                break;
            }
        }
        if (width <= 0 || height <= 0 || idat.size() == 0) {
            return null;
        }
        COSDictionary parms = new COSDictionary();
        parms.setInt(COSName.PREDICTOR, 15);
        parms.setInt(COSName.COLORS, colours);
        parms.setInt(COSName.BITS_PER_COMPONENT, depth);
        parms.setInt(COSName.COLUMNS, width);
        return new Png(image(doc, idat.toByteArray(), parms, width, height, depth,
                colours == 1 ? PDDeviceGray.INSTANCE : PDDeviceRGB.INSTANCE), dpi);
    }

    /** An 8-bit grey or RGB image deflated once at the fastest level (no predictor search). */
    static PDImageXObject flate(PDDocument doc, BufferedImage image) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean grey = image.getColorModel().getNumColorComponents() == 1;
        byte[] raw;
        if (grey) {
            raw = new byte[w * h];
            TesseractOcr.gray(image).getRaster().getDataElements(0, 0, w, h, raw);
        } else {
            raw = new byte[w * h * 3];
            int[] row = new int[w];
            for (int y = 0, i = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int rgb : row) {
                    raw[i++] = (byte) (rgb >> 16);
                    raw[i++] = (byte) (rgb >> 8);
                    raw[i++] = (byte) rgb;
                }
            }
        }
        ByteArrayOutputStream packed = new ByteArrayOutputStream(raw.length / 4);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (OutputStream out = new DeflaterOutputStream(packed, deflater, 64 * 1024)) {
            out.write(raw);
        } finally {
            deflater.end();
        }
        return image(doc, packed.toByteArray(), null, w, h, 8, grey ? PDDeviceGray.INSTANCE : PDDeviceRGB.INSTANCE);
    }

    private static PDImageXObject image(PDDocument doc, byte[] flate, COSDictionary parms, int w, int h, int bits,
                                        PDColorSpace space) throws IOException {
        COSStream stream = doc.getDocument().createCOSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(flate);
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        if (parms != null) {
            stream.setItem(COSName.DECODE_PARMS, parms);
        }
        PDImageXObject x = new PDImageXObject(new PDStream(stream), null);
        x.setWidth(w);
        x.setHeight(h);
        x.setBitsPerComponent(bits);
        x.setColorSpace(space);
        return x;
    }
}
