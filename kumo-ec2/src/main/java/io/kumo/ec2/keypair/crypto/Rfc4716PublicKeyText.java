package io.kumo.ec2.keypair.crypto;

import java.util.List;
import java.util.Optional;

/** The SSH2 public key file of RFC 4716, as PuTTYgen and "ssh-keygen -e" write it. */
final class Rfc4716PublicKeyText {
    private static final String BEGIN = "---- BEGIN SSH2 PUBLIC KEY ----";
    private static final String END = "---- END SSH2 PUBLIC KEY ----";

    private Rfc4716PublicKeyText() {
    }

    static Optional<ParsedPublicKey> parse(String text) {
        List<String> lines = text.strip().lines().map(String::strip).toList();
        if (lines.size() < 3 || !lines.getFirst().equals(BEGIN) || !lines.getLast().equals(END)) {
            return Optional.empty();
        }
        List<String> inner = lines.subList(1, lines.size() - 1);
        String comment = "";
        int index = 0;
        // Headers come first; base64 never contains ':', so a colon marks a header line.
        while (index < inner.size() && inner.get(index).contains(":")) {
            StringBuilder header = new StringBuilder(inner.get(index));
            while (header.toString().endsWith("\\") && index + 1 < inner.size()) {
                header.setLength(header.length() - 1);
                header.append(inner.get(++index));
            }
            index++;
            String[] tagAndValue = header.toString().split(":", 2);
            if (tagAndValue[0].strip().equalsIgnoreCase("Comment")) {
                comment = unquote(tagAndValue[1].strip());
            }
        }
        String body = String.join("", inner.subList(index, inner.size()));
        String keyComment = comment;
        return Pem.decodeBase64(body).map(SshPublicKey::fromBlob).map(key -> new ParsedPublicKey(key, keyComment));
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
