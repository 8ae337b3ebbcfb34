package vn.archive.curation;

import vn.archive.model.DocumentMetadata;
import vn.archive.model.Signer;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The fields an archivist may correct, each with how it reads and writes its value as text. */
public enum CorrectableField {
    KIND("kind", "Loại văn bản"), NUMBER("number", "Số, ký hiệu"), DATE("date", "Ngày ban hành"),
    ISSUER("issuer", "Cơ quan ban hành"), PARENT_ISSUER("parentIssuer", "Cơ quan cấp trên"), LEVEL("level", "Cấp"),
    SECTOR("sector", "Khối"), PLACE("place", "Nơi ban hành"), TITLE("title", "Trích yếu"),
    RECIPIENTS("recipients", "Kính gửi"), DISTRIBUTION("distribution", "Nơi nhận"),
    SIGNER_NAME("signer.name", "Người ký"), SIGNER_POSITION("signer.position", "Chức vụ người ký"),
    SIGNER_AUTHORITY("signer.authority", "Thẩm quyền ký"), CLASSIFICATION("classification", "Độ mật"),
    URGENCY("urgency", "Độ khẩn"), DEADLINES("deadlines", "Thời hạn"), CAMPAIGNS("campaigns", "Phong trào");

    /** The level as the Vietnamese pages write it (stored so) or as the English ones do. */
    private static final Map<String, String> LEVELS = Map.of("trung ương", "trung ương", "tỉnh", "tỉnh",
            "huyện", "huyện", "xã", "xã", "central", "trung ương", "province", "tỉnh", "district", "huyện",
            "commune", "xã");
    /** The sector as the pages write it (Vietnamese) or as the API does (codes), to its stored code. */
    private static final Map<String, String> SECTOR_NAMES = Map.ofEntries(Map.entry("party", "party"),
            Map.entry("state", "state"), Map.entry("mass", "mass"), Map.entry("đảng", "party"),
            Map.entry("khối đảng", "party"), Map.entry("nhà nước", "state"), Map.entry("chính quyền", "state"),
            Map.entry("khối nhà nước", "state"), Map.entry("mặt trận", "mass"), Map.entry("đoàn thể", "mass"),
            Map.entry("mặt trận, đoàn thể", "mass"), Map.entry("mặt trận và đoàn thể", "mass"),
            Map.entry("mặt trận tổ quốc", "mass"));
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final String apiName;
    private final String label;

    CorrectableField(String apiName, String label) {
        this.apiName = apiName;
        this.label = label;
    }

    /** The API's name of the field. */
    public String apiName() {
        return apiName;
    }

    /** The Vietnamese label shown in the form. */
    public String label() {
        return label;
    }

    /** The field with this API name, or a message that lists the allowed names. */
    public static CorrectableField of(String apiName) {
        for (CorrectableField f : values()) {
            if (f.apiName.equals(apiName)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Trường không sửa được [" + apiName + "], chỉ được: "
                + Arrays.stream(values()).map(CorrectableField::apiName).collect(Collectors.joining(", ")));
    }

    /** The current value as text: lists one item a line, dates ISO. */
    public String read(DocumentMetadata m) {
        Signer s = m.signer();
        return switch (this) {
            case KIND -> m.kind();
            case NUMBER -> m.number();
            case DATE -> m.date() == null ? null : m.date().toString();
            case ISSUER -> m.issuer();
            case PARENT_ISSUER -> m.parentIssuer();
            case LEVEL -> m.level();
            case SECTOR -> m.sector();
            case PLACE -> m.place();
            case TITLE -> m.title();
            case RECIPIENTS -> lines(m.recipients());
            case DISTRIBUTION -> lines(m.distribution());
            case SIGNER_NAME -> s == null ? null : s.name();
            case SIGNER_POSITION -> s == null ? null : s.position();
            case SIGNER_AUTHORITY -> s == null ? null : s.authority();
            case CLASSIFICATION -> m.classification();
            case URGENCY -> m.urgency();
            case DEADLINES -> lines(m.deadlines().stream().map(LocalDate::toString).toList());
            case CAMPAIGNS -> lines(m.campaigns());
        };
    }

    /** Checks a new value and says what is allowed when it is not; returns it in its stored form. */
    public String validate(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return null;
        }
        switch (this) {
            case DATE -> {
                return date(v).toString();
            }
            case DEADLINES -> {
                return lines(items(v).stream().map(d -> date(d).toString()).toList());
            }
            case LEVEL -> {
                String level = LEVELS.get(Normalizer.normalize(v, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
                if (level == null) {
                    throw new IllegalArgumentException("Cấp không hợp lệ [" + v
                            + "], chỉ được: trung ương, tỉnh, huyện, xã (central, province, district, commune)");
                }
                return level;
            }
            case SECTOR -> {
                String code = SECTOR_NAMES.get(Normalizer.normalize(v, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
                if (code == null) {
                    throw new IllegalArgumentException("Khối không hợp lệ [" + v
                            + "], chỉ được: Đảng, Nhà nước, Mặt trận, đoàn thể (party, state, mass)");
                }
                return code;
            }
            case RECIPIENTS, DISTRIBUTION, CAMPAIGNS -> {
                return lines(items(v));
            }
            default -> {
                return v;
            }
        }
    }

    /** The metadata with this field set to a stored value (null clears it). */
    public DocumentMetadata apply(DocumentMetadata m, String value) {
        DocumentMetadata.Builder b = m.toBuilder();
        Signer s = m.signer() == null ? new Signer(null, null, null) : m.signer();
        switch (this) {
            case KIND -> b.kind(value);
            case NUMBER -> b.number(value);
            case DATE -> b.date(value == null ? null : LocalDate.parse(value));
            case ISSUER -> b.issuer(value);
            case PARENT_ISSUER -> b.parentIssuer(value);
            case LEVEL -> b.level(value);
            case SECTOR -> b.sector(value);
            case PLACE -> b.place(value);
            case TITLE -> b.title(value);
            case RECIPIENTS -> b.recipients(items(value));
            case DISTRIBUTION -> b.distribution(items(value));
            case SIGNER_NAME -> b.signer(signer(value, s.position(), s.authority()));
            case SIGNER_POSITION -> b.signer(signer(s.name(), value, s.authority()));
            case SIGNER_AUTHORITY -> b.signer(signer(s.name(), s.position(), value));
            case CLASSIFICATION -> b.classification(value);
            case URGENCY -> b.urgency(value);
            case DEADLINES -> b.deadlines(items(value).stream().map(LocalDate::parse).toList());
            case CAMPAIGNS -> b.campaigns(items(value));
        }
        return b.build();
    }

    private static Signer signer(String name, String position, String authority) {
        return name == null && position == null && authority == null ? null : new Signer(name, position, authority);
    }

    private static LocalDate date(String v) {
        try {
            return v.contains("/") ? LocalDate.parse(v, VIETNAMESE_DATE) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Ngày không hợp lệ [" + v + "], dùng dạng 2020-07-01 hoặc 01/7/2020");
        }
    }

    private static List<String> items(String v) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (String line : v.split("\n")) {
            String item = line.strip();
            if (!item.isEmpty()) {
                out.add(item);
            }
        }
        return out;
    }

    private static String lines(List<String> items) {
        return items.isEmpty() ? null : String.join("\n", items);
    }
}
