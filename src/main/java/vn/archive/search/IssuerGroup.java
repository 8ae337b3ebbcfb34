package vn.archive.search;

import java.util.List;

/**
 * A parent body and the issuers under it, for the browse-by-issuer tree.
 *
 * @param parent  the body above the issuers ("Đảng bộ tỉnh Quảng Trị"), or null when the documents do not say
 * @param count   documents issued under this parent
 * @param issuers the issuers, each with its document count, most frequent first
 */
public record IssuerGroup(String parent, long count, List<FacetCount> issuers) {
    public IssuerGroup {
        issuers = List.copyOf(issuers);
    }
}
