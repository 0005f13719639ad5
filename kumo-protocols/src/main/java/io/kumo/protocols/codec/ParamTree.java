package io.kumo.protocols.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query-string parameters ({@code Filter.1.Value.2=x}) as a tree of dotted segments, so a
 * decoder can walk it alongside the input shape, and report what no member claimed.
 */
final class ParamTree {
    private final String path;
    private final Map<String, ParamTree> children = new LinkedHashMap<>();
    private String value;
    private boolean claimed;

    private ParamTree(String path) {
        this.path = path;
    }

    static ParamTree of(Map<String, List<String>> params) {
        ParamTree root = new ParamTree("");
        params.forEach((key, values) -> {
            ParamTree node = root;
            for (String segment : key.split("\\.", -1)) {
                String childPath = node.path.isEmpty() ? segment : node.path + "." + segment;
                node = node.children.computeIfAbsent(segment, s -> new ParamTree(childPath));
            }
            node.value = values.isEmpty() ? "" : values.getLast();
        });
        return root;
    }

    ParamTree child(String segment) {
        return children.get(segment);
    }

    Map<String, ParamTree> children() {
        return children;
    }

    /** Children whose segment is a positive index, in numeric order. */
    List<ParamTree> indexed() {
        List<Map.Entry<Integer, ParamTree>> found = new ArrayList<>();
        children.forEach((segment, node) -> {
            Integer index = parseIndex(segment);
            if (index != null) {
                found.add(Map.entry(index, node));
            }
        });
        found.sort(Map.Entry.comparingByKey());
        List<ParamTree> out = new ArrayList<>(found.size());
        found.forEach(e -> out.add(e.getValue()));
        return out;
    }

    private static Integer parseIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return null;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return null;
            }
        }
        return Integer.parseInt(segment);
    }

    String value() {
        return value;
    }

    String path() {
        return path;
    }

    void claim() {
        claimed = true;
    }

    /** Paths of parameters that carried a value but that no member claimed. */
    List<String> unclaimed() {
        List<String> out = new ArrayList<>();
        collectUnclaimed(out);
        return out;
    }

    private void collectUnclaimed(List<String> out) {
        if (value != null && !claimed) {
            out.add(path);
        }
        children.values().forEach(c -> c.collectUnclaimed(out));
    }
}
