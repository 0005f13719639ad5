package io.kumo.ec2.runtime.userdata;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting for POSIX sh. */
final class Sh {
    private Sh() {
    }

    /**
     * One shell word with exactly this text: single quotes keep everything literal, and a single quote itself is
     * closed, escaped and reopened. A NUL cannot be part of any shell word, so it is dropped (Python, and so
     * cloud-init, would refuse such a command outright).
     */
    static String quote(String text) {
        return "'" + text.replace("\0", "").replace("'", "'\\''") + "'";
    }

    static String quoteAll(List<String> words) {
        return words.stream().map(Sh::quote).collect(Collectors.joining(" "));
    }
}
