package vn.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LauncherTest {
    @Test
    void feature_versions_are_read_from_old_and_new_version_strings() {
        assertEquals(8, Launcher.feature("1.8.0_292"));
        assertEquals(17, Launcher.feature("17.0.15"));
        assertEquals(21, Launcher.feature("21"));
        assertEquals(25, Launcher.feature("25.0.3+9-LTS"));
        assertEquals(0, Launcher.feature("unknown"));
        assertEquals(0, Launcher.feature(null));
    }

    @Test
    void a_jdk_folder_is_judged_by_its_release_file(@TempDir Path tmp) throws IOException {
        Path jdk25 = Files.createDirectories(tmp.resolve("jdk-25"));
        Files.writeString(jdk25.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
        Path jdk17 = Files.createDirectories(tmp.resolve("jdk-17"));
        Files.writeString(jdk17.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        assertEquals(25, Launcher.releaseVersion(jdk25.toFile()));
        assertEquals(17, Launcher.releaseVersion(jdk17.toFile()));
        assertEquals(0, Launcher.releaseVersion(tmp.resolve("no-such-jdk").toFile()));
    }
}
