package io.kumo.ec2.runtime.userdata;

import java.util.Base64;
import java.util.Optional;

/**
 * Shell that puts exact bytes into a file: text through a quoted here-doc (readable in the script), text without a
 * final line break through printf (a here-doc always adds one), anything else as base64 through {@code base64 -d}.
 * The file is created under umask 077 so that a secret is never readable by others before its chmod.
 */
final class FileContent {
    private FileContent() {
    }

    /**
     * @param fileVariable the shell variable naming the file, like {@code kumo_file}
     * @param tail         what follows the write on its line, like {@code " &&"}
     */
    static void write(ShellScript script, byte[] content, String fileVariable, boolean append, String tail) {
        String redirect = (append ? ">>" : ">") + "\"$" + fileVariable + "\"";
        Optional<String> text = Text.strictUtf8(content);
        if (content.length == 0) {
            script.line("(umask 077 && : " + redirect + ")" + tail);
        } else if (text.isPresent() && text.get().endsWith("\n")) {
            script.hereDoc("(umask 077 && cat " + redirect + ")", text.get(), tail);
        } else if (text.isPresent()) {
            script.line("(umask 077 && printf '%s' " + Sh.quote(text.get()) + " " + redirect + ")" + tail);
        } else {
            String base64 = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(content) + "\n";
            script.hereDoc("(umask 077 && base64 -d " + redirect + ")", base64, tail);
        }
    }
}
