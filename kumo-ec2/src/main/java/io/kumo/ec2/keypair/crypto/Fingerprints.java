package io.kumo.ec2.keypair.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * KeyFingerprint as EC2 computes it. The three rules differ on purpose, because AWS's do:
 * a created RSA key is hashed over its private key, an imported one over its public key in DER
 * (not over the SSH blob, so {@code ssh-keygen -l -E md5} does not match it), and ED25519 keys
 * use OpenSSH's SHA-256 form but keep base64's trailing '=' and drop the "SHA256:" prefix.
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    /** CreateKeyPair, RSA: SHA-1 of the DER PKCS#8 private key, colon-separated hex. */
    public static String ofCreatedRsa(RSAPrivateCrtKey privateKey) {
        return colonHex(digest("SHA-1", RsaPrivateKeyEncoding.pkcs8(privateKey)));
    }

    /** ImportKeyPair, RSA: MD5 of the DER SubjectPublicKeyInfo, colon-separated hex. */
    public static String ofImportedRsa(RsaSshPublicKey publicKey) {
        return colonHex(digest("MD5", publicKey.subjectPublicKeyInfo()));
    }

    /** Both paths, ED25519: base64 of SHA-256 over the SSH public key blob, padding kept. */
    public static String ofEd25519(Ed25519SshPublicKey publicKey) {
        return Base64.getEncoder().encodeToString(digest("SHA-256", publicKey.blob()));
    }

    /** What ImportKeyPair reports for any supported public key. */
    public static String ofImported(SshPublicKey publicKey) {
        return switch (publicKey) {
            case RsaSshPublicKey rsa -> ofImportedRsa(rsa);
            case Ed25519SshPublicKey ed25519 -> ofEd25519(ed25519);
        };
    }

    static String colonHex(byte[] bytes) {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }

    static byte[] digest(String algorithm, byte[] input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }
}
