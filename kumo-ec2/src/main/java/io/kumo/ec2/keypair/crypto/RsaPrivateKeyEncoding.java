package io.kumo.ec2.keypair.crypto;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPrivateCrtKey;

/** The DER forms of an RSA private key: PKCS#1 for the PEM file, PKCS#8 for the fingerprint. */
final class RsaPrivateKeyEncoding {
    static final String PKCS1_PEM_LABEL = "RSA PRIVATE KEY";

    private RsaPrivateKeyEncoding() {
    }

    static RSAPrivateKey pkcs1Structure(RSAPrivateCrtKey key) {
        return new RSAPrivateKey(key.getModulus(), key.getPublicExponent(), key.getPrivateExponent(),
                key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(), key.getPrimeExponentQ(),
                key.getCrtCoefficient());
    }

    static byte[] pkcs1(RSAPrivateCrtKey key) {
        return der(() -> pkcs1Structure(key).getEncoded());
    }

    /**
     * Built from the same PKCS#1 structure the user receives, so the fingerprint is that of
     * {@code openssl pkcs8 -topk8 -nocrypt -outform DER} run on the returned PEM.
     */
    static byte[] pkcs8(RSAPrivateCrtKey key) {
        AlgorithmIdentifier rsa = new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
        return der(() -> new PrivateKeyInfo(rsa, pkcs1Structure(key)).getEncoded());
    }

    /** "-----BEGIN RSA PRIVATE KEY-----", what CreateKeyPair returns for an RSA key in pem format. */
    static String pkcs1Pem(RSAPrivateCrtKey key) {
        return Pem.armor(PKCS1_PEM_LABEL, pkcs1(key), Pem.PEM_LINE);
    }

    private interface DerSupplier {
        byte[] encode() throws IOException;
    }

    private static byte[] der(DerSupplier supplier) {
        try {
            return supplier.encode();
        } catch (IOException e) {
            throw new UncheckedIOException("DER encoding failed", e);
        }
    }
}
