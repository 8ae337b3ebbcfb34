package vn.archive.web;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Adds {@code t("key", arg…)} to templates: the message in the page's language (escaped like any output); and the
 * filters that put words built below the pages into that language: {@code level} (a level of the hierarchy),
 * {@code warning} (a data-quality warning) and {@code bilingual} (a "Vietnamese (English)" message); and the
 * filters of display: {@code heading(kind)} (a title as {@link Titles} shows it), {@code number} (a cited number's
 * key in its issuer's form, {@link NumberDisplay}).
 */
final class MessagesExtension extends AbstractExtension {
    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("t", new Translate());
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("level", new Translated((value, ctx) -> Levels.label(value, ctx.getLocale())),
                "warning", new Translated((value, ctx) -> Warnings.inLanguage(value, ctx.getLocale())),
                "bilingual", new Translated((value, ctx) -> Messages.inLanguage(value, ctx.getLocale().getLanguage())),
                "number", new Translated((value, ctx) -> NumberDisplay.of(value)),
                "heading", new Heading());
    }

    private static final class Translate implements Function {
        @Override
        public List<String> getArgumentNames() {
            // positional arguments arrive as "0", "1", …
            return null;
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object key = args.get("0");
            if (key == null) {
                throw new IllegalArgumentException("t() needs a message key (line " + line + ")");
            }
            List<Object> rest = new ArrayList<>();
            for (int i = 1; args.containsKey(Integer.toString(i)); i++) {
                rest.add(args.get(Integer.toString(i)));
            }
            return Messages.get(context.getLocale(), key.toString(), rest.toArray());
        }
    }

    /** A filter of one string in the page's language; null stays null. */
    private record Translated(BiFunction<String, EvaluationContext, String> how) implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return null;
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                            int line) {
            return input == null ? null : how.apply(input.toString(), context);
        }
    }

    /** {@code title | heading(kind)}: the title shown with its kind, in sentence case. */
    private static final class Heading implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of("kind");
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                            int line) {
            Object kind = args.get("kind");
            return input == null ? null : Titles.heading(input.toString(), kind == null ? null : kind.toString());
        }
    }
}
