package vn.archive.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LegacyTextTest {
    private static final Path REPO_CORPUS = Path.of("corpus");
    private static final Path SHARED_CORPUS = Path.of("/work/shared/corpus");

    static Stream<Arguments> seedsInEveryEncoding() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> seeds = Files.list(REPO_CORPUS.resolve("seeds"))) {
            for (Path seed : seeds.sorted().toList()) {
                for (LegacyEncoding e : LegacyEncoding.values()) {
                    out.add(Arguments.of(seed.getFileName().toString(), e));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("seedsInEveryEncoding")
    void a_seed_saved_as_a_legacy_txt_file_converts_back_to_the_original(String seed, LegacyEncoding e)
            throws IOException {
        String original = Files.readString(REPO_CORPUS.resolve("seeds").resolve(seed));
        byte[] bytes = LegacyFixtures.txt(original, e);
        // what a charset guesser makes of the bytes does not matter: the raw bytes are decoded
        String guessed = new String(bytes, StandardCharsets.ISO_8859_1);
        LegacyText.Conversion c = LegacyText.detect(guessed, bytes).orElseThrow(() -> new AssertionError("not detected"));
        assertEquals(e, c.encoding());
        assertEquals(LegacyFixtures.comparable(original), LegacyFixtures.comparable(c.text()));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("seedsInEveryEncoding")
    void a_seed_typed_in_a_legacy_font_converts_back_from_the_extracted_text(String seed, LegacyEncoding e)
            throws IOException {
        String original = Files.readString(REPO_CORPUS.resolve("seeds").resolve(seed));
        String extracted = LegacyFixtures.fontText(original, e);
        LegacyText.Conversion c = LegacyText.detect(extracted, null).orElseThrow(() -> new AssertionError("not detected"));
        assertEquals(e, c.encoding());
        assertEquals(LegacyFixtures.comparable(original), LegacyFixtures.comparable(c.text()));
    }

    @Test
    void tcvn3_reads_as_vietnamese() {
        String text = "Thùc hiÖn chñ tr­¬ng cña Ban D©n vËn Trung ­¬ng vÒ tæ chøc phong trµo thi ®ua D©n vËn khÐo";
        LegacyText.Conversion c = LegacyText.detect(text, null).orElseThrow();
        assertEquals(LegacyEncoding.TCVN3, c.encoding());
        assertEquals("Thực hiện chủ trương của Ban Dân vận Trung ương về tổ chức phong trào thi đua Dân vận khéo",
                c.text());
        assertEquals("Đã chuyển mã TCVN3 → Unicode", c.note());
    }

    @Test
    void vntimeh_capitals_stored_as_lowercase_codes_come_back_as_capitals() {
        String text = "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM\n§éc lËp - Tù do - H¹nh phóc\nSè 374 - CV/HU\n"
                + "Thùc hiÖn chñ tr­¬ng cña Ban D©n vËn";
        LegacyText.Conversion c = LegacyText.detect(text, null).orElseThrow();
        assertEquals("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố 374 - CV/HU\n"
                + "Thực hiện chủ trương của Ban Dân vận", c.text());
    }

    @Test
    void tcvn3_capitals_lines_keep_their_untoned_neighbours_in_capitals() {
        String unicode = "UỶ BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố 374 - CV/HU\nQUYẾT ĐỊNH\nVỀ VIỆC KIỆN TOÀN BAN CHỈ ĐẠO VÀ TỔ GIÚP VIỆC\n"
                + "SỐ LIỆU TỔNG HỢP\nThực hiện chủ trương của Ban Dân vận Trung ương về tổ chức phong trào thi đua";
        // .VnTimeH headings: TCVN3 has no toned capitals, so the toned vowels are stored as lower-case codes
        String typed = LegacyEncoding.extractorView(LegacyEncoding.TCVN3.encode(unicode));
        LegacyText.Conversion c = LegacyText.detect(typed, null).orElseThrow();
        assertEquals(unicode, c.text());
    }

    @Test
    void vni_reads_as_vietnamese() {
        String text = "Thöïc hieän chuû tröông cuûa Ban Daân vaän Trung öông veà toå chöùc phong traøo thi ñua";
        LegacyText.Conversion c = LegacyText.detect(text, null).orElseThrow();
        assertEquals(LegacyEncoding.VNI, c.encoding());
        assertEquals("Thực hiện chủ trương của Ban Dân vận Trung ương về tổ chức phong trào thi đua", c.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Café résumé naïve façade à la carte, déjà vu, Noël, über, señor año.",
            "Thùc hiÖn chñ tr­¬ng", "Tên cá nhân, Tên tổ chức", "The quick brown fox jumps over the lazy dog",
            "Hôm nay tôi đi học. Điều 1. Phạm vi điều chỉnh."})
    void short_foreign_or_unicode_text_stays_as_it_is(String text) {
        assertTrue(LegacyText.detect(text, text.getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(LegacyText.detect(text, null).isEmpty());
    }

    static Stream<Path> everyUnicodeCorpusFile() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(REPO_CORPUS, SHARED_CORPUS)) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
                }
            }
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("everyUnicodeCorpusFile")
    void no_unicode_corpus_document_is_converted(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(LegacyText.detect(text, bytes).isEmpty(), file + " read as UTF-8");
        assertTrue(LegacyText.detect(text, null).isEmpty(), file + " as extracted text");
        // the same documents stripped of every Unicode-only letter must not pass for legacy text either
        String latin1Only = text.chars().filter(ch -> ch < 0x100).collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertTrue(LegacyText.detect(latin1Only, null).isEmpty(), file + " without its Unicode-only letters");
    }

    @Test
    void the_corpus_sweep_sees_both_corpora() throws IOException {
        long n = everyUnicodeCorpusFile().count();
        assertTrue(n >= 74, "files swept: " + n);
        assertFalse(LegacyText.isUnicode("Thùc hiÖn"));
    }
}
