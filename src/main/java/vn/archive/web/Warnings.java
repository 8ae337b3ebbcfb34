package vn.archive.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data-quality warnings are written in Vietnamese where they are found (header, references, the reference graph) and
 * stored so; the API carries them as they are. An English page shows each known warning through its message key
 * ({@code warn.*}), its details (numbers, dates, names) kept; a warning of a shape not known here is shown as it is.
 */
final class Warnings {
    private record Shape(Pattern pattern, String key) { }

    private static final List<Shape> SHAPES = List.of(
            shape("Ngày ban hành không hợp lệ: (.+)", "warn.badDate"),
            shape("Văn bản được dẫn chiếu (.+) đề ngày (\\S+) \\(trong kho: ngày (\\S+)\\), sau ngày ban hành của văn bản này \\((\\S+)\\): một trong hai ngày có thể sai",
                    "warn.citedLaterArchived"),
            shape("Văn bản được dẫn chiếu (.+) đề ngày (\\S+), sau ngày ban hành của văn bản này \\((\\S+)\\): một trong hai ngày có thể sai",
                    "warn.citedLater"),
            shape("Văn bản được dẫn chiếu (.+) có ngày ban hành (\\S+), sau ngày của văn bản này \\((\\S+)\\)",
                    "warn.citedIssuedLater"),
            shape("Ký hiệu (\\S+) là của (.+) nhưng văn bản là (.+) \\(ký hiệu không khớp loại văn bản\\)",
                    "warn.symbolMismatch"),
            shape("(\\d+) văn bản được dẫn chiếu chưa có trong kho: (.+)", "warn.dangling"),
            shape("Trùng số: (\\S+) cũng là số của văn bản (\\S+) của cùng cơ quan trong (.+) \\(cùng ngày, cùng trích yếu: có thể là một văn bản nhập hai lần ở hai định dạng\\)",
                    "warn.duplicateSame"),
            shape("Trùng số: (\\S+) cũng là số của văn bản (\\S+) của cùng cơ quan trong (.+) \\(số bị cấp trùng, hoặc một trong hai số bị nhập sai\\)",
                    "warn.duplicate"),
            shape("Dẫn chiếu (.+) khớp với (\\d+) văn bản trong kho; chưa liên kết để tránh nhầm", "warn.ambiguous"),
            shape("Không xác định được địa phương của văn bản này, nên số (\\S+) \\(ký hiệu cấp địa phương\\) chưa liên kết được",
                    "warn.noLocality"));

    private Warnings() {
    }

    private static Shape shape(String regex, String key) {
        return new Shape(Pattern.compile("(?s)" + regex), key);
    }

    /** The warning in this locale: Vietnamese as stored, English through its key when its shape is known. */
    static String inLanguage(String warning, Locale locale) {
        if (!locale.getLanguage().equals("en")) {
            return warning;
        }
        for (Shape s : SHAPES) {
            Matcher m = s.pattern().matcher(warning.strip());
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = period(m.group(i + 1));
                }
                return Messages.get(locale, s.key(), args);
            }
        }
        return Messages.inLanguage(warning, "en");
    }

    /** "nhiệm kỳ XIII" / "năm 2020": a Party term or a year, as the duplicate warnings name them. */
    private static String period(String detail) {
        return detail.replaceFirst("^nhiệm kỳ ", "term ").replaceFirst("^năm (\\d{4})$", "$1");
    }
}
