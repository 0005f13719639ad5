package io.kumo.ec2.support;

import software.amazon.awssdk.services.ec2.model.Filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Describe* filters of one resource type: each filter name maps a resource to the values it
 * matches against. Values may use {@code *} and {@code ?} wildcards. Several values of one filter
 * are ORed, several filters ANDed, as EC2 documents. {@code tag:Key}, {@code tag-key} and
 * {@code tag-value} come for free from the resource's tags.
 */
public final class Filters<R> {
    private final Map<String, Function<R, Collection<String>>> byName = new LinkedHashMap<>();
    private final Function<R, Map<String, String>> tagsOf;

    private Filters(Function<R, Map<String, String>> tagsOf) {
        this.tagsOf = tagsOf;
    }

    /** @param tagsOf the tags of a resource, for tag filters (null if the type has no tags) */
    public static <R> Filters<R> forType(Function<R, Map<String, String>> tagsOf) {
        return new Filters<>(tagsOf);
    }

    /** A filter whose resource has one value (null means no value: never matches). */
    public Filters<R> one(String name, Function<R, ?> value) {
        byName.put(name, r -> {
            Object v = value.apply(r);
            return v == null ? List.of() : List.of(String.valueOf(v));
        });
        return this;
    }

    /** A filter whose resource may have several values. */
    public Filters<R> many(String name, Function<R, Collection<?>> values) {
        byName.put(name, r -> {
            Collection<?> vs = values.apply(r);
            List<String> out = new ArrayList<>(vs == null ? 0 : vs.size());
            if (vs != null) {
                vs.forEach(v -> {
                    if (v != null) {
                        out.add(String.valueOf(v));
                    }
                });
            }
            return out;
        });
        return this;
    }

    /** Validates filter names and returns a predicate for them. */
    public java.util.function.Predicate<R> compile(List<Filter> filters) {
        if (filters == null || filters.isEmpty()) {
            return r -> true;
        }
        List<java.util.function.Predicate<R>> all = new ArrayList<>();
        for (Filter filter : filters) {
            all.add(compileOne(filter));
        }
        return r -> {
            for (var p : all) {
                if (!p.test(r)) {
                    return false;
                }
            }
            return true;
        };
    }

    public List<R> apply(List<R> resources, List<Filter> filters) {
        var predicate = compile(filters);
        return resources.stream().filter(predicate).toList();
    }

    private java.util.function.Predicate<R> compileOne(Filter filter) {
        String name = filter.name();
        if (name == null || name.isEmpty()) {
            throw Ec2Errors.invalidParameterValue("The filter 'null' is invalid");
        }
        Function<R, Collection<String>> extractor = extractor(name);
        List<Pattern> patterns = filter.values().stream().map(Filters::wildcard).toList();
        return r -> {
            for (String value : extractor.apply(r)) {
                for (Pattern p : patterns) {
                    if (p.matcher(value).matches()) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    private Function<R, Collection<String>> extractor(String name) {
        if (tagsOf != null) {
            if (name.startsWith("tag:")) {
                String key = name.substring(4);
                return r -> {
                    String v = tagsOf.apply(r).get(key);
                    return v == null ? List.of() : List.of(v);
                };
            }
            if (name.equals("tag-key")) {
                return r -> tagsOf.apply(r).keySet();
            }
            if (name.equals("tag-value")) {
                return r -> tagsOf.apply(r).values();
            }
        }
        Function<R, Collection<String>> extractor = byName.get(name);
        if (extractor == null) {
            throw Ec2Errors.invalidParameterValue("The filter '" + name + "' is invalid");
        }
        return extractor;
    }

    static Pattern wildcard(String value) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && "*?\\".indexOf(value.charAt(i + 1)) >= 0) {
                literal.append(value.charAt(++i));
            } else if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
