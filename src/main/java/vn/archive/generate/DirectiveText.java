package vn.archive.generate;

import vn.archive.generate.GeneratorData.IssuerSpec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A planned document's text, from its own random stream seeded by its index (so documents render in parallel and
 * one seed always gives the same bytes): header, citations, a body shaped by its kind, distribution and signature.
 */
final class DirectiveText {
    private static final int FILES_PER_FOLDER = 1000;
    private static final Set<String> LONG_KINDS = Set.of("L", "NĐ", "TT");

    private final GeneratorData data;
    private final TextModel model;
    private final IssuerNames names;

    DirectiveText(GeneratorData data, TextModel model, IssuerNames names) {
        this.data = Objects.requireNonNull(data, "data");
        this.model = Objects.requireNonNull(model, "model");
        this.names = Objects.requireNonNull(names, "names");
    }

    /** The document with this id, rendered from its own random stream. */
    GeneratedDocument document(Plan p, int id) {
        int i = p.planOfId[id];
        SplittableRandom rnd = new SplittableRandom(mix(p.seed, i));
        IssuerSpec s = data.issuers().get(p.spec[i]);
        boolean party = s.sector().equals("party");
        String kindCode = p.kind[i];
        String kind = names.kindName(kindCode);
        LocalDate date = LocalDate.ofEpochDay(p.day[i]);
        String topic = data.topics().get(p.topic[i]).text();
        String place = names.place(p, i);
        String issuer = names.issuer(p, i);
        boolean letter = kindCode.equals("CV");

        List<String> cites = new ArrayList<>();
        List<String> citations = new ArrayList<>();
        for (int ref : new int[] {p.grandparent[i], p.parent[i]}) {
            if (ref >= 0) {
                cites.add(p.number[ref]);
                citations.add(names.kindName(p.kind[ref]) + " số " + p.number[ref] + " ngày "
                        + shortDate(LocalDate.ofEpochDay(p.day[ref])) + " của " + names.issuer(p, ref) + " về "
                        + data.topics().get(p.topic[ref]).text());
            }
        }
        if (cites.size() == 2) {
            // the implemented (provincial) document first, as the manifest promises
            Collections.reverse(cites);
        }
        String title;
        if (letter) {
            title = "V/v " + topic;
        } else if (p.parent[i] >= 0) {
            title = "Thực hiện " + names.kindName(p.kind[p.parent[i]]) + " số " + p.number[p.parent[i]] + " về " + topic;
        } else {
            title = "Về " + topic;
        }

        StringBuilder t = new StringBuilder(8192);
        for (String h : s.header()) {
            t.append(names.subst(h, p, i)).append('\n');
        }
        t.append(party ? "*\n\n" : "-------\n");
        t.append(party ? "Số " : "Số: ").append(p.number[i]).append('\n');
        if (letter) {
            t.append(title).append('\n');
        }
        t.append('\n');
        if (party) {
            t.append("ĐẢNG CỘNG SẢN VIỆT NAM\n");
            t.append(place).append(", ngày ").append(date.getDayOfMonth()).append(" tháng ").append(date.getMonthValue())
                    .append(" năm ").append(date.getYear()).append("\n\n");
        } else {
            t.append("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n");
            t.append(place).append(String.format(Locale.ROOT, ", ngày %02d tháng %02d năm %d", date.getDayOfMonth(),
                    date.getMonthValue(), date.getYear())).append("\n\n");
        }
        if (letter) {
            t.append("Kính gửi:\n\n");
            for (String r : names.recipients(p, i)) {
                t.append("- ").append(r).append(",\n");
            }
            t.append('\n');
        } else {
            t.append(names.upper(kind)).append('\n').append(title).append("\n\n");
        }
        if (!citations.isEmpty()) {
            t.append(party ? "Thực hiện " : "Căn cứ ").append(String.join("; ", citations)).append(".\n\n");
        } else if (!party && p.unit[i] >= 0 || !party && p.province[i] >= 0) {
            t.append("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n");
        }

        int target = LONG_KINDS.contains(kindCode) ? model.longLength(rnd)
                : model.shortLength(rnd, letter || kindCode.equals("TB") || kindCode.equals("GM") ? 0.5 : 1.0);
        body(t, kindCode, target, rnd);
        if (level(p, i).equals("tỉnh") && !Planner.NOT_IMPLEMENTABLE.contains(kindCode)) {
            // what the province asks of its districts, and by when: what implementation tracking follows up
            LocalDate due = date.plusDays(20 + rnd.nextInt(40));
            t.append(party ? "Các huyện ủy, thành ủy xây dựng kế hoạch thực hiện, báo cáo kết quả về Ban Thường"
                    + " vụ Tỉnh ủy" : "Ủy ban nhân dân các huyện, thị xã, thành phố tổ chức thực hiện, báo cáo kết quả"
                    + " về Ủy ban nhân dân tỉnh").append(" trước ngày ").append(shortDate(due)).append(".\n");
        }

        t.append("\nNơi nhận:\n");
        for (String r : names.distribution(p, i)) {
            t.append("- ").append(r).append(",\n");
        }
        t.append("- Lưu VT.\n\n");
        String signer = name(rnd);
        if (!s.authority().isEmpty()) {
            t.append(s.authority()).append('\n');
        }
        t.append(s.position()).append("\n\n").append(signer).append('\n');

        String file = String.format(Locale.ROOT, "docs/%04d/%07d.txt", id / FILES_PER_FOLDER, id);
        int implementsId = p.parent[i] < 0 ? -1 : p.idOfPlan[p.parent[i]];
        return new GeneratedDocument(id, file, kind, p.number[i], date, issuer, names.parentIssuer(p, i), names.level(p, i),
                s.sector(), place, title, signer, s.position(), s.authority(), List.copyOf(cites), implementsId,
                t.toString());
    }

    private void body(StringBuilder t, String kindCode, int target, SplittableRandom rnd) {
        int startLen = t.length();
        int goal = startLen + target;
        switch (kindCode) {
            case "KH", "CTr", "HD" -> {
                String[] parts = {"I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG TRỌNG TÂM", "III. TỔ CHỨC THỰC HIỆN"};
                for (int k = 0; k < parts.length; k++) {
                    t.append(parts[k]).append("\n\n");
                    long end = startLen + (long) target * (k + 1) / parts.length;
                    int point = 1;
                    while (t.length() < end) {
                        t.append(point++).append(". ");
                        model.paragraph(rnd, 25 + rnd.nextInt(70), t);
                        t.append('\n');
                    }
                }
            }
            case "QĐ", "NĐ", "TT", "L" -> {
                if (kindCode.equals("QĐ")) {
                    t.append("QUYẾT ĐỊNH:\n\n");
                }
                int article = 1;
                int chapter = 1;
                while (t.length() < goal) {
                    if (!kindCode.equals("QĐ") && article % 12 == 1) {
                        t.append("Chương ").append(roman(chapter++)).append("\n\n");
                    }
                    t.append("Điều ").append(article++).append(". ");
                    model.paragraph(rnd, 20 + rnd.nextInt(80), t);
                    t.append('\n');
                }
            }
            default -> {
                model.paragraph(rnd, 40 + rnd.nextInt(60), t);
                t.append('\n');
                int point = 1;
                while (t.length() < goal) {
                    t.append(point++).append(". ");
                    model.paragraph(rnd, 25 + rnd.nextInt(80), t);
                    t.append('\n');
                }
            }
        }
    }

    private String level(Plan p, int i) {
        return names.level(p, i);
    }

    private static String roman(int n) {
        String[] r = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"};
        return n < r.length ? r[n] : Integer.toString(n);
    }

    private String name(SplittableRandom rnd) {
        List<String> f = data.families();
        List<String> m = data.middles();
        List<String> g = data.givens();
        return f.get(rnd.nextInt(f.size())) + " " + m.get(rnd.nextInt(m.size())) + " " + g.get(rnd.nextInt(g.size()));
    }

    private static String shortDate(LocalDate d) {
        return String.format(Locale.ROOT, "%02d/%d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    /** A well-mixed seed for document {@code i}'s own stream (SplitMix64's finalizer). */
    private static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i + 1;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
