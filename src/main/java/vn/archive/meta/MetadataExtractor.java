package vn.archive.meta;

import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Signer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All metadata extraction in one call: the header (kind, number, date, place, title), the issuer, the closing
 * parts (signer, addressees, distribution), the body's marks (deadlines, campaigns, stamps) and the data-quality
 * warnings. A pure function of the text: unknown fields stay null, inferred ones are named in {@code inferred}.
 */
public final class MetadataExtractor {
    private static final String CONSOLIDATED = "Văn bản hợp nhất";

    private final Dictionaries dictionaries;
    private final HeaderExtractor header;
    private final SignatureExtractor closing;
    private final IssuerResolver issuers;
    private final ReferenceExtractor references;

    public MetadataExtractor(Dictionaries dictionaries) {
        this.dictionaries = Objects.requireNonNull(dictionaries, "dictionaries");
        DisplayCase casing = new DisplayCase(dictionaries);
        this.header = new HeaderExtractor(dictionaries);
        this.closing = new SignatureExtractor(dictionaries, casing);
        this.issuers = new IssuerResolver(dictionaries, casing);
        this.references = new ReferenceExtractor(dictionaries);
    }

    /** Extracts metadata from a document's full, normalized text. */
    public DocumentMetadata extract(String text) {
        String raw = text == null ? "" : text;
        String headerText = HeaderExtractor.header(raw);
        DocumentMetadata head = header.extractFromHeader(headerText);
        String plain = HeaderExtractor.plain(raw);
        DocumentMetadata.Builder b = head.toBuilder();
        Set<String> inferred = new LinkedHashSet<>(head.inferred());
        List<String> warnings = new ArrayList<>(head.warnings());

        if (head.kind() == null) {
            operativeKind(plain).ifPresent(k -> {
                b.kind(k);
                inferred.add("kind");
            });
        }
        if (b.kind() == null) {
            formulaKind(plain).ifPresent(k -> {
                b.kind(k);
                inferred.add("kind");
            });
        }
        if ("Quyết định".equals(head.kind()) && head.inferred().contains("kind") && partyRegulation(plain)) {
            b.kind("Quy định"); // "-QĐ/TW" numbers both; "Ban Bí thư quy định … như sau" makes it a Quy định
        }
        String ownNumber = issuingNumber(headerText, head.kind(), head.number()) ? null : head.number();
        b.number(ownNumber);
        DocNumber number = ownNumber == null ? null : DocNumber.parse(ownNumber).orElse(null);
        kindOfConsolidation(number).ifPresent(k -> b.kind(k));
        if (resolvesButTitledAsRule(b.kind(), number, plain)) {
            b.kind("Nghị quyết"); // "QUY ĐỊNH CHẾ ĐỘ …" is the title of a resolution that lost its kind line
        }

        Optional<SignatureExtractor.Found> signature = closing.signature(plain);
        Signer signer = signature.map(SignatureExtractor.Found::signer).orElse(null);
        List<String> distribution = closing.distribution(plain, signature.map(SignatureExtractor.Found::start).orElse(-1));
        b.signer(signer);
        List<String> recipients = closing.recipients(plain, signature.map(SignatureExtractor.Found::start).orElse(-1));
        b.recipients(recipients);
        b.distribution(distribution);

        IssuerResolver.Result issuer = issuers.resolve(headerText, number, head.place(),
                signer == null ? null : signer.authority(), distribution, plain);
        b.issuer(issuer.issuer()).parentIssuer(issuer.parentIssuer()).level(issuer.level()).sector(issuer.sector());
        if (issuer.level() == null && issuer.issuer() == null) {
            // a letter whose header was lost: its addressees are the units right below the sender
            Addressees.sender(recipients).ifPresent(ls -> {
                b.level(ls[0]).sector(ls[1]);
                inferred.add("level");
                inferred.add("sector");
            });
        }
        if (issuer.issuerInferred()) {
            inferred.add("issuer");
        }
        if (issuer.parentInferred()) {
            inferred.add("parentIssuer");
        }
        if (issuer.levelInferred()) {
            inferred.add("level");
            inferred.add("sector");
        }
        if (head.title() != null) {
            b.title(TitleCleaner.trimEnactingBody(head.title(), issuer.issuer(), dictionaries.positions()));
        }

        b.deadlines(BodyMarks.deadlines(plain));
        b.effectiveFrom(EffectClause.effectiveFrom(plain, head.date()));
        b.campaigns(BodyMarks.campaigns(plain));
        b.classification(BodyMarks.classification(plain).orElse(null));
        b.urgency(BodyMarks.urgency(plain).orElse(null));

        List<Reference> refs = references.extract(raw, ownNumber, b.kind());
        b.references(refs);
        // a citation dated after this document is the graph's warning (graph.GraphWarnings), said once there

        symbolMismatch(b.kind(), number).ifPresent(warnings::add);
        b.inferred(inferred);
        b.warnings(warnings);
        return b.build();
    }

    /** "(Ban hành) kèm theo Quyết định số …": the document that issues an attached Quy chế or Quy định. */
    private static final Pattern ATTACHED_TO = Pattern.compile(
            "(?iu)kèm theo\\s+(Quyết định|Nghị quyết|Thông tư|Nghị định|Chỉ thị)\\s+(?:số\\s*:?\\s*)?");

    /**
     * Whether the header's number is that of the document this one is attached to: a Quy chế printed under the
     * header of the Quyết định that issues it ("Số: 28/2021/QĐ-UBND … QUY CHẾ … (Ban hành kèm theo Quyết định số
     * 28/2021/QĐ-UBND …)") is kept apart from it.
     */
    private static final Pattern BODY_START = Pattern.compile(
            "(?m)^\\s*(?:Căn cứ|Điều\\s+\\d|QUYẾT NGHỊ|QUYẾT ĐỊNH\\s*:)");

    private static boolean issuingNumber(String header, String kind, String number) {
        if (number == null || kind == null) {
            return false;
        }
        // the attachment's own heading comes before any "Căn cứ" or article: after them it is an annex of this text
        Matcher body = BODY_START.matcher(header);
        Matcher m = ATTACHED_TO.matcher(header).region(0, body.find() ? body.start() : header.length());
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(kind)) {
                continue;
            }
            Matcher n = DocNumber.WRITTEN.matcher(header).region(m.end(), header.length());
            if (n.lookingAt() && DocNumber.fromMatch(n).equals(DocNumber.parse(number).orElse(null))) {
                return true;
            }
        }
        return false;
    }

    /** A Party body's operative "quy định … như sau": the formula of a Quy định. */
    private static final Pattern PARTY_REGULATES = Pattern.compile(
            "(?:Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương|Ban Thường vụ(?: \\p{Lu}\\p{L}*)+|Tỉnh ủy|Huyện ủy|Thành ủy)"
                    + "\\s+quy định[^.\\n]{0,200}?(?:như sau|:)");

    /** Whether a text whose kind came from its "QĐ" symbol regulates rather than decides. */
    private static boolean partyRegulation(String text) {
        return PARTY_REGULATES.matcher(text).find() && !OPERATIVE.matcher(text).find();
    }

    /** The operative formula on a line of its own: "BỘ CHÍNH TRỊ QUYẾT ĐỊNH", "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:". */
    private static final Pattern OPERATIVE = Pattern.compile(
            "(?m)^[\\p{Lu} \\t]*?(QUYẾT ĐỊNH|QUYẾT NGHỊ)[ \\t]*:?[ \\t]*$");

    /** The kind a text without its kind line shows by its operative formula: a Quyết định, a Nghị quyết. */
    private static Optional<String> operativeKind(String text) {
        Matcher m = OPERATIVE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).equals("QUYẾT ĐỊNH") ? "Quyết định" : "Nghị quyết");
    }

    /**
     * The formula that opens a text whose kind line was lost: "Ban Tuyên giáo Trung ương hướng dẫn … như sau:" is a
     * Hướng dẫn, "Ủy ban nhân dân thành phố ban hành Kế hoạch triển khai như sau:" a Kế hoạch.
     */
    private static final Pattern FORMULA = Pattern.compile(
            "(?:^|[,;.:]\\s+|\\n|(?<=\\d))\\s*\\p{Lu}\\p{L}*(?:[ \\t]+\\p{L}+){0,7}?\\s+(?:(hướng dẫn)|ban hành\\s+"
                    + "(Kế hoạch|Chương trình|Hướng dẫn|Quy chế|Quy định))(?![\\p{L}])[^.;]{0,300}?như sau\\s*:");
    private static final int FORMULA_CHARS = 3000;

    /** The kind its opening formula names, for a text that shows no kind line, symbol or operative word. */
    private static Optional<String> formulaKind(String text) {
        Matcher m = FORMULA.matcher(text.length() > FORMULA_CHARS ? text.substring(0, FORMULA_CHARS) : text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? "Hướng dẫn" : m.group(2));
    }

    /**
     * Whether a text read as a Quy định is a resolution whose kind line a page lost, its title opening with the verb
     * "QUY ĐỊNH …": its symbol says NQ and it resolves ("QUYẾT NGHỊ:") — only a Nghị quyết does both.
     */
    private boolean resolvesButTitledAsRule(String kind, DocNumber number, String text) {
        return "Quy định".equals(kind) && number != null && !number.parts().isEmpty()
                && dictionaries.kindByCode(number.parts().get(0)).map(Dictionaries.Kind::name)
                        .filter("Nghị quyết"::equals).isPresent()
                && operativeKind(text).filter("Nghị quyết"::equals).isPresent();
    }

    /** A consolidated text ("03/VBHN-VPQH") is that kind, whatever kind of text it consolidates. */
    private Optional<String> kindOfConsolidation(DocNumber number) {
        if (number == null || number.parts().isEmpty()) {
            return Optional.empty();
        }
        return dictionaries.kindByCode(number.parts().get(0)).map(Dictionaries.Kind::name)
                .filter(CONSOLIDATED::equals);
    }

    /** Warns when the symbol's kind code names another kind than the header ("12-NQ/TU" printed as a Công văn). */
    private Optional<String> symbolMismatch(String kind, DocNumber number) {
        if (kind == null || number == null || number.parts().isEmpty()) {
            return Optional.empty();
        }
        Optional<Dictionaries.Kind> coded = dictionaries.kindByCode(number.parts().get(0));
        if (coded.isEmpty() || coded.get().name().toLowerCase(Locale.ROOT).equals(kind.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of("Ký hiệu " + number.format() + " là của " + coded.get().name() + " nhưng văn bản là "
                + kind + " (ký hiệu không khớp loại văn bản)");
    }
}
