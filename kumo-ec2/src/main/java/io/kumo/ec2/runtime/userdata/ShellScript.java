package io.kumo.ec2.runtime.userdata;

/** A POSIX sh script being written, bounded by {@link Limits#MAX_SCRIPT_CHARS}. */
final class ShellScript {
    private final StringBuilder text = new StringBuilder();
    private int lastTerminator;

    ShellScript line(String line) {
        text.append(line).append('\n');
        checkSize();
        return this;
    }

    /** One line on the console, prefixed "Kumo cloud-config: " by the script's kumo_say. */
    ShellScript say(String message) {
        return line("kumo_say " + Sh.quote(message));
    }

    /** A failure line on the console; the script exits non-zero at its end. */
    ShellScript fail(String module, String message) {
        return line("kumo_fail " + Sh.quote(module) + " " + Sh.quote(message));
    }

    /**
     * {@code head <<'TERMINATOR' tail}, then the body verbatim, then the terminator. The quoted terminator turns
     * off every expansion in the body; it is numbered past any line the body has, so no content can end it early.
     *
     * @param body text ending with a line break (or empty)
     */
    ShellScript hereDoc(String head, String body, String tail) {
        if (!body.isEmpty() && !body.endsWith("\n")) {
            throw new IllegalArgumentException("a here-doc body must end with a line break");
        }
        String terminator;
        do {
            terminator = "KUMO_EOF_" + ++lastTerminator;
        } while (containsLine(body, terminator));
        text.append(head).append(" <<'").append(terminator).append("'").append(tail).append('\n')
                .append(body).append(terminator).append('\n');
        checkSize();
        return this;
    }

    String text() {
        return text.toString();
    }

    private static boolean containsLine(String body, String line) {
        return body.startsWith(line + "\n") || body.contains("\n" + line + "\n");
    }

    private void checkSize() {
        if (text.length() > Limits.MAX_SCRIPT_CHARS) {
            throw new Limits.TooLarge("the script made from its cloud-config would be larger than "
                    + (Limits.MAX_SCRIPT_CHARS >> 20) + " MiB");
        }
    }
}
