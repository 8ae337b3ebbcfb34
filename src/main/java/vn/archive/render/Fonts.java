package vn.archive.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds a TrueType font with Vietnamese glyphs among Debian's font packages. */
public final class Fonts {
    private static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
            Path.of("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
            Path.of("/usr/share/fonts/truetype/freefont/FreeSans.ttf"));

    private Fonts() {
    }

    /** A font file with Vietnamese glyphs; fails with the package to install when there is none. */
    public static Path vietnamese() {
        return CANDIDATES.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new IllegalStateException("No font with Vietnamese glyphs found; install Debian's fonts-dejavu-core"));
    }
}
