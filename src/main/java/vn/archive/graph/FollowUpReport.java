package vn.archive.graph;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The printable follow-up report of one directive ("Báo cáo theo dõi, đôn đốc thực hiện"), laid out as an official
 * document: header, title naming the directive, the figures, then the units overdue first (in capitals, the ones to
 * urge), those that responded with their documents and dates, those not yet due or exempted, the units not addressed
 * that responded, and the recipients not resolved. Plain text, one paragraph a line, for the DOCX and PDF renderers.
 */
public final class FollowUpReport {
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private FollowUpReport() {
    }

    /** The report's text as of {@code today}. */
    public static String text(Tracking t, LocalDate today) {
        StringBuilder s = new StringBuilder();
        s.append("KHO VĂN BẢN CHỈ ĐẠO\n\nngày ").append(today.getDayOfMonth()).append(" tháng ").append(today.getMonthValue())
                .append(" năm ").append(today.getYear()).append("\n\nBÁO CÁO\ntheo dõi, đôn đốc thực hiện ");
        Tracking.Directive d = t.document();
        s.append(d == null ? "văn bản số " + t.number() : (d.kind() == null ? "văn bản" : d.kind()) + " số " + d.number()
                + (d.date() == null ? "" : " ngày " + DMY.format(d.date())) + (d.issuer() == null ? "" : " của " + d.issuer()));
        s.append("\n\n");
        Tracking.Counts c = t.counts();
        s.append("Hạn báo cáo: ").append(t.deadline() == null ? "văn bản không nêu" : DMY.format(t.deadline()))
                .append(". Số đơn vị được gửi: ").append(c.expected()).append("; đã có văn bản: ").append(c.answered())
                .append(" (trong đó trễ hạn: ").append(c.late()).append("); quá hạn chưa có văn bản: ").append(c.overdue())
                .append("; chưa đến hạn: ").append(c.pending()).append(".\n\n");
        section(s, "I. CÁC ĐƠN VỊ QUÁ HẠN, CẦN ĐÔN ĐỐC", t.expected().stream()
                .filter(e -> e.status().equals(Tracking.OVERDUE)).map(e -> e.unit().toUpperCase(Locale.ROOT)
                        + " — QUÁ HẠN, chưa có văn bản").toList());
        section(s, "II. CÁC ĐƠN VỊ ĐÃ CÓ VĂN BẢN", t.expected().stream()
                .filter(e -> e.status().equals(Tracking.RESPONDED) || e.status().equals(Tracking.LATE))
                .map(e -> e.unit() + " — " + (e.responses().isEmpty() ? "văn bản giấy" + note(e) : responses(e.responses()))
                        + (e.status().equals(Tracking.LATE) ? " (trễ hạn)" : "")).toList());
        section(s, "III. CÁC ĐƠN VỊ CHƯA ĐẾN HẠN HOẶC ĐƯỢC MIỄN", t.expected().stream()
                .filter(e -> e.status().equals(Tracking.PENDING) || e.status().equals(Tracking.EXEMPTED))
                .map(e -> e.unit() + " — " + (e.status().equals(Tracking.EXEMPTED) ? "được miễn" + note(e) : "chưa đến hạn"))
                .toList());
        section(s, "IV. ĐƠN VỊ KHÔNG ĐƯỢC GỬI NHƯNG ĐÃ CÓ VĂN BẢN", t.unexpected().stream()
                .map(u -> u.unit() + " — " + responses(u.responses())).toList());
        section(s, "V. NƠI NHẬN CHƯA XÁC ĐỊNH ĐƯỢC ĐƠN VỊ CỤ THỂ", t.unresolved());
        return s.toString();
    }

    private static void section(StringBuilder s, String title, List<String> lines) {
        s.append(title).append('\n');
        if (lines.isEmpty()) {
            s.append("Không có.\n");
        }
        for (int i = 0; i < lines.size(); i++) {
            s.append(i + 1).append(". ").append(lines.get(i)).append('\n');
        }
        s.append('\n');
    }

    private static String responses(List<Tracking.Response> rs) {
        StringBuilder s = new StringBuilder();
        for (Tracking.Response r : rs) {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(r.kind() == null ? "Văn bản" : r.kind()).append(' ').append(r.number() == null ? "(không số)" : r.number())
                    .append(r.date() == null ? ", không rõ ngày" : " ngày " + DMY.format(r.date()))
                    .append(r.via() == null ? "" : ", qua " + r.via());
        }
        return s.toString();
    }

    private static String note(Tracking.Expected e) {
        return e.mark() == null || e.mark().note().isEmpty() ? "" : " (" + e.mark().note() + ")";
    }
}
