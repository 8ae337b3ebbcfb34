package vn.archive.text;

import java.util.Locale;

/** Runs a check under several default locales, Turkish and Vietnamese included, where case rules differ. */
final class MultiLocale {
    static final Locale[] LOCALES = {Locale.forLanguageTag("tr"), Locale.forLanguageTag("vi"), Locale.ROOT,
            Locale.US};

    private MultiLocale() {
    }

    static void run(Runnable check) {
        Locale saved = Locale.getDefault();
        try {
            for (Locale l : LOCALES) {
                Locale.setDefault(l);
                check.run();
            }
        } finally {
            Locale.setDefault(saved);
        }
    }
}
