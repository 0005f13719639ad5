package io.kumo.ec2.runtime.userdata;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads cloud-config YAML into plain maps, lists and scalars. YAML 1.1 like PyYAML (so {@code 0644} is octal and
 * {@code on} is true), with SafeConstructor so that no tag can build an arbitrary Java type.
 */
final class CloudConfigYaml {
    private CloudConfigYaml() {
    }

    /** Either the top-level mapping or, for the console, why there is none. */
    sealed interface Result {
    }

    record Parsed(Map<String, Object> config) implements Result {
    }

    /** @param problem one line; {@code detail} the offending source line and a caret under the column, if known */
    record Invalid(String problem, List<String> detail) implements Result {
    }

    static Result parse(String yaml) {
        Object document;
        try {
            document = newYaml().load(yaml);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            return new Invalid("its cloud-config is not valid YAML: " + e.getProblem() + context + where, snippet(yaml, mark));
        } catch (YAMLException e) {
            return new Invalid("its cloud-config could not be read as YAML: " + e.getMessage().lines().findFirst().orElse(""), List.of());
        }
        return switch (document) {
            // A bare "#cloud-config" is an empty configuration, as it is for cloud-init.
            case null -> new Parsed(new LinkedHashMap<>());
            case Map<?, ?> map -> new Parsed(stringKeys(map));
            default -> new Invalid("its cloud-config must be a mapping of keys (like 'runcmd:') at the top level, but it is "
                    + PyValues.typeName(document), List.of());
        };
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // the last one wins, as in PyYAML
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(Limits.MAX_DECOMPRESSED_BYTES + 1024);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                new DatesStayText());
    }

    /** Keys as Python's str() shows them, so 'on:' (a YAML 1.1 boolean) is reported as 'True', as cloud-init would. */
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> config = new LinkedHashMap<>();
        map.forEach((key, value) -> config.put(PyValues.str(key), value));
        return config;
    }

    private static List<String> snippet(String yaml, Mark mark) {
        if (mark == null) {
            return List.of();
        }
        List<String> lines = yaml.lines().toList();
        if (mark.getLine() >= lines.size()) {
            return List.of();
        }
        String line = Text.echo(lines.get(mark.getLine()));
        return List.of("  " + line, "  " + " ".repeat(Math.min(mark.getColumn(), line.length())) + "^");
    }

    /**
     * Leaves timestamps as text: a date in a command or a file's content is meant as those characters, and a
     * java.util.Date would print differently from Python's datetime.
     */
    private static final class DatesStayText extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first);
            }
        }

        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }
}
