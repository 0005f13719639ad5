package io.kumo.ec2.keypair.crypto;

import java.util.Optional;

/** One authorized_keys line without options: "ssh-ed25519 AAAA... comment". */
final class OpenSshPublicKeyText {
    private OpenSshPublicKeyText() {
    }

    static Optional<ParsedPublicKey> parse(String text) {
        String line = text.strip();
        if (line.isEmpty() || line.contains("\n") || line.contains("\r")) {
            return Optional.empty();
        }
        String[] parts = line.split("[ \\t]+", 3);
        if (parts.length < 2 || KeyType.fromSshName(parts[0]).isEmpty()) {
            return Optional.empty();
        }
        Optional<SshPublicKey> key = Pem.decodeBase64(parts[1]).map(SshPublicKey::fromBlob);
        // The name in front must agree with the name inside the blob, as OpenSSH itself insists.
        if (key.isEmpty() || !key.get().type().sshName().equals(parts[0])) {
            return Optional.empty();
        }
        return Optional.of(new ParsedPublicKey(key.get(), parts.length == 3 ? parts[2].strip() : ""));
    }
}
