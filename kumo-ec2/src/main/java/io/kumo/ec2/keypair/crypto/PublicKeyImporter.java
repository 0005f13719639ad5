package io.kumo.ec2.keypair.crypto;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads ImportKeyPair's PublicKeyMaterial (after the protocol's own base64 decoding) in the forms
 * AWS accepts: an OpenSSH line, an RFC 4716 SSH2 file, or, for RSA, a DER SubjectPublicKeyInfo
 * (bare, base64 or PEM). Material that is base64 once more is unwrapped: callers who encode the
 * file themselves and then let an SDK encode it again are common, and the result is unambiguous.
 */
public final class PublicKeyImporter {
    /**
     * AWS documents 1024, 2048 and 4096 bits, but ssh-keygen's default is 3072 and users report
     * importing 8192-bit keys, so any size in this range is taken.
     */
    public static final int MIN_RSA_BITS = 1024;
    public static final int MAX_RSA_BITS = 16384;
    private static final int MAX_MATERIAL_BYTES = 64 * 1024;
    private static final int MAX_BASE64_LAYERS = 2;

    private PublicKeyImporter() {
    }

    public static ImportedPublicKey importKey(byte[] material) {
        Objects.requireNonNull(material, "material");
        if (material.length > MAX_MATERIAL_BYTES) {
            throw new InvalidKeyFormatException("public key material is larger than any supported key");
        }
        ParsedPublicKey parsed = parse(material, 0)
                .orElseThrow(() -> new InvalidKeyFormatException("not an OpenSSH, RFC 4716 or DER RSA public key"));
        if (parsed.key() instanceof RsaSshPublicKey rsa) {
            requireAcceptableRsa(rsa);
        }
        return new ImportedPublicKey(parsed.key(), parsed.comment(), Fingerprints.ofImported(parsed.key()));
    }

    private static Optional<ParsedPublicKey> parse(byte[] material, int base64Layers) {
        try {
            if (DerPublicKey.looksLikeDer(material)) {
                return DerPublicKey.parse(material);
            }
            Optional<String> text = asText(material);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Optional<ParsedPublicKey> parsed = OpenSshPublicKeyText.parse(text.get())
                    .or(() -> Rfc4716PublicKeyText.parse(text.get()))
                    .or(() -> DerPublicKey.parsePem(text.get()));
            if (parsed.isPresent() || base64Layers >= MAX_BASE64_LAYERS) {
                return parsed;
            }
            return Pem.decodeBase64(text.get()).flatMap(inner -> parse(inner, base64Layers + 1));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<String> asText(byte[] material) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(material))
                    .toString());
        } catch (CharacterCodingException binary) {
            return Optional.empty();
        }
    }

    private static void requireAcceptableRsa(RsaSshPublicKey key) {
        if (key.bitLength() < MIN_RSA_BITS || key.bitLength() > MAX_RSA_BITS) {
            throw new InvalidKeyFormatException("RSA key of " + key.bitLength() + " bits");
        }
        if (!key.publicExponent().testBit(0) || key.publicExponent().compareTo(BigInteger.valueOf(3)) < 0) {
            throw new InvalidKeyFormatException("RSA public exponent is not an odd number of at least 3");
        }
    }
}
