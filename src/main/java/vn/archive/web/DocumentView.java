package vn.archive.web;

import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentLink;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.InForce;
import vn.archive.model.Signer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The document object of the JSON API (see API.md), built from an archived document. */
public record DocumentView(String id, String kind, String number, LocalDate date, String issuer, String parentIssuer,
                    String level, String sector, String place, String title, List<String> recipients,
                    List<String> distribution, Signer signer, String classification, String urgency,
                    List<LocalDate> deadlines, List<String> campaigns, List<ReferenceView> references,
                    List<CitedByView> citedBy, List<String> warnings, List<String> inferred, SourceView source,
                    List<String> notes, List<LinkView> links, String text,
                           List<RenditionView> renditions, InForce inForce) {

    /**
     * A link to another document: {@code kind} is {@code rendition} (the same directive in another form),
     * {@code attachment} (a file attached to this e-mail) or {@code envelope} (the e-mail this file came with).
     */
    public record LinkView(String kind, String id) {
        static LinkView of(DocumentLink link) {
            return new LinkView(link.kind().name().toLowerCase(Locale.ROOT), link.id());
        }
    }

    /**
     * One rendition of the directive (a scan, a DOCX…), preferred first.
     *
     * @param ocrConfidence mean OCR confidence 0–100, null for a typed rendition
     */
    public record RenditionView(String id, String filename, String mediaType, boolean ocr, Double ocrConfidence,
                                long size, String url, String original) {
        private static final Pattern CONFIDENCE = Pattern.compile("OCR confidence ([0-9.]+)");

        static RenditionView of(ArchivedDocument d) {
            Double confidence = d.notes().stream().map(CONFIDENCE::matcher).filter(Matcher::matches)
                    .map(m -> Double.valueOf(m.group(1))).findFirst().orElse(null);
            return new RenditionView(d.id(), d.source().filename(), d.source().mediaType(), d.source().ocr(), confidence,
                    d.source().size(), "/documents/" + d.id(), "/documents/" + d.id() + "/original");
        }
    }

    /** This view with the directive's renditions listed (empty or one: the document is the directive's only one). */
    public DocumentView withRenditions(List<ArchivedDocument> all) {
        List<RenditionView> views = all.size() < 2 ? List.of() : all.stream().map(RenditionView::of).toList();
        return new DocumentView(id, kind, number, date, issuer, parentIssuer, level, sector, place, title, recipients,
                distribution, signer, classification, urgency, deadlines, campaigns, references, citedBy, warnings,
                inferred, source, notes, links, text, views, inForce);
    }

    /** This view with its in-force status, read from the documents of the archive that cite it. */
    public DocumentView withInForce(InForce status) {
        return new DocumentView(id, kind, number, date, issuer, parentIssuer, level, sector, place, title, recipients,
                distribution, signer, classification, urgency, deadlines, campaigns, references, citedBy, warnings,
                inferred, source, notes, links, text, renditions, status);
    }

    /** A reference in the API's shape, relation as its wire name. */
    public record ReferenceView(String kind, String number, LocalDate date, String issuer, String relation, String target,
                         String text) { }

    /** A citing document. */
    public record CitedByView(String id, String number, String relation) { }

    /** Provenance in the API's shape. */
    public record SourceView(String filename, String sha256, String mediaType, boolean ocr, long size, List<String> paths) { }

    /** This view with each reference's resolved target id (null when not in the archive) and the graph's warnings. */
    public DocumentView withReferences(List<String> targets, List<String> graphWarnings) {
        List<ReferenceView> refs = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            ReferenceView r = references.get(i);
            refs.add(new ReferenceView(r.kind(), r.number(), r.date(), r.issuer(), r.relation(),
                    i < targets.size() ? targets.get(i) : null, r.text()));
        }
        // an archive imported before the graph said the later-dated warning has it in its metadata too: once
        Set<String> allWarnings = new LinkedHashSet<>(warnings);
        allWarnings.addAll(graphWarnings);
        return new DocumentView(id, kind, number, date, issuer, parentIssuer, level, sector, place, title, recipients,
                distribution, signer, classification, urgency, deadlines, campaigns, refs, citedBy, List.copyOf(allWarnings),
                inferred, source, notes, links, text, renditions, inForce);
    }

    public static DocumentView of(ArchivedDocument d, List<CitedByView> citedBy) {
        DocumentMetadata m = d.metadata();
        List<ReferenceView> refs = m.references().stream()
                .map(r -> new ReferenceView(r.kind(), r.number(), r.date(), r.issuer(), r.relation().wireName(), null,
                        r.text()))
                .toList();
        return new DocumentView(d.id(), m.kind(), m.number(), m.date(), m.issuer(), m.parentIssuer(), m.level(),
                m.sector(), m.place(), m.title(), m.recipients(), m.distribution(), m.signer(), m.classification(),
                m.urgency(), m.deadlines(), m.campaigns(), refs, citedBy, m.warnings(), m.inferred().stream().sorted().toList(),
                new SourceView(d.source().filename(), d.source().sha256(), d.source().mediaType(), d.source().ocr(),
                        d.source().size(), d.source().paths()),
                d.notes(), d.links().stream().map(LinkView::of).toList(), d.text(), List.of(),
                InForce.of(m.effectiveFrom(), List.of(), LocalDate.now()));
    }
}
