package io.kumo.ec2.runtime.userdata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Why user data that cloud-init would not run was not run, with a guess at the fix: the mistakes that cost people
 * hours (a bash script without its {@code #!} line, a byte order mark, base64 applied twice, a MIME archive
 * without MIME-Version) are named outright.
 */
final class NotRunHints {
    private static final Pattern YAML_KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_-]*:(\\s.*)?$");
    private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/=\\s]{8,}");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private NotRunHints() {
    }

    static List<String> forUnrecognized(String text) {
        List<String> notes = new ArrayList<>();
        if (text.isBlank()) {
            notes.add(UserDataPlan.NOTE + "user data was not run: it holds nothing but blank space.");
            return notes;
        }
        notes.add(UserDataPlan.NOTE + "user data was not run: it does not start with '#!' (for a shell script) or "
                + "'#cloud-config'. The first line was: '" + Text.echo(Text.firstLine(text)) + "'");
        String first = Text.firstLine(text).strip();
        Optional<String> decoded = decodedTwice(text);
        if (text.charAt(0) == BYTE_ORDER_MARK) {
            notes.add(UserDataPlan.NOTE + "it starts with an invisible byte order mark (bytes EF BB BF) that an editor added: "
                    + "save the file without a BOM.");
        } else if (first.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
            notes.add(UserDataPlan.NOTE + "it looks like a MIME multi-part archive, but cloud-init reads one only when a "
                    + "'MIME-Version: 1.0' header is among its first lines: add that header.");
        } else if (decoded.isPresent()) {
            notes.add(UserDataPlan.NOTE + "it looks base64-encoded twice: decoded once more it starts with '"
                    + decoded.get() + "'. Pass the script itself to the AWS CLI or SDK, which encode it for you.");
        } else if (YAML_KEY.matcher(first).matches()) {
            notes.add(UserDataPlan.NOTE + "if it is cloud-config, make '#cloud-config' its first line.");
        } else {
            notes.add(UserDataPlan.NOTE + "if it is a shell script, make '#!/bin/bash' (or another interpreter) its first line.");
        }
        return notes;
    }

    /** Notes for a shell script whose '#!' is not its first two bytes. */
    static List<String> forMisplacedShebang(String subject) {
        return List.of(UserDataPlan.NOTE + subject + " was not run: '#!' is not at its very start (blank space comes first). "
                        + "cloud-init takes it for a shell script, but Linux runs a script only when '#!' are its first two "
                        + "bytes, so on EC2 it fails with 'Exec format error'.");
    }

    private static Optional<String> decodedTwice(String text) {
        String compact = text.strip();
        if (!BASE64_TEXT.matcher(compact).matches()) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (Gunzip.isGzip(decoded)) {
            return Optional.of("gzip data");
        }
        String inner = new String(decoded, StandardCharsets.UTF_8);
        return UserDataFormat.fromStart(inner).isPresent() || inner.toLowerCase(Locale.ROOT).contains("mime-version:")
                ? Optional.of(Text.echo(Text.firstLine(inner)))
                : Optional.empty();
    }
}
