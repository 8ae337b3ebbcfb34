package vn.archive.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything extracted from a document's header and body. Unknown values are null (or empty lists), never guessed.
 *
 * @param kind          loại văn bản ("Công văn", "Nghị quyết"…)
 * @param number        number and symbol as normalized display text ("374-CV/HU", "30/2020/NĐ-CP")
 * @param date          date of issue
 * @param issuer        issuing body
 * @param parentIssuer  the body above the issuer ("Đảng bộ tỉnh Lâm Đồng")
 * @param level         trung ương, tỉnh, huyện or xã
 * @param sector        party, state or mass organization
 * @param place         place of issue as printed before the date
 * @param title         subject: the "V/v …" line or the line under the kind's name
 * @param recipients    Kính gửi
 * @param distribution  Nơi nhận
 * @param signer        signer, when found
 * @param classification secrecy mark (Mật, Tối mật, Tuyệt mật)
 * @param urgency       urgency mark (Khẩn, Thượng khẩn, Hỏa tốc)
 * @param deadlines     dates the document sets as deadlines
 * @param campaigns     campaigns and movements named in quotes
 * @param references    mentions of other documents
 * @param inferred      names of fields whose value was inferred rather than read
 * @param warnings      data-quality warnings found during extraction
 * @param effectiveFrom the date the document takes effect, from its effect clause ("có hiệu lực kể từ ngày …",
 *                      "kể từ ngày ký"), else null
 * @param withdrawn     the archivist's withdrawal when the document is withdrawn (hidden from readers), else null
 */
public record DocumentMetadata(String kind, String number, LocalDate date, String issuer, String parentIssuer,
                               String level, String sector, String place, String title,
                               List<String> recipients, List<String> distribution, Signer signer,
                               String classification, String urgency, List<LocalDate> deadlines,
                               List<String> campaigns, List<Reference> references, Set<String> inferred,
                               List<String> warnings, LocalDate effectiveFrom,
                               Withdrawal withdrawn) {
    public DocumentMetadata {
        recipients = copy(recipients);
        distribution = copy(distribution);
        deadlines = copy(deadlines);
        campaigns = copy(campaigns);
        references = copy(references);
        inferred = inferred == null ? Set.of() : Set.copyOf(inferred);
        warnings = copy(warnings);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** What joins an issuer to its parent body in the issuer facet's value. */
    public static final String ISSUER_PARENT_SEPARATOR = " · ";

    /**
     * The value of the issuer facet and filter: the issuer, followed by its parent body when the header names one
     * ("Ban Tuyên giáo · Tỉnh ủy Lâm Đồng"), so that bodies of one printed name under different parents stay apart.
     */
    public String issuerFacet() {
        return issuerFacet(issuer, parentIssuer);
    }

    /** The issuer facet's value of an issuer under this parent body (null or blank: none). */
    public static String issuerFacet(String issuer, String parent) {
        if (issuer == null || parent == null || parent.isBlank()) {
            return issuer;
        }
        return issuer + ISSUER_PARENT_SEPARATOR + parent;
    }

    /** A metadata value with nothing known. */
    public static DocumentMetadata empty() {
        return builder().build();
    }

    /** A builder starting from nothing. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.kind = kind; b.number = number; b.date = date; b.issuer = issuer; b.parentIssuer = parentIssuer;
        b.level = level; b.sector = sector; b.place = place; b.title = title; b.recipients = recipients;
        b.distribution = distribution; b.signer = signer; b.classification = classification; b.urgency = urgency;
        b.deadlines = deadlines; b.campaigns = campaigns; b.references = references; b.inferred = inferred;
        b.warnings = warnings; b.effectiveFrom = effectiveFrom; b.withdrawn = withdrawn;
        return b;
    }

    /** Mutable builder, so extractors can fill fields one at a time. */
    public static final class Builder {
        private String kind, number, issuer, parentIssuer, level, sector, place, title, classification, urgency;
        private LocalDate date, effectiveFrom;
        private List<String> recipients = List.of(), distribution = List.of(), campaigns = List.of(), warnings = List.of();
        private Signer signer;
        private List<LocalDate> deadlines = List.of();
        private List<Reference> references = List.of();
        private Set<String> inferred = Set.of();
        private Withdrawal withdrawn;

        public Builder kind(String v) { kind = v; return this; }
        public Builder number(String v) { number = v; return this; }
        public Builder date(LocalDate v) { date = v; return this; }
        public Builder issuer(String v) { issuer = v; return this; }
        public Builder parentIssuer(String v) { parentIssuer = v; return this; }
        public Builder level(String v) { level = v; return this; }
        public Builder sector(String v) { sector = v; return this; }
        public Builder place(String v) { place = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder recipients(List<String> v) { recipients = v; return this; }
        public Builder distribution(List<String> v) { distribution = v; return this; }
        public Builder signer(Signer v) { signer = v; return this; }
        public Builder classification(String v) { classification = v; return this; }
        public Builder urgency(String v) { urgency = v; return this; }
        public Builder deadlines(List<LocalDate> v) { deadlines = v; return this; }
        public Builder campaigns(List<String> v) { campaigns = v; return this; }
        public Builder references(List<Reference> v) { references = v; return this; }
        public Builder inferred(Set<String> v) { inferred = v; return this; }
        public Builder warnings(List<String> v) { warnings = v; return this; }
        public Builder effectiveFrom(LocalDate v) { effectiveFrom = v; return this; }
        public Builder withdrawn(Withdrawal v) { withdrawn = v; return this; }

        public String kind() { return kind; }
        public String number() { return number; }
        public LocalDate date() { return date; }
        public String issuer() { return issuer; }
        public String place() { return place; }

        public DocumentMetadata build() {
            return new DocumentMetadata(kind, number, date, issuer, parentIssuer, level, sector, place, title,
                    recipients, distribution, signer, classification, urgency, deadlines, campaigns, references,
                    inferred, warnings, effectiveFrom, withdrawn);
        }
    }
}
