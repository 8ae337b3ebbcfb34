package vn.archive.ingest;

import vn.archive.model.FailureKind;

import java.util.Locale;
import java.util.Optional;

/** Screen: refuses what is not a document before any parsing (empty files, programs, READMEs, data files, binary .txt). */
final class ScreenStage implements IngestStage {
    @Override
    public void apply(InFlight f) throws StageStop {
        SourceFile file = f.file;
        if (file.bytes().length == 0) {
            throw StageStop.failed(FailureKind.NOT_A_DOCUMENT, "Tệp rỗng (empty file)", 0);
        }
        Optional<String> notDocument = NotADocument.byName(file.fileName())
                .or(() -> NotADocument.byBytes(file.bytes()))
                .or(() -> NotADocument.byData(file.fileName(), file.bytes()));
        if (notDocument.isPresent()) {
            throw StageStop.failed(FailureKind.NOT_A_DOCUMENT, notDocument.get(), 0);
        }
        if (file.fileName().toLowerCase(Locale.ROOT).endsWith(".txt") && looksBinary(file.bytes())) {
            throw StageStop.failed(FailureKind.NOT_A_DOCUMENT, "Tệp .txt chứa dữ liệu nhị phân, không phải văn bản "
                    + "(binary content named .txt)", 0);
        }
    }

    /**
     * Whether bytes named as text are binary: text in any encoding we read (UTF-8, TCVN3, VNI, Windows-1258) has
     * almost no C0 control bytes besides tab and line ends, random or binary data has about one in ten. UTF-16 with
     * a byte-order mark is text.
     */
    static boolean looksBinary(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return false;
        }
        int n = Math.min(bytes.length, 64 * 1024);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return n > 0 && control * 20 > n;
    }
}
