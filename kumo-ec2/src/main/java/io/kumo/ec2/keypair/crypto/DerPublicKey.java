package io.kumo.ec2.keypair.crypto;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import java.io.IOException;
import java.util.Optional;

/**
 * A DER SubjectPublicKeyInfo, bare or as a "PUBLIC KEY" PEM block. AWS documents this form for RSA
 * keys only, so any other algorithm in it is not recognised.
 */
final class DerPublicKey {
    static final String PEM_LABEL = "PUBLIC KEY";
    private static final int DER_SEQUENCE = 0x30;

    private DerPublicKey() {
    }

    static boolean looksLikeDer(byte[] bytes) {
        return bytes.length > 0 && (bytes[0] & 0xFF) == DER_SEQUENCE;
    }

    static Optional<ParsedPublicKey> parsePem(String text) {
        return Pem.dearmor(text, PEM_LABEL).flatMap(DerPublicKey::parse);
    }

    static Optional<ParsedPublicKey> parse(byte[] der) {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (!PKCSObjectIdentifiers.rsaEncryption.equals(info.getAlgorithm().getAlgorithm())) {
                return Optional.empty();
            }
            RSAPublicKey rsa = RSAPublicKey.getInstance(info.parsePublicKey());
            return Optional.of(new ParsedPublicKey(new RsaSshPublicKey(rsa.getModulus(), rsa.getPublicExponent()), ""));
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException notSpki) {
            return Optional.empty();
        }
    }
}
