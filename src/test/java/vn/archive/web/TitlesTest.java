package vn.archive.web;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Titles as the pages show them: kind and subject in sentence case; the stored title is what the header wrote. */
class TitlesTest {
    @Test
    void a_law_written_in_capitals_is_shown_by_its_name() {
        each(() -> {
            assertEquals("Luật Căn cước", Titles.heading("CĂN CƯỚC", "Luật"));
            assertEquals("Luật Đất đai", Titles.heading("LUẬT ĐẤT ĐAI", "Luật"));
            assertEquals("Luật Mặt trận Tổ quốc Việt Nam", Titles.heading("MẶT TRẬN TỔ QUỐC VIỆT NAM", "Luật"));
            assertEquals("Luật Đất đai số 24-L/CTN ngày 14/07/1993 của Quốc hội",
                    Titles.heading("ĐẤT ĐAI SỐ 24-L/CTN NGÀY 14/07/1993 CỦA QUỐC HỘI", "Luật"));
        });
    }

    @Test
    void an_amending_law_names_the_laws_it_amends_with_their_capitals() {
        each(() -> assertEquals("Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số "
                        + "27/2023/QH15 và Luật Các tổ chức tín dụng",
                Titles.heading("SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẤT ĐAI SỐ 31/2024/QH15, LUẬT NHÀ Ở SỐ "
                        + "27/2023/QH15 VÀ LUẬT CÁC TỔ CHỨC TÍN DỤNG", "Luật")));
    }

    @Test
    void other_kinds_lead_into_their_subject_and_keep_acronyms_numbers_and_names() {
        each(() -> {
            assertEquals("Kế hoạch thực hiện phong trào thi đua “Dân vận khéo” trong xây dựng nông thôn mới năm 2020",
                    Titles.heading("Thực hiện phong trào thi đua “Dân vận khéo” trong xây dựng nông thôn mới năm 2020",
                            "Kế hoạch"));
            assertEquals("Công văn về việc đẩy mạnh phong trào thi đua “Dân vận khéo”",
                    Titles.heading("V/v đẩy mạnh phong trào thi đua “Dân vận khéo”", "Công văn"));
            assertEquals("Nghị quyết hướng dẫn áp dụng một số quy định của pháp luật về lãi, lãi suất, phạt vi phạm",
                    Titles.heading("HƯỚNG DẪN ÁP DỤNG MỘT SỐ QUY ĐỊNH CỦA PHÁP LUẬT VỀ LÃI, LÃI SUẤT, PHẠT VI PHẠM",
                            "Nghị quyết"));
            assertEquals("Quyết định ban hành mức trợ giúp theo Nghị định 20/2021/NĐ-CP của UBND tỉnh",
                    Titles.heading("BAN HÀNH MỨC TRỢ GIÚP THEO NGHỊ ĐỊNH 20/2021/NĐ-CP CỦA UBND TỈNH", "Quyết định"));
            assertEquals("Nghị định về đăng ký biện pháp bảo đảm", Titles.heading("VỀ ĐĂNG KÝ BIỆN PHÁP BẢO ĐẢM", "Nghị định"));
            assertEquals("Nghị quyết về phòng, chống dịch COVID-19, vi phạm hành chính và hội nghị khóa VI",
                    Titles.heading("VỀ PHÒNG, CHỐNG DỊCH COVID-19, VI PHẠM HÀNH CHÍNH VÀ HỘI NGHỊ KHÓA VI", "Nghị quyết"));
        });
    }

    @Test
    void a_title_that_already_starts_with_its_kind_is_not_doubled_and_no_title_stays_none() {
        assertEquals("Kế hoạch tổ chức hội nghị", Titles.heading("KẾ HOẠCH TỔ CHỨC HỘI NGHỊ", "Kế hoạch"));
        assertEquals("Kế hoạch", Titles.heading("Kế hoạch", "Kế hoạch"));
        assertEquals("Về đăng ký biện pháp bảo đảm", Titles.heading("VỀ ĐĂNG KÝ BIỆN PHÁP BẢO ĐẢM", null));
        assertNull(Titles.heading(null, "Luật"));
        assertNull(Titles.heading("  ", "Luật"));
    }

    private static void each(Runnable check) {
        Locale saved = Locale.getDefault();
        try {
            for (String tag : new String[] {"tr", "vi", "en-US"}) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                check.run();
            }
        } finally {
            Locale.setDefault(saved);
        }
    }
}
