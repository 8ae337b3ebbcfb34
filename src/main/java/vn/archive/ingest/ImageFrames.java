package vn.archive.ingest;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/** Walks every image in an image file (all frames of a multi-page TIFF) with ImageIO, for OCR and for PDF/A. */
final class ImageFrames {
    /** Receives one frame: its index from 0, the file's frame count and format name, the image and its metadata. */
    interface Frame {
        void accept(int index, int count, String format, IIOImage frame) throws IOException, InterruptedException;
    }

    private ImageFrames() {
    }

    static void each(byte[] bytes, Frame frame) throws IOException, InterruptedException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("Không đọc được ảnh (unsupported image format)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, false);
                int count = reader.getNumImages(true);
                for (int i = 0; i < count; i++) {
                    frame.accept(i, count, reader.getFormatName(), reader.readAll(i, null));
                }
            } finally {
                reader.dispose();
            }
        }
    }
}
