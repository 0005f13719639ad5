package io.kumo.ec2.keypair.crypto;

import java.util.Objects;

/** An accepted ImportKeyPair public key, with the comment it carried (empty when none). */
public record ImportedPublicKey(SshPublicKey publicKey, String comment, String keyFingerprint) {
    public ImportedPublicKey {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(keyFingerprint, "keyFingerprint");
        comment = comment == null ? "" : comment;
    }

    public KeyType keyType() {
        return publicKey.type();
    }

    /** The key as an authorized_keys line, whatever format it was imported in. */
    public String publicKeyOpenSsh() {
        return publicKey.toOpenSsh(comment);
    }
}
