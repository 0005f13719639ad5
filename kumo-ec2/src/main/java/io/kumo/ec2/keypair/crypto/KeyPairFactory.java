package io.kumo.ec2.keypair.crypto;

import io.kumo.core.Ids;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Objects;

/**
 * Creates key pairs the way CreateKeyPair does: RSA is always 2048 bits; the key name becomes the
 * comment of the public key, as in the PublicKey field of DescribeKeyPairs and in authorized_keys.
 */
public final class KeyPairFactory {
    public static final int RSA_BITS = 2048;

    private final SecureRandom random;
    private final PuttyPrivateKeyWriter.Version ppkVersion;

    private KeyPairFactory(SecureRandom random, PuttyPrivateKeyWriter.Version ppkVersion) {
        this.random = random;
        this.ppkVersion = ppkVersion;
    }

    /** Draws from the process-wide generator that also makes resource ids. */
    public static KeyPairFactory create() {
        return create(Ids.random());
    }

    /** Writes .ppk files in version 2, which every PuTTY release can load. */
    public static KeyPairFactory create(SecureRandom random) {
        return new KeyPairFactory(Objects.requireNonNull(random, "random"), PuttyPrivateKeyWriter.Version.V2);
    }

    /** Same keys, but .ppk files in version 3, as PuTTYgen 0.75 and later write them. */
    public KeyPairFactory withPpkVersion3() {
        return new KeyPairFactory(random, PuttyPrivateKeyWriter.Version.V3);
    }

    public GeneratedKeyPair generate(KeyType type, KeyFormat format, String keyName) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(format, "format");
        return switch (type) {
            case RSA -> rsa(format, keyName);
            case ED25519 -> ed25519(format, keyName);
        };
    }

    private GeneratedKeyPair rsa(KeyFormat format, String keyName) {
        RSAPrivateCrtKey key = newRsaKey();
        RsaSshPublicKey publicKey = new RsaSshPublicKey(key.getModulus(), key.getPublicExponent());
        String material = format == KeyFormat.PEM
                ? RsaPrivateKeyEncoding.pkcs1Pem(key)
                : PuttyPrivateKeyWriter.rsa(key, keyName, ppkVersion);
        return new GeneratedKeyPair(KeyType.RSA, format, material, Fingerprints.ofCreatedRsa(key), publicKey,
                publicKey.toOpenSsh(keyName));
    }

    private GeneratedKeyPair ed25519(KeyFormat format, String keyName) {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random);
        byte[] seed = key.getEncoded();
        Ed25519SshPublicKey publicKey = new Ed25519SshPublicKey(key.generatePublicKey().getEncoded());
        String material = format == KeyFormat.PEM
                ? OpenSshPrivateKeyWriter.ed25519(seed, publicKey, keyName, random.nextInt())
                : PuttyPrivateKeyWriter.ed25519(seed, publicKey, keyName, ppkVersion);
        return new GeneratedKeyPair(KeyType.ED25519, format, material, Fingerprints.ofEd25519(publicKey), publicKey,
                publicKey.toOpenSsh(keyName));
    }

    private RSAPrivateCrtKey newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(RSA_BITS, RSAKeyGenParameterSpec.F4), random);
            return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate RSA keys", e);
        }
    }
}
