package vn.archive.generate;

import vn.archive.generate.GeneratorData.IssuerSpec;
import vn.archive.generate.GeneratorData.Province;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The corpus plan, drawn from one random stream: who issues what and when (central first, then provinces, then
 * districts), which document implements which, and every number, counted per issuer, kind and year in date order.
 */
final class Planner {
    /** Share of documents issued at each level: a national archive is mostly local paperwork. */
    private static final double TW_SHARE = 0.04;
    private static final double TINH_SHARE = 0.28;
    /** Chance that a document implements one from the level above, by level and sector. */
    private static final double TINH_IMPLEMENTS = 0.45;
    private static final double HUYEN_IMPLEMENTS = 0.55;
    /** Chance that a district document also cites the central one its provincial parent implements. */
    private static final double CITES_GRANDPARENT = 0.5;
    static final Set<String> NOT_IMPLEMENTABLE = Set.of("BC", "TB", "GM", "BB", "TTr");
    private static final String[] STATE_DEPARTMENTS = {"VX", "KT", "NC", "TH", "NN", "XD", "TNMT", "KGVX"};

    private final GeneratorData data;
    private final IssuerNames names;

    Planner(GeneratorData data, IssuerNames names) {
        this.data = Objects.requireNonNull(data, "data");
        this.names = Objects.requireNonNull(names, "names");
    }

    Plan plan(int docs, long seed) {
        if (docs < 1) {
            throw new IllegalArgumentException("docs must be 1 or more, was " + docs);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Plan p = new Plan(seed, docs);
        int nTw = Math.max(1, (int) Math.round(docs * TW_SHARE));
        int nTinh = Math.min(docs - nTw, (int) Math.round(docs * TINH_SHARE));
        List<Province> provinces = data.provinces();
        Weighted tw = specs("trung ương");
        Weighted tinh = specs("tỉnh");
        Weighted huyen = specs("huyện");
        Weighted topics = new Weighted(data.topics().stream().mapToInt(GeneratorData.Topic::weight).toArray());
        int start = (int) CorpusGenerator.START.toEpochDay();
        int end = (int) CorpusGenerator.END.toEpochDay();

        // central documents, and per sector the ones others implement, with a skewed popularity
        Map<String, List<Integer>> twImplementable = new HashMap<>();
        for (int i = 0; i < nTw; i++) {
            p.spec[i] = tw.pick(rnd);
            IssuerSpec s = data.issuers().get(p.spec[i]);
            p.kind[i] = kindOf(s, rnd);
            p.day[i] = start + rnd.nextInt(end - 60 - start);
            p.topic[i] = topics.pick(rnd);
            if (!NOT_IMPLEMENTABLE.contains(p.kind[i]) && !p.kind[i].equals("CV")) {
                twImplementable.computeIfAbsent(s.sector(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Picker> twPick = new HashMap<>();
        twImplementable.forEach((sector, list) -> twPick.put(sector, new Picker(list, rnd)));

        // provincial documents
        List<List<Integer>> tinhImplementable = new ArrayList<>();
        provinces.forEach(x -> tinhImplementable.add(new ArrayList<>()));
        for (int i = nTw; i < nTw + nTinh; i++) {
            p.spec[i] = tinh.pick(rnd);
            IssuerSpec s = data.issuers().get(p.spec[i]);
            p.province[i] = rnd.nextInt(provinces.size());
            p.kind[i] = kindOf(s, rnd);
            // state bodies implement Party resolutions too, a third of the time
            String sector = s.sector().equals("state") && rnd.nextInt(3) == 0 ? "party" : s.sector();
            Picker from = twPick.get(sector);
            if (from != null && rnd.nextDouble() < TINH_IMPLEMENTS) {
                implement(p, i, from.pick(rnd), rnd, 7, 30, end);
            }
            if (p.parent[i] < 0) {
                p.day[i] = start + rnd.nextInt(end - start);
                p.topic[i] = topics.pick(rnd);
            }
            if (!NOT_IMPLEMENTABLE.contains(p.kind[i])) {
                tinhImplementable.get(p.province[i]).add(i);
            }
        }
        List<Picker> tinhPick = new ArrayList<>();
        for (List<Integer> list : tinhImplementable) {
            tinhPick.add(list.isEmpty() ? null : new Picker(list, rnd));
        }

        // district documents: provinces weighted by how many districts they have
        Weighted byDistricts = new Weighted(provinces.stream().mapToInt(x -> x.units().size()).toArray());
        for (int i = nTw + nTinh; i < docs; i++) {
            p.spec[i] = huyen.pick(rnd);
            IssuerSpec s = data.issuers().get(p.spec[i]);
            p.province[i] = byDistricts.pick(rnd);
            p.unit[i] = rnd.nextInt(provinces.get(p.province[i]).units().size());
            p.kind[i] = kindOf(s, rnd);
            Picker from = tinhPick.get(p.province[i]);
            if (from != null && rnd.nextDouble() < HUYEN_IMPLEMENTS) {
                implement(p, i, from.pick(rnd), rnd, 3, 15, end);
                if (p.parent[i] >= 0 && p.parent[p.parent[i]] >= 0 && rnd.nextDouble() < CITES_GRANDPARENT) {
                    p.grandparent[i] = p.parent[p.parent[i]];
                }
            }
            if (p.parent[i] < 0) {
                p.day[i] = start + rnd.nextInt(end - start);
                p.topic[i] = topics.pick(rnd);
            }
        }
        number(p);
        // shuffled ids: a real import does not arrive in date or level order
        for (int i = 0; i < docs; i++) {
            p.planOfId[i] = i;
        }
        for (int i = docs - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p.planOfId[i];
            p.planOfId[i] = p.planOfId[j];
            p.planOfId[j] = t;
        }
        for (int id = 0; id < docs; id++) {
            p.idOfPlan[p.planOfId[id]] = id;
        }
        return p;
    }

    /** Makes {@code i} implement {@code parent}, issued some days after it; leaves it standalone past the end. */
    private static void implement(Plan p, int i, int parent, SplittableRandom rnd, int minLag, int meanLag, int end) {
        int lag = minLag + (int) (-meanLag * Math.log(1 - rnd.nextDouble()));
        int day = p.day[parent] + lag;
        if (day <= end) {
            p.parent[i] = parent;
            p.day[i] = day;
            p.topic[i] = p.topic[parent];
        }
    }

    private Weighted specs(String level) {
        int[] w = data.issuers().stream().mapToInt(s -> s.level().equals(level) ? s.weight() : 0).toArray();
        return new Weighted(w);
    }

    private static String kindOf(IssuerSpec s, SplittableRandom rnd) {
        return s.kinds().get(new Weighted(s.kindWeights()).pick(rnd));
    }

    /** Numbers in date order, one counter per issuer, kind and year, as registries number them. */
    private void number(Plan p) {
        Integer[] order = new Integer[p.n];
        for (int i = 0; i < p.n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> p.day[a] != p.day[b] ? Integer.compare(p.day[a], p.day[b]) : Integer.compare(a, b));
        Map<String, Integer> counters = new HashMap<>();
        for (int i : order) {
            IssuerSpec s = data.issuers().get(p.spec[i]);
            LocalDate date = LocalDate.ofEpochDay(p.day[i]);
            String counterKey = p.spec[i] + "|" + p.province[i] + "|" + p.unit[i] + "|" + p.kind[i] + "|" + date.getYear();
            int serial = counters.merge(counterKey, 1, Integer::sum);
            p.number[i] = formatNumber(s, p.kind[i], serial, date, code(s, p, i), i);
        }
    }

    private static String formatNumber(IssuerSpec s, String kind, int serial, LocalDate date, String code, int i) {
        int year = date.getYear();
        return switch (s.style()) {
            case "party" -> serial + "-" + kind + "/" + code;
            case "law" -> serial + "/" + year + "/QH" + legislature(year);
            case "norm" -> kind.equals("CV") ? serial + "/" + code + "-" + STATE_DEPARTMENTS[i % STATE_DEPARTMENTS.length]
                    : serial + "/" + year + "/" + kind + "-" + code;
            default -> kind.equals("CV") ? serial + "/" + code + "-" + STATE_DEPARTMENTS[i % STATE_DEPARTMENTS.length]
                    : serial + "/" + kind + "-" + code;
        };
    }

    /** The National Assembly's term number in a year (the XI term began in 2002, each lasts five years). */
    private static int legislature(int year) {
        return year < 2002 ? 10 : 11 + (year - 2002) / 5;
    }

    private String code(IssuerSpec s, Plan p, int i) {
        return names.subst(s.code(), p, i);
    }
}
