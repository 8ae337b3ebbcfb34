package vn.archive.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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

    /**
     * The browse tree from document counts by parent body ("" for none) and issuer: each parent's issuers most
     * frequent first, parents by count with the documents of no known parent last. Any backend builds it this way.
     */
    public static List<IssuerGroup> tree(Map<String, Map<String, Long>> byParent) {
        List<IssuerGroup> groups = new ArrayList<>();
        byParent.forEach((parent, issuers) -> {
            List<FacetCount> counts = new ArrayList<>();
            issuers.forEach((issuer, n) -> counts.add(new FacetCount(issuer, n)));
            counts.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
            long total = counts.stream().mapToLong(FacetCount::count).sum();
            groups.add(new IssuerGroup(parent.isEmpty() ? null : parent, total, counts));
        });
        groups.sort(Comparator.comparing((IssuerGroup g) -> g.parent() == null)
                .thenComparing(IssuerGroup::count, Comparator.reverseOrder())
                .thenComparing(g -> g.parent() == null ? "" : g.parent()));
        return List.copyOf(groups);
    }
}
