package vn.archive.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.App;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code export-package} and {@code import PACKAGE.zip} from the command line, as two archives hand over documents. */
class PackageCommandsIT {
    @Test
    void a_package_written_by_the_verb_imports_into_another_archive(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path pkg = tmp.resolve("handover.zip");
        assertEquals(0, App.commandLine().execute("import", TestCorpus.SEEDS.toString(), "--data", a.toString(),
                "--no-progress"));
        assertEquals(2, App.commandLine().execute("export-package", "--all", "--clearance", "secretish",
                "--out", pkg.toString(), "--data", a.toString()), "an unknown clearance is refused");
        assertEquals(0, App.commandLine().execute("export-package", "--all", "--clearance", "MAT",
                "--out", pkg.toString(), "--data", a.toString()));
        assertTrue(Files.size(pkg) > 0);
        assertEquals(0, App.commandLine().execute("import", pkg.toString(), "--data", b.toString(), "--no-progress"));
        try (Archive from = Archive.open(AppConfig.forData(a)); Archive to = Archive.open(AppConfig.forData(b))) {
            assertEquals(3, from.search().count());
            assertEquals(from.search().count(), to.search().count());
        }
    }
}
