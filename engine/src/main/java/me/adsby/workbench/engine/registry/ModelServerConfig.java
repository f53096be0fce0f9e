package me.adsby.workbench.engine.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registry's {@code models.config}: TensorFlow Serving's {@code ModelServerConfig} in protobuf text format,
 * only the subset this registry writes. Immutable; models in name order.
 *
 * <pre>
 * model_config_list {
 *   config {
 *     name: "ctr"
 *     base_path: "/home/ann/.workbench/registry/ctr"
 *     model_platform: "tensorflow"
 *     model_version_policy {
 *       specific {
 *         versions: 3
 *         versions: 4
 *       }
 *     }
 *     version_labels {
 *       key: "production"
 *       value: 3
 *     }
 *   }
 * }
 * </pre>
 *
 * {@link #parse} takes exactly this subset (fields of a {@code config} in any order, one per line or not,
 * {@code #} comments) and refuses anything else with the line it found it on. A model with no served version
 * is left out: TF Serving would refuse an empty {@code specific} policy.
 */
public record ModelServerConfig(List<ModelConfig> models) {

    public static final ModelServerConfig EMPTY = new ModelServerConfig(List.of());

    public ModelServerConfig {
        Map<String, ModelConfig> byName = new TreeMap<>();
        for (ModelConfig model : models) {
            if (byName.put(model.name(), model) != null) {
                throw new IllegalArgumentException("Model " + model.name() + " appears twice");
            }
        }
        models = List.copyOf(byName.values());
    }

    public Optional<ModelConfig> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** This config with {@code model} put in place of the entry of its name; an entry without versions is left out. */
    public ModelServerConfig with(ModelConfig model) {
        Map<String, ModelConfig> byName = new LinkedHashMap<>();
        for (ModelConfig m : models) {
            byName.put(m.name(), m);
        }
        if (model.versions().isEmpty()) {
            byName.remove(model.name());
        } else {
            byName.put(model.name(), model);
        }
        return new ModelServerConfig(new ArrayList<>(byName.values()));
    }

    /** The text TF Serving reads. */
    public String toText() {
        StringBuilder out = new StringBuilder("model_config_list {\n");
        for (ModelConfig model : models) {
            out.append("  config {\n");
            out.append("    name: ").append(quote(model.name())).append('\n');
            out.append("    base_path: ").append(quote(model.basePath())).append('\n');
            out.append("    model_platform: ").append(quote(ModelConfig.PLATFORM)).append('\n');
            out.append("    model_version_policy {\n      specific {\n");
            for (long version : model.versions()) {
                out.append("        versions: ").append(version).append('\n');
            }
            out.append("      }\n    }\n");
            for (Map.Entry<String, Long> label : model.labels().entrySet()) {
                out.append("    version_labels {\n      key: ").append(quote(label.getKey())).append("\n      value: ")
                        .append(label.getValue()).append("\n    }\n");
            }
            out.append("  }\n");
        }
        return out.append("}\n").toString();
    }

    /**
     * Parses the text; {@code source} names it in messages ({@code models.config:12: ...}).
     *
     * @throws IllegalArgumentException naming the line of the first thing outside the subset
     */
    public static ModelServerConfig parse(String text, String source) {
        return new Parser(new Tokens(text, source)).config();
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A recursive-descent parser over the tokens, one method per message. */
    private static final class Parser {
        private final Tokens tokens;

        Parser(Tokens tokens) {
            this.tokens = tokens;
        }

        ModelServerConfig config() {
            List<ModelConfig> models = new ArrayList<>();
            if (tokens.atEnd()) {
                return EMPTY;
            }
            tokens.expectWord("model_config_list");
            tokens.expect("{");
            while (!tokens.peekIs("}")) {
                tokens.expectWord("config");
                tokens.expect("{");
                models.add(model());
            }
            tokens.expect("}");
            if (!tokens.atEnd()) {
                throw tokens.error("expected the end of the file after model_config_list's '}'");
            }
            try {
                return new ModelServerConfig(models);
            } catch (IllegalArgumentException e) {
                throw tokens.error(e.getMessage());
            }
        }

        private ModelConfig model() {
            int line = tokens.line();
            String name = null;
            String basePath = null;
            String platform = null;
            SortedSet<Long> versions = null;
            SortedMap<String, Long> labels = new TreeMap<>();
            while (!tokens.peekIs("}")) {
                String field = tokens.word();
                switch (field) {
                    case "name" -> name = once(name, field, tokens.stringField());
                    case "base_path" -> basePath = once(basePath, field, tokens.stringField());
                    case "model_platform" -> platform = once(platform, field, tokens.stringField());
                    case "model_version_policy" -> versions = once(versions, field, policy());
                    case "version_labels" -> label(labels);
                    default -> throw tokens.errorBefore("unknown field '" + field + "' in config (this registry reads name,"
                            + " base_path, model_platform, model_version_policy and version_labels)");
                }
            }
            tokens.expect("}");
            if (name == null || basePath == null || versions == null) {
                throw tokens.errorAt(line, "a config needs name, base_path and model_version_policy");
            }
            if (platform != null && !platform.equals(ModelConfig.PLATFORM)) {
                throw tokens.errorAt(line, "model_platform \"" + platform + "\" is not \"tensorflow\"");
            }
            if (!ModelNames.isValid(name)) {
                throw tokens.errorAt(line, "'" + name + "' is not a model name");
            }
            try {
                return new ModelConfig(name, basePath, versions, labels);
            } catch (IllegalArgumentException e) {
                throw tokens.errorAt(line, e.getMessage());
            }
        }

        private <T> T once(T existing, String field, T value) {
            if (existing != null) {
                throw tokens.errorBefore(field + " appears twice in one config");
            }
            return value;
        }

        private SortedSet<Long> policy() {
            tokens.expect("{");
            tokens.expectWord("specific");
            tokens.expect("{");
            SortedSet<Long> versions = new TreeSet<>();
            while (!tokens.peekIs("}")) {
                tokens.expectWord("versions");
                tokens.expect(":");
                if (!versions.add(tokens.number())) {
                    throw tokens.errorBefore("a version is listed twice");
                }
            }
            tokens.expect("}");
            tokens.expect("}");
            return versions;
        }

        private void label(SortedMap<String, Long> labels) {
            tokens.expect("{");
            tokens.expectWord("key");
            String key = tokens.stringField();
            tokens.expectWord("value");
            tokens.expect(":");
            long value = tokens.number();
            tokens.expect("}");
            if (labels.put(key, value) != null) {
                throw tokens.errorBefore("label '" + key + "' appears twice");
            }
        }
    }

    /** The tokens of the text: words, numbers, quoted strings, '{', '}', ':'; each with its line. */
    private static final class Tokens {
        private final String source;
        private final List<String> values = new ArrayList<>();
        private final List<Integer> lines = new ArrayList<>();
        private final List<Boolean> quoted = new ArrayList<>();
        private int next;

        Tokens(String text, String source) {
            this.source = source;
            int line = 1;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '#') {
                    while (i < text.length() && text.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '{' || c == '}' || c == ':') {
                    add(String.valueOf(c), line, false);
                    i++;
                } else if (c == '"') {
                    StringBuilder value = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= text.length() || text.charAt(i) == '\n') {
                            throw new IllegalArgumentException(source + ":" + line + ": a string is not closed");
                        }
                        char s = text.charAt(i);
                        if (s == '"') {
                            i++;
                            break;
                        }
                        if (s == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                            value.append(text.charAt(i + 1));
                            i += 2;
                        } else if (s == '\\') {
                            throw new IllegalArgumentException(source + ":" + line + ": only \\\" and \\\\ escapes are read");
                        } else {
                            value.append(s);
                            i++;
                        }
                    }
                    add(value.toString(), line, true);
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
                    int start = i;
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                            || text.charAt(i) == '-')) {
                        i++;
                    }
                    add(text.substring(start, i), line, false);
                } else {
                    throw new IllegalArgumentException(source + ":" + line + ": unexpected character '" + c + "'");
                }
            }
            lines.add(line);
        }

        private void add(String value, int line, boolean isQuoted) {
            values.add(value);
            lines.add(line);
            quoted.add(isQuoted);
        }

        boolean atEnd() {
            return next >= values.size();
        }

        int line() {
            return lines.get(next);
        }

        boolean peekIs(String symbol) {
            if (atEnd()) {
                throw error("the file ends early: expected '" + symbol + "' or more fields");
            }
            return !quoted.get(next) && values.get(next).equals(symbol);
        }

        void expect(String symbol) {
            if (atEnd() || quoted.get(next) || !values.get(next).equals(symbol)) {
                throw error("expected '" + symbol + "'" + found());
            }
            next++;
        }

        void expectWord(String word) {
            if (atEnd() || quoted.get(next) || !values.get(next).equals(word)) {
                throw error("expected " + word + found());
            }
            next++;
        }

        String word() {
            if (atEnd() || quoted.get(next) || !Character.isLetter(values.get(next).charAt(0))) {
                throw error("expected a field name" + found());
            }
            return values.get(next++);
        }

        /** {@code : "value"} after a field name. */
        String stringField() {
            expect(":");
            return string();
        }

        String string() {
            if (atEnd() || !quoted.get(next)) {
                throw error("expected a quoted string" + found());
            }
            return values.get(next++);
        }

        long number() {
            if (atEnd() || quoted.get(next) || !values.get(next).chars().allMatch(Character::isDigit)
                    || values.get(next).length() > 18) {
                throw error("expected a version number" + found());
            }
            return Long.parseLong(values.get(next++));
        }

        private String found() {
            return atEnd() ? ", found the end of the file" : ", found " + (quoted.get(next) ? "\"" + values.get(next) + "\""
                    : "'" + values.get(next) + "'");
        }

        IllegalArgumentException error(String message) {
            return errorAt(lines.get(Math.min(next, lines.size() - 1)), message);
        }

        IllegalArgumentException errorBefore(String message) {
            return errorAt(lines.get(Math.max(0, next - 1)), message);
        }

        IllegalArgumentException errorAt(int line, String message) {
            return new IllegalArgumentException(source + ":" + line + ": " + message);
        }
    }
}
