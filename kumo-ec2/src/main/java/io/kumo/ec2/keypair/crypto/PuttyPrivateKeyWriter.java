package io.kumo.ec2.keypair.crypto;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * PuTTY's .ppk file, unencrypted (format described in appendix C of the PuTTY manual).
 * Version 2 is read by every PuTTY release; version 3 only by 0.75 and later.
 */
final class PuttyPrivateKeyWriter {
    enum Version {
        V2, V3
    }

    private static final int LINE = 64;
    private static final String NO_ENCRYPTION = "none";

    private PuttyPrivateKeyWriter() {
    }

    /** PuTTY's RSA private part: d, p, q and q^-1 mod p, which is PKCS#1's coefficient. */
    static String rsa(RSAPrivateCrtKey key, String comment, Version version) {
        byte[] privateBlob = new SshWireWriter()
                .mpint(key.getPrivateExponent())
                .mpint(key.getPrimeP())
                .mpint(key.getPrimeQ())
                .mpint(key.getCrtCoefficient())
                .toByteArray();
        RsaSshPublicKey publicKey = new RsaSshPublicKey(key.getModulus(), key.getPublicExponent());
        return write(publicKey, privateBlob, comment, version);
    }

    /** PuTTY's Ed25519 private part is the 32-byte seed as one string. */
    static String ed25519(byte[] seed, Ed25519SshPublicKey publicKey, String comment, Version version) {
        return write(publicKey, new SshWireWriter().string(seed).toByteArray(), comment, version);
    }

    private static String write(SshPublicKey publicKey, byte[] privateBlob, String comment, Version version) {
        String algorithm = publicKey.type().sshName();
        String safeComment = comment == null ? "" : comment;
        byte[] publicBlob = publicKey.blob();
        String publicLines = Pem.wrap(Base64.getEncoder().encodeToString(publicBlob), LINE);
        String privateLines = Pem.wrap(Base64.getEncoder().encodeToString(privateBlob), LINE);

        byte[] macInput = new SshWireWriter()
                .string(algorithm)
                .string(NO_ENCRYPTION)
                .string(safeComment)
                .string(publicBlob)
                .string(privateBlob)
                .toByteArray();

        return "PuTTY-User-Key-File-" + (version == Version.V2 ? 2 : 3) + ": " + algorithm + "\n"
                + "Encryption: " + NO_ENCRYPTION + "\n"
                + "Comment: " + safeComment + "\n"
                + "Public-Lines: " + lineCount(publicLines) + "\n"
                + publicLines
                + "Private-Lines: " + lineCount(privateLines) + "\n"
                + privateLines
                + "Private-MAC: " + HexFormat.of().formatHex(mac(version, macInput)) + "\n";
    }

    /**
     * With no passphrase, version 2 keys HMAC-SHA-1 with SHA-1 of a fixed string, and version 3
     * keys HMAC-SHA-256 with an empty key (which the JDK's Mac refuses, hence Bouncy Castle).
     */
    private static byte[] mac(Version version, byte[] input) {
        Digest digest = version == Version.V2 ? new SHA1Digest() : new SHA256Digest();
        byte[] key = version == Version.V2
                ? Fingerprints.digest("SHA-1", "putty-private-key-file-mac-key".getBytes(StandardCharsets.US_ASCII))
                : new byte[0];
        HMac hmac = new HMac(digest);
        hmac.init(new KeyParameter(key));
        hmac.update(input, 0, input.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    private static long lineCount(String lines) {
        return lines.chars().filter(c -> c == '\n').count();
    }
}
