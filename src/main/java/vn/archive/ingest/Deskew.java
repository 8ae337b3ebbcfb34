package vn.archive.ingest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Straightens scanned pages with a projection-profile estimate: the angle at which the dark pixels' row histogram
 * is sharpest is the angle of the text lines. No maintained Java deskew library is on Maven Central (Leptonica's
 * deskew lives in C), and the estimate is small: a coarse sweep then a fine one over a quarter-size sample.
 */
public final class Deskew {
    /** Largest skew searched, in degrees; scans tilted more than this are rare and Tesseract copes worse anyway. */
    static final double MAX_DEGREES = 5;
    /** Below this the page is left alone: rotating costs time and blurs strokes for no gain. */
    static final double MIN_CORRECTION_DEGREES = 0.3;
    private static final int SAMPLE = 4;

    private Deskew() {
    }

    /** The skew of the text lines in degrees (positive = the page was turned clockwise). */
    public static double estimate(BufferedImage page) {
        int[] xs;
        int[] ys;
        int n = 0;
        Raster r = page.getRaster();
        int w = page.getWidth() / SAMPLE;
        int h = page.getHeight() / SAMPLE;
        int bands = r.getNumBands();
        int[] px = new int[bands];
        int cap = w * h;
        xs = new int[cap];
        ys = new int[cap];
        boolean gray = page.getType() == BufferedImage.TYPE_BYTE_GRAY;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = x * SAMPLE;
                int sy = y * SAMPLE;
                int lum = gray ? r.getSample(sx, sy, 0) : luminance(page.getRGB(sx, sy));
                if (lum < 128) {
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        if (n < 50) {
            return 0; // blank page: nothing to measure
        }
        double best = 0;
        double bestScore = -1;
        for (double a = -MAX_DEGREES; a <= MAX_DEGREES + 1e-9; a += 0.25) {
            double s = score(xs, ys, n, h, w, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double coarse = best;
        for (double a = coarse - 0.25; a <= coarse + 0.25 + 1e-9; a += 0.05) {
            double s = score(xs, ys, n, h, w, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        return Math.round(best * 100) / 100.0;
    }

    /** Sum of squared differences between neighbouring rows of the profile sheared by the angle. */
    private static double score(int[] xs, int[] ys, int n, int h, int w, double degrees) {
        double t = Math.tan(Math.toRadians(degrees));
        int offset = (int) Math.ceil(Math.abs(t) * w) + 1;
        int[] bins = new int[h + 2 * offset];
        for (int i = 0; i < n; i++) {
            int y = (int) Math.round(ys[i] - xs[i] * t) + offset;
            if (y >= 0 && y < bins.length) {
                bins[y]++;
            }
        }
        double s = 0;
        for (int i = 1; i < bins.length; i++) {
            double d = bins[i] - bins[i - 1];
            s += d * d;
        }
        return s;
    }

    private static int luminance(int rgb) {
        int red = (rgb >> 16) & 0xff;
        int green = (rgb >> 8) & 0xff;
        int blue = rgb & 0xff;
        return (red * 299 + green * 587 + blue * 114) / 1000;
    }

    /** The page straightened (as grey), or the page itself when its skew is negligible. */
    public static BufferedImage straighten(BufferedImage page) {
        return straightenMeasured(page).image();
    }

    /** A straightened page and the skew removed from it (0 when it was left alone), in degrees. */
    public record Straightened(BufferedImage image, double degrees) { }

    /** The page straightened, with the angle it was turned back by, so positions on it map back to the original. */
    public static Straightened straightenMeasured(BufferedImage page) {
        double angle = estimate(page);
        if (Math.abs(angle) < MIN_CORRECTION_DEGREES) {
            return new Straightened(page, 0);
        }
        return new Straightened(rotate(page, -angle), angle);
    }

    /** The page rotated about its centre, the uncovered corners filled white. */
    static BufferedImage rotate(BufferedImage page, double degrees) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(degrees),
                    page.getWidth() / 2.0, page.getHeight() / 2.0), null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
