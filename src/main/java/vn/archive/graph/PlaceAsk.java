package vn.archive.graph;

import vn.archive.graph.ReferenceSnapshot.Entry;
import vn.archive.meta.PartyTerms;
import vn.archive.model.DocNumber;
import vn.archive.text.PlaceKeys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A directive whose citations through its local number are to be read, by the place that number is unique in.
 * Its citations by year ({@code PlaceKeys.inYear}): where others bear its number in its place, a citation dated
 * in a year it cannot mean is resolved to one of them or to none ({@code CitationResolver.pick}), never to it.
 */
record PlaceAsk(NumberPlace place, Entry target, DocNumber number) {
    /** Namesakes read to show that a directive has two others: a spare for a rendition or another place's. */
    private static final int FEW = 4;

    /**
     * The terms of the years a citation meaning this directive may give, the undated ones' among them, and for a
     * number not in the Party's style the Party-style citations of it (they may mean it from another year).
     */
    Set<String> yearTerms() {
        Set<String> out = new TreeSet<>();
        out.add(PlaceKeys.inYear(place.term(), null));
        if (!number.dashed()) {
            out.add(PlaceKeys.dashed(place.term()));
        }
        for (Integer y : citedYears()) {
            out.add(PlaceKeys.inYear(place.term(), y));
        }
        return out;
    }

    private Set<Integer> citedYears() {
        if (number.dashed()) {
            return PartyNumbering.citedYears(PartyTerms.current(), place.level(), target);
        }
        LocalDate d = target.metadata().date();
        return d == null ? Set.of() : Set.of(d.getYear());
    }

    /**
     * The citers of this directive's years among {@code every} year's of its place, from the year terms {@code found}
     * ({@link #yearTerms}); null when its years were not asked (a place cited by nothing, holding too few documents
     * under the number for a citation to have others to choose from, or an index filed without years): every
     * year's are read then.
     */
    Set<String> byYears(Map<String, SortedSet<String>> found, SortedSet<String> every) {
        SortedSet<String> undated = found.get(PlaceKeys.inYear(place.term(), null));
        if (undated == null) {
            return null;
        }
        Set<String> out = new TreeSet<>(undated);
        if (!number.dashed()) {
            out.addAll(found.getOrDefault(PlaceKeys.dashed(place.term()), Collections.emptySortedSet()));
        }
        for (Integer y : citedYears()) {
            out.addAll(found.getOrDefault(PlaceKeys.inYear(place.term(), y), Collections.emptySortedSet()));
        }
        out.retainAll(every);
        return out;
    }

    /** A few of the ids under this directive's number in its place other than its own (enough for two others). */
    Set<String> fewOthers(SortedSet<String> ids) {
        Set<String> out = new TreeSet<>();
        for (String id : ids) {
            if (!id.equals(target.id()) && out.size() < FEW) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * The citers read by years, once the place's namesakes are known: enough with two namesakes no citation can
     * tell this directive from; with one, that one too (citing its own number, it has this directive alone to
     * choose); with none, every year's after all (renditions of one directive, or another province's district
     * of the same name, made the index's count too high).
     */
    Set<String> settle(Set<String> byYears, List<Entry> namesakes, SortedSet<String> every) {
        List<Entry> others = competitors(namesakes);
        if (others.size() >= 2) {
            return byYears;
        }
        if (others.size() == 1) {
            Set<String> out = new TreeSet<>(byYears);
            out.add(others.get(0).id());
            return out;
        }
        return every;
    }

    /**
     * The namesakes that are a candidate of every citation this directive is a candidate of ({@code
     * CitationResolver.sameScope}): with two of them, no citation has this directive alone to choose from (a
     * citing namesake leaves one); with one, only that one's citations may.
     */
    List<Entry> competitors(List<Entry> namesakes) {
        List<Entry> out = new ArrayList<>();
        String province = target.locality().province();
        for (Entry e : namesakes) {
            if (e.id().equals(target.id())) {
                continue;
            }
            String other = e.locality().province();
            if (place.province() || other == null || (province != null && province.equals(other))) {
                out.add(e);
            }
        }
        return out;
    }
}
