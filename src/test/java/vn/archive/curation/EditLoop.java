package vn.archive.curation;

import vn.archive.Archive;
import vn.archive.config.AppConfig;

import java.nio.file.Path;

/** Child process of {@link EditKillIT}: corrects one document's title over and over, printing each committed edit. */
public final class EditLoop {
    private EditLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String id = args[1];
        String trial = args[2];
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            System.out.println("OPEN");
            System.out.flush();
            for (int k = 0; ; k++) {
                archive.corrections().correct(id, "title", EditKillIT.title(trial, k), "kiểm thử");
                System.out.println("DONE " + k);
                System.out.flush();
            }
        }
    }
}
