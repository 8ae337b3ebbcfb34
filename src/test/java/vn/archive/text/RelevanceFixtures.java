package vn.archive.text;

import vn.archive.render.DocumentRenderer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Documents the relevance suite needs and the corpus lacks, written deterministically into a folder:
 * <ul>
 *   <li>{@code legacy/<encoding>/<seed>.txt}: each seed saved as a plain-text file in TCVN3, VNI and VISCII;</li>
 *   <li>{@code legacy/tcvn3-docx/<seed>.docx} and {@code legacy/vni-pdf/<seed>.pdf}: a seed typed in a .VnTime
 *       font in Word, and in a VNI font printed to PDF (the text the extractor sees is the Windows-1252 reading of
 *       the legacy bytes);</li>
 *   <li>{@code fixtures/nq-25-tw.txt} and {@code fixtures/nd-30-2020.txt}: short documents numbered 25-NQ/TW
 *       and 30/2020/NĐ-CP, written for these tests (the seeds cite 25-NQ/TW, but the corpus does not hold it).
 *       They are fixtures, not the real texts.</li>
 * </ul>
 */
public final class RelevanceFixtures {
    /** The encodings written as .txt fixtures for every seed. */
    public static final List<LegacyEncoding> TXT_ENCODINGS = List.of(LegacyEncoding.TCVN3, LegacyEncoding.VNI,
            LegacyEncoding.VISCII);

    static final String NQ_25_TW = """
            BAN CHẤP HÀNH TRUNG ƯƠNG
            *
            Số 25-NQ/TW
            ĐẢNG CỘNG SẢN VIỆT NAM
            Hà Nội, ngày 03 tháng 6 năm 2013

            NGHỊ QUYẾT
            HỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH TRUNG ƯƠNG KHÓA XI
            về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới

            I. TÌNH HÌNH VÀ NGUYÊN NHÂN

            Văn bản thử nghiệm do bộ kiểm thử tạo ra, mang số hiệu của Nghị quyết để kiểm tra việc tra cứu theo số.
            Công tác dân vận là nhiệm vụ có ý nghĩa chiến lược đối với sự nghiệp cách mạng; các cấp ủy đảng quan tâm
            lãnh đạo, chỉ đạo, củng cố mối quan hệ mật thiết giữa Đảng với Nhân dân.

            II. QUAN ĐIỂM, MỤC TIÊU

            Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận; phát huy quyền làm chủ của Nhân dân;
            cán bộ, đảng viên gương mẫu, gần dân, trọng dân, hiểu dân, học dân và có trách nhiệm với dân.

            T/M BAN CHẤP HÀNH TRUNG ƯƠNG
            TỔNG BÍ THƯ
            """;

    static final String ND_30_2020 = """
            CHÍNH PHỦ
            -------
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            ---------------
            Số: 30/2020/NĐ-CP
            Hà Nội, ngày 05 tháng 3 năm 2020

            NGHỊ ĐỊNH
            VỀ CÔNG TÁC VĂN THƯ

            Văn bản thử nghiệm do bộ kiểm thử tạo ra, mang số hiệu của Nghị định để kiểm tra việc tra cứu theo số.

            Điều 1. Phạm vi điều chỉnh
            Nghị định này quy định về công tác văn thư: soạn thảo, ký ban hành văn bản; quản lý văn bản; lập hồ sơ và
            nộp lưu hồ sơ, tài liệu vào Lưu trữ cơ quan; quản lý và sử dụng con dấu, thiết bị lưu khóa bí mật.

            TM. CHÍNH PHỦ
            THỦ TƯỚNG
            """;

    private RelevanceFixtures() {
    }

    /** Writes every fixture under the folder and returns it. */
    public static Path write(Path folder, Path seeds) throws IOException {
        List<Path> seedFiles;
        try (Stream<Path> s = Files.list(seeds)) {
            seedFiles = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path seed : seedFiles) {
            String text = Files.readString(seed, StandardCharsets.UTF_8);
            for (LegacyEncoding e : TXT_ENCODINGS) {
                write(folder.resolve("legacy").resolve(e.name().toLowerCase(java.util.Locale.ROOT))
                        .resolve(seed.getFileName()), LegacyFixtures.txt(text, e));
            }
        }
        Path trieuPhong = seeds.resolve("002_fa18a2e4ded8d877.txt");
        Path baoLoc = seeds.resolve("003_4653ab8526411b1c.txt");
        write(folder.resolve("legacy/tcvn3-docx/002_fa18a2e4ded8d877.docx"), DocumentRenderer.docx(
                LegacyFixtures.fontText(Files.readString(trieuPhong), LegacyEncoding.TCVN3)));
        write(folder.resolve("legacy/vni-pdf/003_4653ab8526411b1c.pdf"), DocumentRenderer.withSystemFont().pdf(
                LegacyFixtures.fontText(Files.readString(baoLoc), LegacyEncoding.VNI)));
        write(folder.resolve("fixtures/nq-25-tw.txt"), NQ_25_TW.getBytes(StandardCharsets.UTF_8));
        write(folder.resolve("fixtures/nd-30-2020.txt"), ND_30_2020.getBytes(StandardCharsets.UTF_8));
        return folder;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
