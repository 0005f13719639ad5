package io.kumo.fabric.firewall;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds an nft script with consistent indentation, so the output is stable byte for byte. */
final class NftText {

    private static final String INDENT = "    ";

    private final StringBuilder out = new StringBuilder();
    private int depth;

    /** A rule from its matches (empty ones are left out) and its verdict. */
    static String rule(String verdict, String... matches) {
        return Stream.concat(Stream.of(matches).filter(match -> !match.isEmpty()), Stream.of(verdict))
                .collect(Collectors.joining(" "));
    }

    /** An anonymous set: {@code { a, b }}. */
    static String anonymousSet(List<String> elements) {
        return "{ " + String.join(", ", elements) + " }";
    }

    NftText line(String text) {
        out.append(INDENT.repeat(depth)).append(text).append('\n');
        return this;
    }

    NftText lines(List<String> texts) {
        texts.forEach(this::line);
        return this;
    }

    NftText comment(String text) {
        return line("# " + text);
    }

    NftText blankLine() {
        out.append('\n');
        return this;
    }

    NftText open(String header) {
        line(header + " {");
        depth++;
        return this;
    }

    NftText close() {
        depth--;
        return line("}");
    }

    /** A named IPv4 set; interval sets hold CIDRs. An empty set is declared without elements. */
    NftText set(String name, boolean interval, List<String> elements) {
        open("set " + name).line("type ipv4_addr");
        if (interval) {
            line("flags interval").line("auto-merge");
        }
        if (!elements.isEmpty()) {
            line("elements = " + anonymousSet(elements));
        }
        return close();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
