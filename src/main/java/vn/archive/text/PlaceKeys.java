package vn.archive.text;

import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The place terms under which the index files a document's own number and its citations, so that the graph can ask
 * for one province's or one district's namesakes of a local number ("1-KH/TU" recurs in every province every year)
 * instead of all of them. A symbol's level needs the dictionaries, which the index does not read, so every number is
 * filed under each province ({@code key@p:…}) and each district ({@code key@d:…}) the document may belong to: its
 * issuer's, its parent body's, its place's and its text's, every one that the graph's locality of the document
 * ({@code ReferenceSnapshot.entryAt}) can be made of, so a place's term finds every document the graph can place
 * there (and a few more, which resolution leaves out). A citation is filed under its cited issuer's places too
 * (resolution places a citation by the issuer it names first). A document with no province (or no district) is
 * filed under {@code ?}: the graph never asks for it (what the index cannot place the graph cannot either, so it is no
 * local number's candidate, and its citations of one resolve to a placeholder), other readers may. {@link #MARK} is
 * on every document filed this way, so an index built before these terms, or filed by an earlier reading of places
 * ({@link Locality}), is known and read by number as before, until it is imported again.
 *
 * <p>A citation's place terms are filed once more with the year of the date it gives the cited document ({@link
 * #inYear}, {@code #?} when it gives none): where a place has many namesakes of a number (a district's 1/QĐ-UBND of
 * every year), a citation dated in one year can only mean that year's namesake, so the graph reads one directive's
 * citers by its own years instead of every year's. {@link #YEARS} marks the documents filed so.
 */
public final class PlaceKeys {
    /**
     * The term every document filed with these place terms bears: an index where all do can be asked by place. It
     * changes whenever {@link Locality} reads places differently ("*2": centrally governed cities read as provinces),
     * since the graph's reading of a place must be the one the index was filed by.
     */
    public static final String MARK = "*2";
    /**
     * The term every document filed with year terms bears ({@link #inYear}, {@link #dashed}): an index where all do
     * can be asked by year. It changes whenever what the year terms hold changes ("*2y2": Party-style citations).
     */
    public static final String YEARS = "*2y2";
    private static final char YEAR = '#';
    private static final String UNDATED = "?";
    private static final String UNPLACED = "?";

    private PlaceKeys() {
    }

    /** The term of a number key in one place: a province for a provincial symbol, else a district. */
    public static String of(String numberKey, boolean province, String place) {
        return numberKey + (province ? "@p:" : "@d:") + (place == null ? UNPLACED : place);
    }

    /** The term of a number key's documents or citations whose place is unknown, read with every place's term. */
    public static String unplaced(String numberKey, boolean province) {
        return of(numberKey, province, null);
    }

    /**
     * The term of a place term's citations that date the cited document in this year ({@code year} null: those that
     * give no date).
     */
    public static String inYear(String placeTerm, Integer year) {
        return placeTerm + YEAR + (year == null ? UNDATED : year.toString());
    }

    /**
     * The term of a place term's citations written in the Party's style (1-QĐ/UBND, dashed), whatever year they
     * give: such a citation means the namesake of the Party term holding its date, which may be of another year, so
     * a namesake whose own number is not dashed (1/QĐ-UBND, the same key) reads these besides its own year's.
     */
    public static String dashed(String placeTerm) {
        return placeTerm + YEAR + "-";
    }

    /**
     * Whether this term is a place term in one year ({@link #inYear}) or of Party-style citations ({@link #dashed}),
     * which only an index filed with years holds.
     */
    public static boolean hasYear(String term) {
        return term.indexOf(YEAR) >= 0;
    }

    /** A document's place terms: its own number's and its numbered citations' (with their years, {@link #inYear}). */
    public record Filed(Set<String> ownNumber, Set<String> citations) {
    }

    /**
     * Both sets of a document's place terms, its places found once for both (reading the places named by its
     * issuers was about 2% of an import when each set found them again).
     */
    public static Filed of(DocumentMetadata m, Locality textPlace) {
        Set<String> own = new LinkedHashSet<>();
        Set<String> citations = new LinkedHashSet<>();
        Places places = null;
        Optional<DocNumber> number = m.number() == null ? Optional.empty() : DocNumber.parse(m.number());
        if (number.isPresent()) {
            places = candidates(m, textPlace);
            add(own, number.get().key(), places);
        }
        for (Reference r : m.references()) {
            Optional<DocNumber> cited = r.number() == null ? Optional.empty() : DocNumber.parse(r.number());
            if (cited.isPresent()) {
                places = places == null ? candidates(m, textPlace) : places;
                Set<String> placed = add(citations, cited.get().key(), places.with(Locality.ofName(r.issuer())));
                LocalDate date = r.date();
                placed.forEach(t -> citations.add(inYear(t, date == null ? null : date.getYear())));
                if (cited.get().dashed()) {
                    placed.forEach(t -> citations.add(dashed(t)));
                }
            }
        }
        return new Filed(own, citations);
    }

    /** Adds a number key's place terms; answers those of known places (the ones the graph may ask for). */
    private static Set<String> add(Set<String> out, String key, Places places) {
        Set<String> placed = new LinkedHashSet<>();
        if (places.provinces().isEmpty()) {
            out.add(unplaced(key, true));
        }
        places.provinces().forEach(p -> placed.add(of(key, true, p)));
        if (places.districts().isEmpty()) {
            out.add(unplaced(key, false));
        }
        places.districts().forEach(d -> placed.add(of(key, false, d)));
        out.addAll(placed);
        return placed;
    }

    /** Every province and district a document's locality may be made of ({@code textPlace}: what its text names). */
    private static Places candidates(DocumentMetadata m, Locality textPlace) {
        Places p = new Places(new LinkedHashSet<>(), new LinkedHashSet<>());
        p = p.with(Locality.ofName(m.issuer())).with(Locality.ofName(m.parentIssuer())).with(textPlace);
        if (m.place() != null) {
            p.districts().add(Locality.fold(m.place()));
        }
        return p;
    }

    private record Places(Set<String> provinces, Set<String> districts) {
        Places with(Locality l) {
            Set<String> ps = new LinkedHashSet<>(provinces);
            Set<String> ds = new LinkedHashSet<>(districts);
            if (l.province() != null) {
                ps.add(l.province());
            }
            if (l.district() != null) {
                ds.add(l.district());
            }
            return new Places(ps, ds);
        }
    }
}
