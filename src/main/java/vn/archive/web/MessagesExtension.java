package vn.archive.web;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Adds {@code t("key", arg…)} to templates: the message in the page's language (escaped like any output). */
final class MessagesExtension extends AbstractExtension {
    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("t", new Translate());
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
}
