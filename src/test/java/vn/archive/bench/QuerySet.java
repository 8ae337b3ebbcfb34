package vn.archive.bench;

import com.ibm.icu.text.Normalizer2;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** The query classes of the benchmark, drawn from a generated corpus's manifest with a fixed seed. */
final class QuerySet {
    static final String TERM = "một từ (single term)";
    static final String WORDS = "2–4 từ không dấu (words, no diacritics)";
    static final String PHRASE = "cụm từ trong ngoặc kép (quoted phrase)";
    static final String NUMBER = "số hiệu (number lookup)";
    static final String BROWSE = "duyệt + mọi facet (browse, all facets)";
    static final String CITES = "cites: (who cites a number)";
    static final String TREE = "cây thực hiện (implementation tree)";

    /**
     * A search: free text and facet filters; or, when {@code path} is set, a request for that API path (the
     * implementation tree of the number in {@code text}).
     */
    record Query(String text, Map<String, List<String>> filters, String path) {
        Query(String text, Map<String, List<String>> filters) {
            this(text, filters, null);
        }

        /** The implementation tree of a number: {@code GET /api/references/{number}/implementations}. */
        static Query tree(String number) {
            // each segment encoded, the slashes kept: the route takes the number's slashes as path segments
            return new Query(number, Map.of(), "/api/references/" + String.join("/", List.of(number.split("/"))
                    .stream().map(part -> enc(part).replace("+", "%20")).toList()) + "/implementations");
        }

        String url() {
            if (path != null) {
                return path;
            }
            StringBuilder sb = new StringBuilder("/api/search?size=20&q=").append(enc(text));
            filters.forEach((k, vs) -> vs.forEach(v -> sb.append('&').append(k).append('=').append(enc(v))));
            return sb.toString();
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    private QuerySet() {
    }

    /** Each class with {@code perClass} queries, in a fixed order. */
    static Map<String, List<Query>> build(GeneratedCorpus corpus, int perClass, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<GeneratedCorpus.Row> rows = corpus.rows;
        Map<String, List<Query>> out = new LinkedHashMap<>();
        List<Query> term = new ArrayList<>();
        List<Query> words = new ArrayList<>();
        List<Query> phrase = new ArrayList<>();
        List<Query> number = new ArrayList<>();
        List<Query> browse = new ArrayList<>();
        List<Query> cites = new ArrayList<>();
        Map<Integer, Integer> implemented = new HashMap<>();
        rows.forEach(r -> {
            if (r.implementsId() >= 0) {
                implemented.merge(r.implementsId(), 1, Integer::sum);
            }
        });
        List<Integer> parents = new ArrayList<>(implemented.keySet());
        parents.sort(null);
        while (term.size() < perClass) {
            String[] w = titleWords(rows.get(rnd.nextInt(rows.size())));
            String t = w[rnd.nextInt(w.length)];
            if (t.length() >= 3) {
                term.add(new Query(t.toLowerCase(Locale.ROOT), Map.of()));
            }
        }
        while (words.size() < perClass) {
            String[] w = titleWords(rows.get(rnd.nextInt(rows.size())));
            int n = 2 + rnd.nextInt(3);
            if (w.length >= n) {
                int at = rnd.nextInt(w.length - n + 1);
                words.add(new Query(fold(String.join(" ", List.of(w).subList(at, at + n))), Map.of()));
            }
        }
        while (phrase.size() < perClass) {
            String[] w = titleWords(rows.get(rnd.nextInt(rows.size())));
            if (w.length >= 3) {
                int at = rnd.nextInt(w.length - 2);
                phrase.add(new Query("\"" + String.join(" ", List.of(w).subList(at, at + 3)).toLowerCase(Locale.ROOT)
                        + "\"", Map.of()));
            }
        }
        while (number.size() < perClass) {
            number.add(new Query(rows.get(rnd.nextInt(rows.size())).number(), Map.of()));
        }
        while (browse.size() < perClass) {
            GeneratedCorpus.Row r = rows.get(rnd.nextInt(rows.size()));
            browse.add(new Query("", Map.of("kind", List.of(r.kind()), "level", List.of(r.level()))));
        }
        while (cites.size() < perClass && !parents.isEmpty()) {
            GeneratedCorpus.Row parent = rows.get(parents.get(rnd.nextInt(parents.size())));
            cites.add(new Query("", Map.of("cites", List.of(parent.number()))));
        }
        List<Query> tree = new ArrayList<>();
        while (tree.size() < perClass && !parents.isEmpty()) {
            tree.add(Query.tree(rows.get(parents.get(rnd.nextInt(parents.size()))).number()));
        }
        out.put(TERM, term);
        out.put(WORDS, words);
        out.put(PHRASE, phrase);
        out.put(NUMBER, number);
        out.put(BROWSE, browse);
        out.put(CITES, cites);
        out.put(TREE, tree);
        return out;
    }

    private static String[] titleWords(GeneratedCorpus.Row r) {
        String t = r.title().replaceFirst("^V/v ", "").replaceAll("[“”\",;:.()]", " ").strip();
        return List.of(t.split("\\s+")).stream().filter(w -> w.chars().allMatch(Character::isLetter))
                .toArray(String[]::new);
    }

    /** Lower case without diacritics, as a user types on a keyboard without Vietnamese input. */
    static String fold(String s) {
        String d = NFD.normalize(s.toLowerCase(Locale.ROOT)).replaceAll("\\p{M}", "");
        return d.replace('đ', 'd');
    }
}
