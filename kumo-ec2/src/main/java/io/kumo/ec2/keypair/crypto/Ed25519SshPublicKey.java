package io.kumo.ec2.keypair.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/** An Ed25519 public key: the 32-byte encoded point; the blob is "ssh-ed25519", point. */
public record Ed25519SshPublicKey(byte[] point) implements SshPublicKey {
    public static final int POINT_LENGTH = 32;

    public Ed25519SshPublicKey {
        if (point == null || point.length != POINT_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key is exactly 32 bytes");
        }
        point = point.clone();
    }

    @Override
    public byte[] point() {
        return point.clone();
    }

    @Override
    public KeyType type() {
        return KeyType.ED25519;
    }

    @Override
    public byte[] blob() {
        return new SshWireWriter().string(KeyType.ED25519.sshName()).string(point).toByteArray();
    }

    // A record compares arrays by identity; a key is its bytes.
    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519SshPublicKey key && Arrays.equals(point, key.point);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(point);
    }

    @Override
    public String toString() {
        return "Ed25519SshPublicKey[" + HexFormat.of().formatHex(point) + "]";
    }
}
