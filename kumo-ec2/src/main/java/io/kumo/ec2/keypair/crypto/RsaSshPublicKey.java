package io.kumo.ec2.keypair.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Objects;

/** An RSA public key; the blob is "ssh-rsa", e, n. */
public record RsaSshPublicKey(BigInteger modulus, BigInteger publicExponent) implements SshPublicKey {
    public RsaSshPublicKey {
        Objects.requireNonNull(modulus, "modulus");
        Objects.requireNonNull(publicExponent, "publicExponent");
        if (modulus.signum() <= 0 || publicExponent.signum() <= 0) {
            throw new IllegalArgumentException("RSA modulus and exponent must be positive");
        }
    }

    public static RsaSshPublicKey of(RSAPublicKey key) {
        return new RsaSshPublicKey(key.getModulus(), key.getPublicExponent());
    }

    @Override
    public KeyType type() {
        return KeyType.RSA;
    }

    public int bitLength() {
        return modulus.bitLength();
    }

    @Override
    public byte[] blob() {
        return new SshWireWriter().string(KeyType.RSA.sshName()).mpint(publicExponent).mpint(modulus).toByteArray();
    }

    public RSAPublicKey toJavaKey() {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, publicExponent));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused an RSA public key", e);
        }
    }

    /** DER SubjectPublicKeyInfo, the bytes AWS hashes for an imported key's fingerprint. */
    public byte[] subjectPublicKeyInfo() {
        return toJavaKey().getEncoded();
    }
}
