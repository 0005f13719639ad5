package io.kumo.ec2.keypair.crypto;

import java.util.Objects;

/**
 * What CreateKeyPair returns and what EC2 keeps: the private key material goes to the caller once,
 * the public key (an authorized_keys line) is stored for DescribeKeyPairs and instance metadata.
 */
public record GeneratedKeyPair(KeyType keyType, KeyFormat keyFormat, String keyMaterial, String keyFingerprint,
                               SshPublicKey publicKey, String publicKeyOpenSsh) {
    public GeneratedKeyPair {
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(keyFormat, "keyFormat");
        Objects.requireNonNull(keyMaterial, "keyMaterial");
        Objects.requireNonNull(keyFingerprint, "keyFingerprint");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(publicKeyOpenSsh, "publicKeyOpenSsh");
    }

    // Never print key material into logs by accident.
    @Override
    public String toString() {
        return "GeneratedKeyPair[" + keyType.apiName() + ", " + keyFormat.apiName() + ", " + keyFingerprint + "]";
    }
}
