package vn.archive.search;

import vn.archive.index.Fields;
import vn.archive.model.DocNumber;

import java.util.List;
import java.util.stream.Stream;

/**
 * The facet dimensions a search counts and filters on, by the names the portal and the API use ("kind", "issuer"…).
 * The web layer names dimensions through this class only; which index field holds each is the backend's business
 * (the embedded index files them under the same names).
 */
public final class FacetDimensions {
    public static final String KIND = Fields.KIND;
    public static final String ISSUER = Fields.ISSUER;
    public static final String LEVEL = Fields.LEVEL;
    public static final String YEAR = Fields.YEAR;
    public static final String PLACE = Fields.PLACE;
    public static final String SIGNER = Fields.SIGNER;
    public static final String CAMPAIGN = Fields.CAMPAIGN;
    /** Numbers the documents cite, by their canonical key. */
    public static final String CITES = Fields.CITES;

    /**
     * In-force status ({@code InForce.STATUSES}): decided per query from the document's effect clause and the
     * later documents the viewer may see, so it is no stored facet field and not among {@link #SHOWN}.
     */
    public static final String IN_FORCE = "in_force";

    /** The dimensions shown on the search page, in display order. */
    public static final List<String> SHOWN = List.of(KIND, ISSUER, LEVEL, YEAR, PLACE, SIGNER, CAMPAIGN, CITES);

    /** The dimensions the embedded index's search answers with, in order: the stored ones, then the in-force status. */
    public static final List<String> ANSWERED = Stream.concat(SHOWN.stream(), Stream.of(IN_FORCE))
            .toList();

    /**
     * A filter value as the index holds it: a cited number by its canonical key (the portal and API take it as
     * written, e.g. 25-NQ/TW), every other value unchanged. Both backends filter through this.
     */
    public static String indexedValue(String dimension, String value) {
        if (dimension.equals(CITES)) {
            return DocNumber.parse(value).map(DocNumber::key).orElse(value);
        }
        return value;
    }

    private FacetDimensions() {
    }
}
