package vn.archive.meta;

import vn.archive.model.DocNumber;
import vn.archive.model.Reference;
import vn.archive.model.Relation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Finds every mention of another document in a text: numbered citations ("Kế hoạch số 75-KH/BDVTU ngày 03/3/2020
 * của Ban Dân vận Tỉnh ủy Lâm Đồng"), named laws without a number ("Luật Hải quan ngày 23 tháng 6 năm 2014"),
 * the Constitution, and Party documents named by their congress ("Nghị quyết Đại hội XII Đảng bộ huyện").
 *
 * <p>The relation comes from the cue words before the citation in the same clause ({@link ReferenceCues}): the
 * last cue between the previous citation (or the clause start) and this one. A citation that only follows another
 * after a separator ("; ", ", ", " và ") continues that list and shares its relation; a citation that sits inside
 * the description of the previous one ("… của Chính phủ quy định chi tiết thi hành Luật Đất đai") is a mention.
 *
 * <p>Bracketed notes that the publisher of a consolidated text inserts ("[Khoản này được hướng dẫn bởi … Nghị định
 * 65/2013/NĐ-CP …]") are not the document's own words: they point from later texts back to this one, and they are
 * left out ({@link EditorialNotes}). A pure function: the same text always gives the same list.
 *
 * <p>The citations are found by {@link NumberedCitations} and {@link NamedCitations}; here each gets its relation.
 */
public final class ReferenceExtractor {
    /** A window that ends with the "và" before a list's last member (the kind's name may follow it). */
    private static final Pattern LAST_MEMBER = Pattern.compile("(?iu)\\svà\\s+(?:\\p{L}+\\s+){0,3}(?:số\\s*)?$");

    private final ReferenceCues cues;
    private final NumberedCitations numbered;

    public ReferenceExtractor(Dictionaries dictionaries, ReferenceCues cues) {
        this.numbered = new NumberedCitations(Objects.requireNonNull(dictionaries, "dictionaries"));
        this.cues = Objects.requireNonNull(cues, "cues");
    }

    /** Extractor with the cue words loaded with the dictionaries (the {@code --config} folder's, else the jar's). */
    public ReferenceExtractor(Dictionaries dictionaries) {
        this(dictionaries, dictionaries.relationCues());
    }

    /**
     * The references in a text, in text order.
     *
     * @param text      the document's full, normalized text
     * @param ownNumber the document's own number, which is not a reference to another document (may be null)
     */
    public List<Reference> extract(String text, String ownNumber) {
        return extract(text, ownNumber, null);
    }

    /**
     * The references in a text, one per cited document in the order first cited (a document cited again keeps its
     * strongest relation), with a Hướng dẫn's title read as the document it guides.
     *
     * @param ownKind the document's own kind ("Hướng dẫn"), or null
     */
    public List<Reference> extract(String text, String ownNumber, String ownKind) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String original = text;
        // odd spaces (no-break, figure, narrow) become plain ones, one char for one, so offsets still fit the original
        text = text.replace('\u00a0', ' ').replace('\u2007', ' ').replace('\u202f', ' ');
        String ownKey = ownNumber == null ? null : DocNumber.parse(ownNumber).map(DocNumber::key).orElse(null);
        EditorialNotes editorial = EditorialNotes.of(text);
        List<Citation> found = new ArrayList<>();
        numbered.find(text, ownKey, editorial, found);
        NamedCitations.find(text, editorial, found);
        found.sort(Comparator.comparingInt(Citation::start));
        return RelationRules.merged(withRelations(text, original, found, RelationRules.guidanceTitle(text, ownKind),
                ownKind));
    }

    private List<Reference> withRelations(String text, String original, List<Citation> found, int[] guidanceTitle,
                                          String ownKind) {
        List<Reference> out = new ArrayList<>(found.size());
        Relation previous = null;
        int previousEnd = -1;
        Citation container = null;
        boolean listed = false; // the previous citation took its relation as a member of a ';' list
        for (int k = 0; k < found.size(); k++) {
            boolean listedBefore = listed;
            listed = false;
            Citation f = found.get(k);
            int clauseStart = clauseStart(text, f.start());
            boolean sameClause = previousEnd >= clauseStart && previousEnd <= f.start();
            int from = sameClause ? previousEnd : clauseStart;
            String window = text.substring(from, f.start());
            Relation relation;
            if (container != null && f.start() > container.start() && f.end() <= container.end() + 1) {
                // a number inside another citation's name ("Luật sửa đổi … của Luật Đất đai số 31/2024/QH15 …")
                relation = Relation.MENTIONS;
            } else if (sameClause && Citation.LIST_SEPARATOR.matcher(lastListItem(window)).matches()) {
                String item = lastListItem(window);
                Relation cue = RelationRules.read(cues.last(item), item);
                relation = cue != null ? cue : previous;
                listed = true;
            } else if (sameClause && listedBefore && window.indexOf(';') < 0 && LAST_MEMBER.matcher(window).find()
                    && Objects.equals(f.kind(), found.get(k - 1).kind())) {
                // "…; Nghị định số B …; Nghị định số C … và Nghị định số D …": the list's last member, after 'và'
                relation = previous;
                listed = true;
            } else if (sameClause && window.indexOf(';') < 0 && LAST_MEMBER.matcher(window).find()
                    && previous != null && previous != Relation.MENTIONS && f.date() != null && f.issuer() != null) {
                // "Thực hiện Chỉ thị số A ngày … của … về … và Kế hoạch số B ngày … của …, Ủy ban … ban hành": a second
                // document cited in full (its own date and issuer) after the first one's subject, carried out alike
                relation = previous;
            } else if (sameClause && window.indexOf(';') < 0 && ARTICLE_OF_NEXT.matcher(window).find()) {
                // "Căn cứ Điều 5 của Nghị định số A … về công tác văn thư, Điều 3 của Nghị định số B": a next member
                relation = previous;
            } else if (sameClause && window.indexOf(';') < 0) {
                // inside the description of the previous citation: that text's cue words are not this document's
                relation = Relation.MENTIONS;
            } else {
                Relation cue = RelationRules.read(cues.last(window), window);
                relation = cue != null ? cue : sameClause && continuesBasis(previous, lastListItem(window))
                        ? Relation.BASED_ON : Relation.MENTIONS;
            }
            if (relation == Relation.MENTIONS && window.isBlank() || relation == Relation.MENTIONS && !sameClause
                    && window.strip().matches("(?:\\d+[.)]|[-–+])?")) {
                if (RelationRules.ceases(text, f.end(), k + 1 < found.size() ? found.get(k + 1).start() : -1)) {
                    relation = Relation.REPEALS; // "Thông tư số … hết hiệu lực kể từ ngày Thông tư này có hiệu lực"
                }
            }
            if (guidanceTitle != null && f.start() >= guidanceTitle[0] && f.start() < guidanceTitle[1]
                    && (relation == Relation.IMPLEMENTS || relation == Relation.MENTIONS)) {
                relation = Relation.GUIDES; // "HƯỚNG DẪN thực hiện … Quy định số 181-QĐ/TW": the regulation it guides
            }
            relation = RelationRules.inReport(relation, ownKind);
            out.add(new Reference(f.kind(), f.number(), f.date(), f.issuer(), relation,
                    original.substring(f.start(), f.end()).strip(), f.start(), f.end()));
            previous = relation;
            previousEnd = f.end();
            if (f.number() == null && (container == null || f.end() > container.end())) {
                container = f;
            }
        }
        return out;
    }

    /** A window that ends with an article of the next document after a comma: ", Điều 3 của ", ", khoản 2 Điều 7 ". */
    private static final Pattern ARTICLE_OF_NEXT = Pattern.compile(
            ",\\s*(?:(?:khoản|điểm)\\s+\\S+\\s+)?Điều\\s+\\d+\\p{L}?(?:\\s*(?:,|và)\\s*(?:Điều\\s+)?\\d+\\p{L}?)*\\s+(?:của\\s+)?$");
    /** What a list item that opens a proposal says: it is no basis of the text but what was proposed to it. */
    private static final Pattern PROPOSED = Pattern.compile("(?iu)(?<![\\p{L}])(?:đề nghị|tờ trình|xét|báo cáo)(?![\\p{L}])");

    /**
     * Whether a ';' list item with no cue of its own goes on with the bases before it ("Căn cứ Kết luận số A …; ý
     * kiến chỉ đạo của Ban Bí thư tại Công văn số B …"), unless it opens a proposal ("; xét đề nghị … Tờ trình số …").
     */
    private static boolean continuesBasis(Relation previous, String item) {
        return previous == Relation.BASED_ON && !PROPOSED.matcher(item).find();
    }

    /** The part of a window after its last semicolon: "…năm 2020; " → " ". */
    private static String lastListItem(String window) {
        int semi = window.lastIndexOf(';');
        return semi < 0 ? window : window.substring(semi + 1);
    }

    /**
     * Where the clause holding this position starts: after the last line break or sentence end before it. A line
     * break that a mirror put inside a sentence ("Thực hiện Chỉ / thị số …", "…pháp luật; Nghị định / số 154/…") is
     * no clause start.
     */
    private static int clauseStart(String text, int pos) {
        int limit = Math.max(0, pos - 2000);
        for (int i = pos - 1; i >= limit; i--) {
            char c = text.charAt(i);
            if (c == '\n' && !softWrap(text, i)) {
                return i + 1;
            }
            if (c == '.' && i + 1 < pos && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 2;
            }
        }
        return limit;
    }

    /**
     * Whether the line break at {@code nl} wraps a sentence: the next line goes on in lower case ("thị số …", not a
     * list item's "a) "), or with a number right after a word ("Căn cứ Nghị định số / 34/2016/NĐ-CP").
     */
    private static boolean softWrap(String text, int nl) {
        int next = nl + 1;
        while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
            next++;
        }
        if (next >= text.length()) {
            return false;
        }
        char first = text.charAt(next);
        boolean marker = next + 1 < text.length() && (text.charAt(next + 1) == ')' || text.charAt(next + 1) == '.');
        if (Character.isLowerCase(first)) {
            return !marker;
        }
        int prev = nl - 1;
        while (prev >= 0 && (text.charAt(prev) == ' ' || text.charAt(prev) == '\t' || text.charAt(prev) == '\r')) {
            prev--;
        }
        return Character.isDigit(first) && !marker && prev >= 0 && Character.isLetter(text.charAt(prev));
    }
}
