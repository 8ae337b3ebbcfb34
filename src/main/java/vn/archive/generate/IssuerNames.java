package vn.archive.generate;

import vn.archive.generate.GeneratorData.Province;
import vn.archive.generate.GeneratorData.Unit;
import vn.archive.meta.Dictionaries;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Names in a planned document: its issuer's with the province and district filled in, its place of issue, its parent
 * body, the names of kinds, and who it is addressed and sent to.
 */
final class IssuerNames {
    private final GeneratorData data;
    private final Dictionaries dictionaries;

    IssuerNames(GeneratorData data, Dictionaries dictionaries) {
        this.data = Objects.requireNonNull(data, "data");
        this.dictionaries = Objects.requireNonNull(dictionaries, "dictionaries");
    }

    /** The template with the document's province and district names put in. */
    String subst(String template, Plan p, int i) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        String out = template;
        if (p.province[i] >= 0) {
            Province pv = data.provinces().get(p.province[i]);
            boolean city = pv.type().equals("thành phố");
            String committee = city ? "Thành ủy" : "Tỉnh ủy";
            out = out.replace("{PUC}", upper(committee)).replace("{PU}", committee)
                    .replace("{PTC}", upper(pv.type())).replace("{PT}", pv.type())
                    .replace("{PC}", upper(pv.name())).replace("{P}", pv.name());
        }
        if (p.unit[i] >= 0) {
            Unit u = data.provinces().get(p.province[i]).units().get(p.unit[i]);
            String du = u.committee() + " " + u.printed();
            out = out.replace("{DUC}", upper(du)).replace("{DU}", du).replace("{DK}", u.committeeCode())
                    .replace("{DTC}", upper(u.type())).replace("{DT}", u.type())
                    .replace("{DC}", upper(u.name())).replace("{D}", u.name());
        }
        return out;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    String issuer(Plan p, int i) {
        return subst(data.issuers().get(p.spec[i]).name(), p, i);
    }

    String place(Plan p, int i) {
        if (p.unit[i] >= 0) {
            Unit u = data.provinces().get(p.province[i]).units().get(p.unit[i]);
            // numbered urban districts sign with the city's name ("Thành phố Hồ Chí Minh, ngày …")
            if (!Character.isDigit(u.name().charAt(0))) {
                return u.printed();
            }
        }
        if (p.province[i] >= 0) {
            return data.provinces().get(p.province[i]).capital();
        }
        return "Hà Nội";
    }

    String parentIssuer(Plan p, int i) {
        if (p.unit[i] < 0) {
            return null;
        }
        Province pv = data.provinces().get(p.province[i]);
        return data.issuers().get(p.spec[i]).sector().equals("party")
                ? "Đảng bộ " + pv.type() + " " + pv.name()
                : "Ủy ban nhân dân " + pv.type() + " " + pv.name();
    }

    String kindName(String code) {
        return dictionaries.kindByCode(code).map(Dictionaries.Kind::name)
                .orElseThrow(() -> new IllegalStateException("kind code " + code + " is not in kinds.tsv"));
    }

    String level(Plan p, int i) {
        return data.issuers().get(p.spec[i]).level();
    }

    /** Who a letter is addressed to, by the issuer's level. */
    List<String> recipients(Plan p, int i) {
        String level = level(p, i);
        return switch (level) {
            case "huyện" -> List.of("UBND " + data.provinces().get(p.province[i]).units().get(p.unit[i]).type(),
                    "Ủy ban MTTQ Việt Nam, các đoàn thể CT-XH", "Các cấp ủy cơ sở");
            case "tỉnh" -> List.of("Các huyện ủy, thị ủy, thành ủy", "Các sở, ban, ngành, đoàn thể tỉnh",
                    "Các đảng ủy trực thuộc");
            default -> List.of("Các tỉnh ủy, thành ủy trực thuộc Trung ương", "Các ban đảng Trung ương",
                    "Các bộ, ngành Trung ương");
        };
    }

    /** Who receives a copy, by the issuer's level. */
    List<String> distribution(Plan p, int i) {
        return switch (level(p, i)) {
            case "huyện" -> List.of("Như kính gửi", "Thường trực " + (data.provinces().get(p.province[i]).type()
                    .equals("thành phố") ? "Thành ủy" : "Tỉnh ủy"));
            case "tỉnh" -> List.of("Như kính gửi", "Văn phòng Trung ương Đảng");
            default -> List.of("Như kính gửi");
        };
    }
}
