package io.kumo.ec2.keypair.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicKeyImporterTest {
    /** ssh-keygen -t rsa -b 2048 -C alice@laptop, made for this test. */
    private static final String RSA_LINE = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7rQzVtgN9Rc7TgSFIQbFx8hI1U3Wc1hTHtHeMeVK4Jd"
            + "+4gCeVzV3VPYGrg0ECtQWArQIAUF6xtQyU1FcxOYhjsr6ZM2fUFJ3jCEvRVfAwgcYPijN9ofKIdS0M4Hmzgta7nig8dm2TilxZairaRE93KI4"
            + "9vv33zCXuu6QT8+GSVXYy/shB8LVMXHjxs+mAuxSW1//Hauf4y1yp2TfeuqMjfBEZJClWqGZ/MZOkc/zzE2pExpevLRWD/ZGfYHoJsvSBBwwE"
            + "Zru5pVYbnX91BPtgpHjRCd1wklnTu74E06k7W72LsN/SfOM1c06j9UQabd4KZceyh+0p1KBXiIZYoQ0D alice@laptop";
    /** ssh-keygen -e -m PEM | openssl rsa -RSAPublicKey_in -outform DER | openssl md5 -c, as AWS documents. */
    private static final String RSA_AWS_FINGERPRINT = "f0:b6:54:bc:70:7e:24:1b:63:d6:ce:e3:39:74:0d:4b";
    private static final String RSA_RFC4716 = """
            ---- BEGIN SSH2 PUBLIC KEY ----
            Comment: "2048-bit RSA, converted by root@vm from OpenSSH"
            AAAAB3NzaC1yc2EAAAADAQABAAABAQC7rQzVtgN9Rc7TgSFIQbFx8hI1U3Wc1hTHtHeMeV
            K4Jd+4gCeVzV3VPYGrg0ECtQWArQIAUF6xtQyU1FcxOYhjsr6ZM2fUFJ3jCEvRVfAwgcYP
            ijN9ofKIdS0M4Hmzgta7nig8dm2TilxZairaRE93KI49vv33zCXuu6QT8+GSVXYy/shB8L
            VMXHjxs+mAuxSW1//Hauf4y1yp2TfeuqMjfBEZJClWqGZ/MZOkc/zzE2pExpevLRWD/ZGf
            YHoJsvSBBwwEZru5pVYbnX91BPtgpHjRCd1wklnTu74E06k7W72LsN/SfOM1c06j9UQabd
            4KZceyh+0p1KBXiIZYoQ0D
            ---- END SSH2 PUBLIC KEY ----
            """;
    private static final String RSA_SPKI_PEM = """
            -----BEGIN PUBLIC KEY-----
            MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu60M1bYDfUXO04EhSEGx
            cfISNVN1nNYUx7R3jHlSuCXfuIAnlc1d1T2Bq4NBArUFgK0CAFBesbUMlNRXMTmI
            Y7K+mTNn1BSd4whL0VXwMIHGD4ozfaHyiHUtDOB5s4LWu54oPHZtk4pcWWoq2kRP
            dyiOPb7998wl7rukE/PhklV2Mv7IQfC1TFx48bPpgLsUltf/x2rn+Mtcqdk33rqj
            I3wRGSQpVqhmfzGTpHP88xNqRMaXry0Vg/2Rn2B6CbL0gQcMBGa7uaVWG51/dQT7
            YKR40QndcJJZ07u+BNOpO1u9i7Df0nzjNXNOo/VEGm3eCmXHsoftKdSgV4iGWKEN
            AwIDAQAB
            -----END PUBLIC KEY-----
            """;
    private static final String ED25519_LINE =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPpNFZUd4skJho6KO8QQqJ54igJ5FaCMbv7c1NcbI7vV my-key";
    private static final String ED25519_AWS_FINGERPRINT = "fKMapfWHk1UY2AABTBYYybKwMGT1OYVCjNSIRHvErZo=";

    private static ImportedPublicKey importText(String text) {
        return PublicKeyImporter.importKey(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] base64(byte[] bytes) {
        return Base64.getEncoder().encode(bytes);
    }

    @Test
    void importsAnOpenSshRsaLineWithAwssFingerprint() {
        ImportedPublicKey key = importText(RSA_LINE);

        assertThat(key.keyType()).isEqualTo(KeyType.RSA);
        assertThat(key.keyFingerprint()).isEqualTo(RSA_AWS_FINGERPRINT);
        assertThat(key.comment()).isEqualTo("alice@laptop");
        assertThat(key.publicKeyOpenSsh()).isEqualTo(RSA_LINE);
        assertThat(((RsaSshPublicKey) key.publicKey()).bitLength()).isEqualTo(2048);
    }

    @Test
    void rsaFingerprintIsNotSshKeygensMd5() {
        // ssh-keygen -l -E md5 hashes the SSH blob and prints e6:f5:60:...; AWS hashes the DER form.
        assertThat(importText(RSA_LINE).keyFingerprint()).isNotEqualTo("e6:f5:60:fa:fb:9f:89:a5:e8:d1:e5:24:63:83:04:53");
    }

    @Test
    void importsAnOpenSshEd25519Line() {
        ImportedPublicKey key = importText(ED25519_LINE + "\n");

        assertThat(key.keyType()).isEqualTo(KeyType.ED25519);
        assertThat(key.keyFingerprint()).isEqualTo(ED25519_AWS_FINGERPRINT);
        assertThat(key.publicKeyOpenSsh()).isEqualTo(ED25519_LINE);
    }

    @Test
    void toleratesWindowsLineEndingsTabsAndNoComment() {
        assertThat(importText(RSA_LINE + "\r\n").comment()).isEqualTo("alice@laptop");
        assertThat(importText(RSA_LINE.replace(" alice@laptop", "")).comment()).isEmpty();
        assertThat(importText(RSA_LINE.replaceFirst(" ", "\t")).keyFingerprint()).isEqualTo(RSA_AWS_FINGERPRINT);
        assertThat(importText(RSA_LINE.replace("alice@laptop", "alice at laptop")).comment()).isEqualTo("alice at laptop");
    }

    @Test
    void unwrapsBase64AsSdksAndTheCliSendIt() {
        byte[] once = base64(RSA_LINE.getBytes(StandardCharsets.UTF_8));
        byte[] twice = base64(once);

        assertThat(PublicKeyImporter.importKey(once).keyFingerprint()).isEqualTo(RSA_AWS_FINGERPRINT);
        assertThat(PublicKeyImporter.importKey(twice).keyFingerprint()).isEqualTo(RSA_AWS_FINGERPRINT);
    }

    @Test
    void importsRfc4716Files() {
        ImportedPublicKey key = importText(RSA_RFC4716);

        assertThat(key.keyFingerprint()).isEqualTo(RSA_AWS_FINGERPRINT);
        assertThat(key.comment()).isEqualTo("2048-bit RSA, converted by root@vm from OpenSSH");
    }

    @Test
    void importsRfc4716WithContinuedHeadersAndOtherTags() {
        String[] lines = RSA_RFC4716.split("\n");
        String puttyStyle = lines[0] + "\r\n"
                + "x-private-tag: something\r\n"
                + "Comment: \"rsa-key-\\\r\n"
                + "20250101\"\r\n"
                + String.join("\r\n", Arrays.copyOfRange(lines, 2, lines.length)) + "\r\n";

        ImportedPublicKey key = importText(puttyStyle);

        assertThat(key.comment()).isEqualTo("rsa-key-20250101");
        assertThat(key.keyFingerprint()).isEqualTo(RSA_AWS_FINGERPRINT);
    }

    @Test
    void importsDerSubjectPublicKeyInfoInEveryWrapping() {
        byte[] der = Base64.getMimeDecoder().decode(RSA_SPKI_PEM.replaceAll("-----[A-Z ]+-----", ""));

        assertThat(importText(RSA_SPKI_PEM).keyFingerprint()).isEqualTo(RSA_AWS_FINGERPRINT);
        assertThat(PublicKeyImporter.importKey(der).keyFingerprint()).isEqualTo(RSA_AWS_FINGERPRINT);
        assertThat(PublicKeyImporter.importKey(base64(der)).keyFingerprint()).isEqualTo(RSA_AWS_FINGERPRINT);
        assertThat(PublicKeyImporter.importKey(der).publicKeyOpenSsh()).isEqualTo(RSA_LINE.replace(" alice@laptop", ""));
    }

    @Test
    void importsTheSizesAwsDocumentsAndOpenSshsDefault() throws Exception {
        for (int bits : new int[] {1024, 2048, 3072, 4096}) {
            String line = RsaSshPublicKey.of(newRsaKey(bits)).toOpenSsh("k");

            assertThat(importText(line).keyType()).as(bits + " bits").isEqualTo(KeyType.RSA);
        }
    }

    @Test
    void refusesRsaKeysBelow1024Bits() throws Exception {
        String line = RsaSshPublicKey.of(newRsaKey(768)).toOpenSsh("weak");

        assertThatThrownBy(() -> importText(line))
                .isInstanceOf(InvalidKeyFormatException.class)
                .satisfies(e -> assertThat(((InvalidKeyFormatException) e).reason()).contains("768"));
    }

    @Test
    void refusesAnEvenOrTinyExponent() {
        BigInteger modulus = BigInteger.ONE.shiftLeft(2047).add(BigInteger.ONE);
        String even = new RsaSshPublicKey(modulus, BigInteger.valueOf(65536)).toOpenSsh("x");
        String one = new RsaSshPublicKey(modulus, BigInteger.ONE).toOpenSsh("x");

        assertThatThrownBy(() -> importText(even)).isInstanceOf(InvalidKeyFormatException.class);
        assertThatThrownBy(() -> importText(one)).isInstanceOf(InvalidKeyFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "hello world",
        // ECDSA and DSA are not EC2 key types.
        "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEz3Qhg1cMyVzBMgl5kLvl5Y/8O8i0Lx7E9D"
            + "Th6mmGbeVz4R/rJtWN98pJBx4yZLQ1N6bZ0K0V0nIj6Y+5iVQ8E= me@host",
        "ssh-dss AAAAB3NzaC1kc3MAAACBAP1/U4EddRIpUt9KnC7s5Of2EbdSPO9EAMMeP4C2USZpRV1AIlH7WT2NWPq/xfW6MPbLm1Vs14E7 x",
        // Name in front disagrees with the blob.
        "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIPpNFZUd4skJho6KO8QQqJ54igJ5FaCMbv7c1NcbI7vV my-key",
        // Truncated blob.
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPpNFZUd4skJho6KO8QQqJ54igJ5FaCM my-key",
        // Not base64.
        "ssh-ed25519 AAAA$$$$ my-key",
        // authorized_keys options in front are not part of a public key.
        "from=\"10.0.0.0/8\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPpNFZUd4skJho6KO8QQqJ54igJ5FaCMbv7c1NcbI7vV my-key",
        // Two keys at once.
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPpNFZUd4skJho6KO8QQqJ54igJ5FaCMbv7c1NcbI7vV a\n"
            + "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPpNFZUd4skJho6KO8QQqJ54igJ5FaCMbv7c1NcbI7vV b",
        // A certificate is not a plain public key.
        "ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29t x",
        // An Ed25519 key in DER form: AWS documents DER for RSA only.
        "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA+k0VlR3iyQmGjoo7xBConniKAnkVoIxu/tzU1xsju9U=\n-----END PUBLIC KEY-----",
        "---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n---- END SSH2 PUBLIC KEY ----"})
    void refusesEverythingElseWithAwssCodeAndMessage(String text) {
        assertThatThrownBy(() -> importText(text))
                .isInstanceOf(InvalidKeyFormatException.class)
                .hasMessage("Key is not in valid OpenSSH public key format")
                .satisfies(e -> {
                    InvalidKeyFormatException error = (InvalidKeyFormatException) e;
                    assertThat(error.code()).isEqualTo("InvalidKey.Format");
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.senderFault()).isTrue();
                });
    }

    @Test
    void refusesAPrivateKeyGivenByMistake() {
        String privateKey = KeyPairFactory.create(new SecureRandom())
                .generate(KeyType.RSA, KeyFormat.PEM, "oops").keyMaterial();

        assertThatThrownBy(() -> importText(privateKey)).isInstanceOf(InvalidKeyFormatException.class);
    }

    @Test
    void refusesBinaryNoiseAndHugeInput() {
        assertThatThrownBy(() -> PublicKeyImporter.importKey(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1}))
                .isInstanceOf(InvalidKeyFormatException.class);
        assertThatThrownBy(() -> PublicKeyImporter.importKey(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}))
                .isInstanceOf(InvalidKeyFormatException.class);
        assertThatThrownBy(() -> PublicKeyImporter.importKey(new byte[100_000]))
                .isInstanceOf(InvalidKeyFormatException.class);
    }

    @Test
    void aKeyCreatedByEc2CanBeImportedBackFromItsPublicKey() {
        GeneratedKeyPair created = KeyPairFactory.create(new SecureRandom())
                .generate(KeyType.ED25519, KeyFormat.PEM, "round-trip");

        ImportedPublicKey imported = importText(created.publicKeyOpenSsh());

        assertThat(imported.publicKey()).isEqualTo(created.publicKey());
        assertThat(imported.keyFingerprint()).isEqualTo(created.keyFingerprint());
        assertThat(imported.comment()).isEqualTo("round-trip");
    }

    private static RSAPublicKey newRsaKey(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return (RSAPublicKey) generator.generateKeyPair().getPublic();
    }
}
