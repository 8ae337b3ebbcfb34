package vn.archive.meta;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date a document takes effect, read from its own effect clause: "Quyết định này có hiệu lực thi hành kể từ
 * ngày 20 tháng 3 năm 2014", "… có hiệu lực kể từ ngày ký" (the document's date), "… có hiệu lực thi hành sau 10
 * (mười) ngày kể từ ngày ký". Only a clause about the document itself ("… này …") counts: "Thông tư số … hết hiệu
 * lực kể từ ngày Thông tư này có hiệu lực" names no date. A pure function of the text.
 */
final class EffectClause {
    private static final Pattern EFFECT = Pattern.compile(
            "có\\s*hiệu\\s*lực\\s*(?:thi\\s*hành\\s*)?(?:(?:kể\\s*)?từ\\s*(?:ngày\\s*)?"
                    + "(?:(\\d{1,2})\\s*(?:/|-|\\.|tháng)\\s*(\\d{1,2})\\s*(?:/|-|\\.|năm)\\s*(\\d{4})|(ký|ban hành))"
                    + "|sau\\s*(\\d{1,3})\\s*(?:\\([\\p{L} ]+\\)\\s*)?ngày\\s*(?:,\\s*)?kể\\s*từ\\s*ngày\\s*(?:ký|ban hành))");
    private static final Pattern SELF = Pattern.compile("(?<![\\p{L}])này(?![\\p{L}])");

    private EffectClause() {
    }

    /**
     * The date the document takes effect, or null when its text says none.
     *
     * @param text   the document's plain text
     * @param signed the document's own date, for "kể từ ngày ký"; may be null
     */
    static LocalDate effectiveFrom(String text, LocalDate signed) {
        Matcher m = EFFECT.matcher(text);
        // the clause always holds "hiệu": the pattern is tried only around it, not at every character of a long law
        for (int at = text.indexOf("hiệu"); at >= 0; at = text.indexOf("hiệu", at + 4)) {
            m.region(Math.max(0, at - 6), Math.min(text.length(), at + 200));
            if (!m.find()) {
                continue;
            }
            String sentence = text.substring(sentenceStart(text, m.start()), m.start());
            if (!SELF.matcher(sentence).find() || sentence.contains("hết hiệu lực")) {
                continue;
            }
            if (m.group(1) != null) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(1)));
                } catch (DateTimeException e) {
                    continue;
                }
            }
            if (signed != null) {
                return m.group(5) == null ? signed : signed.plusDays(Integer.parseInt(m.group(5)));
            }
            return null;
        }
        return null;
    }

    private static int sentenceStart(String text, int pos) {
        int from = Math.max(0, pos - 300);
        for (int i = pos - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '.' && i + 1 < pos && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        return from;
    }
}
