package vn.archive.generate;

import vn.archive.generate.GeneratorData.IssuerSpec;
import vn.archive.generate.GeneratorData.Province;
import vn.archive.generate.GeneratorData.Unit;
import vn.archive.meta.Dictionaries;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Generates a corpus of directives in two steps: a plan (who issues what, when, citing what, with which number) drawn
 * from one random stream, then each document's text from its own stream seeded by its index, so documents can be
 * rendered in parallel and the same seed always gives byte-identical output.
 */
public final class CorpusGenerator {
    /** First and last possible date of issue. */
    static final LocalDate START = LocalDate.of(2000, 1, 1);
    static final LocalDate END = LocalDate.of(2025, 12, 31);
    /** Share of documents issued at each level: a national archive is mostly local paperwork. */
    private static final double TW_SHARE = 0.04;
    private static final double TINH_SHARE = 0.28;
    /** Chance that a document implements one from the level above, by level and sector. */
    private static final double TINH_IMPLEMENTS = 0.45;
    private static final double HUYEN_IMPLEMENTS = 0.55;
    /** Chance that a district document also cites the central one its provincial parent implements. */
    private static final double CITES_GRANDPARENT = 0.5;
    /** Skew of how often a document is implemented: a few resolutions are implemented everywhere. */
    private static final double POPULARITY_SKEW = 0.9;
    private static final int FILES_PER_FOLDER = 1000;
    private static final int CHUNK = 2000;
    private static final Set<String> LONG_KINDS = Set.of("L", "NĐ", "TT");
    private static final Set<String> NOT_IMPLEMENTABLE = Set.of("BC", "TB", "GM", "BB", "TTr");
    private static final String[] STATE_DEPARTMENTS = {"VX", "KT", "NC", "TH", "NN", "XD", "TNMT", "KGVX"};

    private final GeneratorData data;
    private final TextModel model;
    private final Dictionaries dictionaries;

    public CorpusGenerator(GeneratorData data, TextModel model, Dictionaries dictionaries) {
        this.data = Objects.requireNonNull(data, "data");
        this.model = Objects.requireNonNull(model, "model");
        this.dictionaries = Objects.requireNonNull(dictionaries, "dictionaries");
    }

    /** What a run produced. */
    public record Summary(int documents, long characters, int citing, Path manifest) {
    }

    /**
     * Writes {@code docs} documents under {@code out/docs/} and their ground truth to {@code out/manifest.tsv}.
     */
    public Summary generate(int docs, long seed, Path out) throws IOException {
        Plan plan = plan(docs, seed);
        Path manifest = out.resolve("manifest.tsv");
        Files.createDirectories(out);
        long chars = 0;
        int citing = 0;
        try (BufferedWriter w = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
            w.write(GeneratedDocument.MANIFEST_HEADER);
            w.write('\n');
            for (int from = 0; from < docs; from += CHUNK) {
                GeneratedDocument[] chunk = IntStream.range(from, Math.min(docs, from + CHUNK)).parallel()
                        .mapToObj(id -> {
                            GeneratedDocument d = document(plan, id);
                            write(out, d);
                            return d;
                        }).toArray(GeneratedDocument[]::new);
                for (GeneratedDocument d : chunk) {
                    w.write(d.manifestRow());
                    w.write('\n');
                    chars += d.text().length();
                    citing += d.cites().isEmpty() ? 0 : 1;
                }
            }
        }
        return new Summary(docs, chars, citing, manifest);
    }

    private static void write(Path out, GeneratedDocument d) {
        try {
            Path file = out.resolve(d.file());
            Files.createDirectories(file.getParent());
            Files.writeString(file, d.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of a plan, in id order, without writing anything (for tests and in-memory benchmarks). */
    public List<GeneratedDocument> documents(int docs, long seed) {
        Plan plan = plan(docs, seed);
        return IntStream.range(0, docs).mapToObj(id -> document(plan, id)).toList();
    }

    // ---------------------------------------------------------------- the plan

    /** Who issues what and when, in plan order (central first, then provinces, then districts). */
    static final class Plan {
        final long seed;
        final int n;
        final int[] spec;
        final int[] province;
        final int[] unit;
        final String[] kind;
        final int[] day;
        final int[] parent;
        final int[] grandparent;
        final int[] topic;
        final String[] number;
        /** Plan index of each document id, and back: ids are shuffled so files are not in date or level order. */
        final int[] planOfId;
        final int[] idOfPlan;

        Plan(long seed, int n) {
            this.seed = seed;
            this.n = n;
            spec = new int[n];
            province = new int[n];
            unit = new int[n];
            kind = new String[n];
            day = new int[n];
            parent = new int[n];
            grandparent = new int[n];
            topic = new int[n];
            number = new String[n];
            planOfId = new int[n];
            idOfPlan = new int[n];
            Arrays.fill(parent, -1);
            Arrays.fill(grandparent, -1);
            Arrays.fill(unit, -1);
            Arrays.fill(province, -1);
        }
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
        int start = (int) START.toEpochDay();
        int end = (int) END.toEpochDay();

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
        return subst(s.code(), p, i);
    }

    // ---------------------------------------------------------------- names

    private String subst(String template, Plan p, int i) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        String out = template;
        if (p.province[i] >= 0) {
            Province pv = data.provinces().get(p.province[i]);
            boolean city = pv.type().equals("thành phố");
            String committee = city ? "Thành ủy" : "Tỉnh ủy";
            out = out.replace("{PUC}", upper(committee)).replace("{PU}", committee)
                    .replace("{PTC}", upper(pv.type())).replace("{PT}", pv.type())
                    .replace("{PC}", upper(pv.name())).replace("{P}", pv.name());
        }
        if (p.unit[i] >= 0) {
            Unit u = data.provinces().get(p.province[i]).units().get(p.unit[i]);
            String du = u.committee() + " " + u.printed();
            out = out.replace("{DUC}", upper(du)).replace("{DU}", du).replace("{DK}", u.committeeCode())
                    .replace("{DTC}", upper(u.type())).replace("{DT}", u.type())
                    .replace("{DC}", upper(u.name())).replace("{D}", u.name());
        }
        return out;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private String issuer(Plan p, int i) {
        return subst(data.issuers().get(p.spec[i]).name(), p, i);
    }

    private String place(Plan p, int i) {
        if (p.unit[i] >= 0) {
            Unit u = data.provinces().get(p.province[i]).units().get(p.unit[i]);
            // numbered urban districts sign with the city's name ("Thành phố Hồ Chí Minh, ngày …")
            if (!Character.isDigit(u.name().charAt(0))) {
                return u.printed();
            }
        }
        if (p.province[i] >= 0) {
            return data.provinces().get(p.province[i]).capital();
        }
        return "Hà Nội";
    }

    private String parentIssuer(Plan p, int i) {
        if (p.unit[i] < 0) {
            return null;
        }
        Province pv = data.provinces().get(p.province[i]);
        return data.issuers().get(p.spec[i]).sector().equals("party")
                ? "Đảng bộ " + pv.type() + " " + pv.name()
                : "Ủy ban nhân dân " + pv.type() + " " + pv.name();
    }

    private String kindName(String code) {
        return dictionaries.kindByCode(code).map(Dictionaries.Kind::name)
                .orElseThrow(() -> new IllegalStateException("kind code " + code + " is not in kinds.tsv"));
    }

    private String level(Plan p, int i) {
        return data.issuers().get(p.spec[i]).level();
    }

    // ---------------------------------------------------------------- text

    /** The document with this id, rendered from its own random stream. */
    GeneratedDocument document(Plan p, int id) {
        int i = p.planOfId[id];
        SplittableRandom rnd = new SplittableRandom(mix(p.seed, i));
        IssuerSpec s = data.issuers().get(p.spec[i]);
        boolean party = s.sector().equals("party");
        String kindCode = p.kind[i];
        String kind = kindName(kindCode);
        LocalDate date = LocalDate.ofEpochDay(p.day[i]);
        String topic = data.topics().get(p.topic[i]).text();
        String place = place(p, i);
        String issuer = issuer(p, i);
        boolean letter = kindCode.equals("CV");

        List<String> cites = new ArrayList<>();
        List<String> citations = new ArrayList<>();
        for (int ref : new int[] {p.grandparent[i], p.parent[i]}) {
            if (ref >= 0) {
                cites.add(p.number[ref]);
                citations.add(kindName(p.kind[ref]) + " số " + p.number[ref] + " ngày "
                        + shortDate(LocalDate.ofEpochDay(p.day[ref])) + " của " + issuer(p, ref) + " về "
                        + data.topics().get(p.topic[ref]).text());
            }
        }
        if (cites.size() == 2) {
            // the implemented (provincial) document first, as the manifest promises
            java.util.Collections.reverse(cites);
        }
        String title;
        if (letter) {
            title = "V/v " + topic;
        } else if (p.parent[i] >= 0) {
            title = "Thực hiện " + kindName(p.kind[p.parent[i]]) + " số " + p.number[p.parent[i]] + " về " + topic;
        } else {
            title = "Về " + topic;
        }

        StringBuilder t = new StringBuilder(8192);
        for (String h : s.header()) {
            t.append(subst(h, p, i)).append('\n');
        }
        t.append(party ? "*\n\n" : "-------\n");
        t.append(party ? "Số " : "Số: ").append(p.number[i]).append('\n');
        if (letter) {
            t.append(title).append('\n');
        }
        t.append('\n');
        if (party) {
            t.append("ĐẢNG CỘNG SẢN VIỆT NAM\n");
            t.append(place).append(", ngày ").append(date.getDayOfMonth()).append(" tháng ").append(date.getMonthValue())
                    .append(" năm ").append(date.getYear()).append("\n\n");
        } else {
            t.append("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n");
            t.append(place).append(String.format(Locale.ROOT, ", ngày %02d tháng %02d năm %d", date.getDayOfMonth(),
                    date.getMonthValue(), date.getYear())).append("\n\n");
        }
        if (letter) {
            t.append("Kính gửi:\n\n");
            for (String r : recipients(p, i)) {
                t.append("- ").append(r).append(",\n");
            }
            t.append('\n');
        } else {
            t.append(upper(kind)).append('\n').append(title).append("\n\n");
        }
        if (!citations.isEmpty()) {
            t.append(party ? "Thực hiện " : "Căn cứ ").append(String.join("; ", citations)).append(".\n\n");
        } else if (!party && p.unit[i] >= 0 || !party && p.province[i] >= 0) {
            t.append("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n");
        }

        int target = LONG_KINDS.contains(kindCode) ? model.longLength(rnd)
                : model.shortLength(rnd, letter || kindCode.equals("TB") || kindCode.equals("GM") ? 0.5 : 1.0);
        body(t, kindCode, target, rnd);

        t.append("\nNơi nhận:\n");
        for (String r : distribution(p, i)) {
            t.append("- ").append(r).append(",\n");
        }
        t.append("- Lưu VT.\n\n");
        String signer = name(rnd);
        if (!s.authority().isEmpty()) {
            t.append(s.authority()).append('\n');
        }
        t.append(s.position()).append("\n\n").append(signer).append('\n');

        String file = String.format(Locale.ROOT, "docs/%04d/%07d.txt", id / FILES_PER_FOLDER, id);
        int implementsId = p.parent[i] < 0 ? -1 : p.idOfPlan[p.parent[i]];
        return new GeneratedDocument(id, file, kind, p.number[i], date, issuer, parentIssuer(p, i), level(p, i),
                s.sector(), place, title, signer, s.position(), s.authority(), List.copyOf(cites), implementsId,
                t.toString());
    }

    private void body(StringBuilder t, String kindCode, int target, SplittableRandom rnd) {
        int startLen = t.length();
        int goal = startLen + target;
        switch (kindCode) {
            case "KH", "CTr", "HD" -> {
                String[] parts = {"I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG TRỌNG TÂM", "III. TỔ CHỨC THỰC HIỆN"};
                for (int k = 0; k < parts.length; k++) {
                    t.append(parts[k]).append("\n\n");
                    long end = startLen + (long) target * (k + 1) / parts.length;
                    int point = 1;
                    while (t.length() < end) {
                        t.append(point++).append(". ");
                        model.paragraph(rnd, 25 + rnd.nextInt(70), t);
                        t.append('\n');
                    }
                }
            }
            case "QĐ", "NĐ", "TT", "L" -> {
                if (kindCode.equals("QĐ")) {
                    t.append("QUYẾT ĐỊNH:\n\n");
                }
                int article = 1;
                int chapter = 1;
                while (t.length() < goal) {
                    if (!kindCode.equals("QĐ") && article % 12 == 1) {
                        t.append("Chương ").append(roman(chapter++)).append("\n\n");
                    }
                    t.append("Điều ").append(article++).append(". ");
                    model.paragraph(rnd, 20 + rnd.nextInt(80), t);
                    t.append('\n');
                }
            }
            default -> {
                model.paragraph(rnd, 40 + rnd.nextInt(60), t);
                t.append('\n');
                int point = 1;
                while (t.length() < goal) {
                    t.append(point++).append(". ");
                    model.paragraph(rnd, 25 + rnd.nextInt(80), t);
                    t.append('\n');
                }
            }
        }
    }

    private static String roman(int n) {
        String[] r = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"};
        return n < r.length ? r[n] : Integer.toString(n);
    }

    private List<String> recipients(Plan p, int i) {
        String level = level(p, i);
        return switch (level) {
            case "huyện" -> List.of("UBND " + data.provinces().get(p.province[i]).units().get(p.unit[i]).type(),
                    "Ủy ban MTTQ Việt Nam, các đoàn thể CT-XH", "Các cấp ủy cơ sở");
            case "tỉnh" -> List.of("Các huyện ủy, thị ủy, thành ủy", "Các sở, ban, ngành, đoàn thể tỉnh",
                    "Các đảng ủy trực thuộc");
            default -> List.of("Các tỉnh ủy, thành ủy trực thuộc Trung ương", "Các ban đảng Trung ương",
                    "Các bộ, ngành Trung ương");
        };
    }

    private List<String> distribution(Plan p, int i) {
        return switch (level(p, i)) {
            case "huyện" -> List.of("Như kính gửi", "Thường trực " + (data.provinces().get(p.province[i]).type()
                    .equals("thành phố") ? "Thành ủy" : "Tỉnh ủy"));
            case "tỉnh" -> List.of("Như kính gửi", "Văn phòng Trung ương Đảng");
            default -> List.of("Như kính gửi");
        };
    }

    private String name(SplittableRandom rnd) {
        List<String> f = data.families();
        List<String> m = data.middles();
        List<String> g = data.givens();
        return f.get(rnd.nextInt(f.size())) + " " + m.get(rnd.nextInt(m.size())) + " " + g.get(rnd.nextInt(g.size()));
    }

    private static String shortDate(LocalDate d) {
        return String.format(Locale.ROOT, "%02d/%d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    /** A well-mixed seed for document {@code i}'s own stream (SplitMix64's finalizer). */
    private static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i + 1;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---------------------------------------------------------------- sampling

    /** Picks an index with probability proportional to its integer weight. */
    static final class Weighted {
        private final int[] cumulative;

        Weighted(int[] weights) {
            cumulative = new int[weights.length];
            int sum = 0;
            for (int k = 0; k < weights.length; k++) {
                sum += weights[k];
                cumulative[k] = sum;
            }
            if (sum <= 0) {
                throw new IllegalStateException("no positive weight in " + Arrays.toString(weights));
            }
        }

        int pick(SplittableRandom rnd) {
            int x = rnd.nextInt(cumulative[cumulative.length - 1]);
            // the first index whose cumulative weight exceeds x (zero weights repeat a value: never pick them)
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > x) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
    }

    /** Picks from a list with a Zipf-like popularity assigned at random: a few items are picked very often. */
    static final class Picker {
        private final int[] items;
        private final double[] cumulative;

        Picker(List<Integer> list, SplittableRandom rnd) {
            items = list.stream().mapToInt(Integer::intValue).toArray();
            int[] rank = IntStream.range(1, items.length + 1).toArray();
            for (int k = rank.length - 1; k > 0; k--) {
                int j = rnd.nextInt(k + 1);
                int t = rank[k];
                rank[k] = rank[j];
                rank[j] = t;
            }
            cumulative = new double[items.length];
            double sum = 0;
            for (int k = 0; k < items.length; k++) {
                sum += 1 / Math.pow(rank[k], POPULARITY_SKEW);
                cumulative[k] = sum;
            }
        }

        int pick(SplittableRandom rnd) {
            double x = rnd.nextDouble() * cumulative[cumulative.length - 1];
            int k = Arrays.binarySearch(cumulative, x);
            if (k < 0) {
                k = Math.min(-k - 1, items.length - 1);
            }
            return items[k];
        }
    }
}
