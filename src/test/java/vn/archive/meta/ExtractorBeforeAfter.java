package vn.archive.meta;

import vn.archive.TestCorpus;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Extraction speed before and after a change, in one JVM: the {@code vn.archive.meta} classes compiled from an
 * earlier commit (a folder given as the first argument) in a class loader of their own, and this build's, over the
 * seeds, the state corpus and the real set, in alternating rounds (the order swapped each round), timed by the
 * thread's CPU time so that the load of a shared machine counts little. Also counts the texts whose metadata differ. Run with a main; nothing here
 * is asserted.
 *
 * <pre>
 * git archive COMMIT src/main/java | tar -x -C /tmp/old
 * javac -d /tmp/old-classes -cp "$DEPENDENCIES" $(find /tmp/old -name '*.java')
 * java -cp target/test-classes:target/classes:$DEPENDENCIES vn.archive.meta.ExtractorBeforeAfter /tmp/old-classes
 * </pre>
 */
public final class ExtractorBeforeAfter {
    private static final int WARMUP = 3;
    private static final int ROUNDS = 3;
    private static final int PASSES = 10;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private ExtractorBeforeAfter() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ExtractorBeforeAfter OLD_CLASSES_DIR (the earlier commit's compiled classes)");
            return;
        }
        List<String> texts = new ArrayList<>();
        for (Path dir : List.of(TestCorpus.SEEDS, TestCorpus.ROOT.resolve("state"), Path.of("src/test/resources/real"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".txt")).sorted().map(TestCorpus::read).forEach(texts::add);
            }
        }
        Function<String, Object> before = extractor(new MetaFirstLoader(Path.of(args[0]),
                ExtractorBeforeAfter.class.getClassLoader()));
        Function<String, Object> after = extractor(ExtractorBeforeAfter.class.getClassLoader());
        int differ = 0;
        for (String t : texts) {
            if (!before.apply(t).equals(after.apply(t))) {
                differ++;
            }
        }
        System.out.printf(Locale.ROOT, "%d texts; metadata differ on %d%n", texts.size(), differ);
        for (int i = 0; i < WARMUP; i++) {
            texts.forEach(before::apply);
            texts.forEach(after::apply);
        }
        double sumBefore = 0;
        double sumAfter = 0;
        for (int round = 0; round < ROUNDS; round++) {
            double a;
            double b;
            if (round % 2 == 0) {
                a = rate(texts, after);
                b = rate(texts, before);
            } else {
                b = rate(texts, before);
                a = rate(texts, after);
            }
            sumBefore += b;
            sumAfter += a;
            System.out.printf(Locale.ROOT, "round %d: before %.0f, after %.0f documents per CPU second%n", round + 1, b, a);
        }
        System.out.printf(Locale.ROOT, "sums: before %.0f, after %.0f documents per CPU second%n", sumBefore, sumAfter);
        if (args.length > 1 && args[1].equals("--per-text")) {
            perText(texts, before, after);
        }
    }

    /** The texts whose extraction took longest more after than before (microseconds, best of 20 each). */
    private static void perText(List<String> texts, Function<String, Object> before, Function<String, Object> after) {
        record Cost(int index, long before, long after) {
        }
        List<Cost> costs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            costs.add(new Cost(i, best(texts.get(i), before), best(texts.get(i), after)));
        }
        costs.sort((a, b) -> Long.compare(b.after() - b.before(), a.after() - a.before()));
        long sumBefore = costs.stream().mapToLong(Cost::before).sum();
        long sumAfter = costs.stream().mapToLong(Cost::after).sum();
        System.out.printf(Locale.ROOT, "best-of-20 sums (CPU time): before %d µs, after %d µs%n", sumBefore, sumAfter);
        for (Cost c : costs.subList(0, Math.min(10, costs.size()))) {
            String head = texts.get(c.index()).strip();
            System.out.printf(Locale.ROOT, "%6d → %6d µs  %s%n", c.before(), c.after(),
                    head.substring(0, Math.min(60, head.length())).replace('\n', ' '));
        }
    }

    private static long best(String text, Function<String, Object> work) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            work.apply(text);
            best = Math.min(best, CPU.getCurrentThreadCpuTime() - start);
        }
        return best / 1000;
    }

    /** Documents per second of this thread's CPU time, so that time the shared machine gave to others is not counted. */
    private static double rate(List<String> texts, Function<String, Object> work) {
        long start = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < PASSES; i++) {
            texts.forEach(work::apply);
        }
        return texts.size() * PASSES / ((CPU.getCurrentThreadCpuTime() - start) / 1e9);
    }

    /** {@code new MetadataExtractor(Dictionaries.builtIn())::extract} as the loader defines those classes. */
    private static Function<String, Object> extractor(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> dictionaries = loader.loadClass("vn.archive.meta.Dictionaries");
        Object d = dictionaries.getMethod("builtIn").invoke(null);
        Class<?> type = loader.loadClass("vn.archive.meta.MetadataExtractor");
        Object extractor = type.getConstructor(dictionaries).newInstance(d);
        Method extract = type.getMethod("extract", String.class);
        return text -> {
            try {
                return extract.invoke(extractor, text);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Defines the {@code vn.archive.meta} classes from a folder itself, and leaves every other class to its parent. */
    private static final class MetaFirstLoader extends ClassLoader {
        private final Path classes;

        MetaFirstLoader(Path classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("vn.archive.meta.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    Path file = classes.resolve(name.replace('.', '/') + ".class");
                    try {
                        byte[] bytes = Files.readAllBytes(file);
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name + " is not in " + classes, e);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
