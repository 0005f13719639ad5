package io.kumo.ec2.keypair.crypto;

import java.util.Base64;

/** A public key in SSH terms: its algorithm and its wire-format blob. */
public sealed interface SshPublicKey permits RsaSshPublicKey, Ed25519SshPublicKey {
    KeyType type();

    /** The RFC 4253 blob: what authorized_keys carries in base64. */
    byte[] blob();

    /** "ssh-rsa AAAA... comment", the line of an authorized_keys file; no comment when blank. */
    default String toOpenSsh(String comment) {
        String line = type().sshName() + " " + Base64.getEncoder().encodeToString(blob());
        return comment == null || comment.isBlank() ? line : line + " " + comment;
    }

    /** Reads a blob of a supported type, or throws {@link IllegalArgumentException}. */
    static SshPublicKey fromBlob(byte[] blob) {
        SshWireReader reader = new SshWireReader(blob);
        String algorithm = reader.text();
        KeyType type = KeyType.fromSshName(algorithm)
                .orElseThrow(() -> new IllegalArgumentException("unsupported key algorithm " + algorithm));
        SshPublicKey key = switch (type) {
            case RSA -> {
                var exponent = reader.mpint();
                yield new RsaSshPublicKey(reader.mpint(), exponent);
            }
            case ED25519 -> new Ed25519SshPublicKey(reader.string());
        };
        reader.requireEnd();
        return key;
    }
}
