package vn.archive.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppConfigTest {
    @Test
    void the_file_size_limit_defaults_to_512_mb_and_can_be_changed_alone() {
        AppConfig c = AppConfig.forData(Path.of("data-x"));
        assertEquals(512L * 1024 * 1024, c.maxFileBytes());
        AppConfig small = c.withMaxFileBytes(1024);
        assertEquals(1024, small.maxFileBytes());
        assertEquals(c.dataDir(), small.dataDir());
        assertEquals(c.port(), small.port());
    }

    @Test
    void a_file_size_limit_a_java_array_cannot_hold_is_refused_with_what_is_allowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppConfig.forData(Path.of("data-x")).withMaxFileBytes(3L * 1024 * 1024 * 1024));
        assertTrue(e.getMessage().contains(Long.toString(AppConfig.MAX_FILE_BYTES_LIMIT)), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AppConfig.forData(Path.of("data-x")).withMaxFileBytes(0));
    }

    @Test
    void the_commit_batch_comes_from_its_property_and_a_bad_value_is_refused_with_what_is_allowed() {
        String before = System.getProperty(AppConfig.COMMIT_EVERY_PROPERTY);
        try {
            System.clearProperty(AppConfig.COMMIT_EVERY_PROPERTY);
            assertEquals(AppConfig.DEFAULT_COMMIT_EVERY, AppConfig.commitEvery());
            System.setProperty(AppConfig.COMMIT_EVERY_PROPERTY, " 3 ");
            assertEquals(3, AppConfig.commitEvery());
            System.setProperty(AppConfig.COMMIT_EVERY_PROPERTY, "0");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, AppConfig::commitEvery);
            assertTrue(e.getMessage().contains("archive.commitEvery") && e.getMessage().contains("at least 1")
                    && e.getMessage().contains("[0]"), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(AppConfig.COMMIT_EVERY_PROPERTY);
            } else {
                System.setProperty(AppConfig.COMMIT_EVERY_PROPERTY, before);
            }
        }
    }
}
