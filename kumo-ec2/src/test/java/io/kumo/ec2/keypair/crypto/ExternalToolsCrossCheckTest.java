package io.kumo.ec2.keypair.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import static io.kumo.ec2.keypair.crypto.ExternalTool.assumeInstalled;
import static io.kumo.ec2.keypair.crypto.ExternalTool.shell;
import static io.kumo.ec2.keypair.crypto.ExternalTool.writePrivate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks keys and fingerprints against the tools a user would run, using the commands AWS's
 * "verify the fingerprint" instructions give. Each test is skipped where its tool is missing.
 */
class ExternalToolsCrossCheckTest {
    private final KeyPairFactory factory = KeyPairFactory.create(new SecureRandom());

    @TempDir
    Path dir;

    private static String withoutComment(String openSshLine) {
        String[] parts = openSshLine.split(" ");
        return parts[0] + " " + parts[1];
    }

    /** "SHA1(stdin)= 1f:51:..." or "(stdin)= 1f:51:..." depending on the OpenSSL version. */
    private static String opensslDigest(String output) {
        return output.strip().substring(output.indexOf("= ") + 2);
    }

    @Test
    void sshKeygenReadsCreatedRsaKeys() throws Exception {
        assumeInstalled("ssh-keygen");
        GeneratedKeyPair pair = factory.generate(KeyType.RSA, KeyFormat.PEM, "web-key");
        writePrivate(dir, "web-key.pem", pair.keyMaterial());

        assertThat(shell(dir, "ssh-keygen -y -f web-key.pem").strip()).isEqualTo(withoutComment(pair.publicKeyOpenSsh()));
    }

    @Test
    void createdRsaFingerprintMatchesOpensslSha1OfPkcs8() throws Exception {
        assumeInstalled("openssl");
        GeneratedKeyPair pair = factory.generate(KeyType.RSA, KeyFormat.PEM, "web-key");
        writePrivate(dir, "web-key.pem", pair.keyMaterial());

        assertThat(shell(dir, "openssl rsa -in web-key.pem -check -noout")).contains("RSA key ok");
        String sha1 = shell(dir, "openssl pkcs8 -in web-key.pem -inform PEM -outform DER -topk8 -nocrypt | openssl sha1 -c");
        assertThat(pair.keyFingerprint()).isEqualTo(opensslDigest(sha1));
    }

    @Test
    void sshKeygenReadsCreatedEd25519KeysAndAgreesOnTheFingerprint() throws Exception {
        assumeInstalled("ssh-keygen");
        GeneratedKeyPair pair = factory.generate(KeyType.ED25519, KeyFormat.PEM, "deploy-key");
        writePrivate(dir, "deploy-key.pem", pair.keyMaterial());

        // OpenSSH's own format keeps the comment, and ssh-keygen -y prints it back.
        assertThat(shell(dir, "ssh-keygen -y -f deploy-key.pem").strip()).isEqualTo(pair.publicKeyOpenSsh());
        String listing = shell(dir, "ssh-keygen -l -f deploy-key.pem").strip();
        assertThat(listing).isEqualTo("256 SHA256:" + pair.keyFingerprint().replace("=", "") + " deploy-key (ED25519)");
    }

    @Test
    void importedRsaFingerprintMatchesTheOpensslPipelineAwsDocuments() throws Exception {
        assumeInstalled("ssh-keygen");
        assumeInstalled("openssl");
        shell(dir, "ssh-keygen -q -t rsa -b 3072 -N '' -C bob@desk -f id_rsa");
        byte[] publicFile = Files.readAllBytes(dir.resolve("id_rsa.pub"));

        ImportedPublicKey imported = PublicKeyImporter.importKey(publicFile);

        String md5 = shell(dir, "ssh-keygen -e -m PEM -f id_rsa.pub | openssl rsa -RSAPublicKey_in -outform DER | openssl md5 -c");
        assertThat(imported.keyFingerprint()).isEqualTo(opensslDigest(md5));
        assertThat(imported.publicKeyOpenSsh()).isEqualTo(new String(publicFile, StandardCharsets.UTF_8).strip());
        assertThat(((RsaSshPublicKey) imported.publicKey()).bitLength()).isEqualTo(3072);
    }

    @Test
    void importedEd25519FingerprintMatchesSshKeygen() throws Exception {
        assumeInstalled("ssh-keygen");
        shell(dir, "ssh-keygen -q -t ed25519 -N '' -C carol@box -f id_ed25519");

        ImportedPublicKey imported = PublicKeyImporter.importKey(Files.readAllBytes(dir.resolve("id_ed25519.pub")));

        String listing = shell(dir, "ssh-keygen -l -f id_ed25519.pub").strip();
        assertThat(listing).isEqualTo("256 SHA256:" + imported.keyFingerprint().replace("=", "") + " carol@box (ED25519)");
    }

    @Test
    void importsWhatSshKeygenExportsInOtherFormats() throws Exception {
        assumeInstalled("ssh-keygen");
        shell(dir, "ssh-keygen -q -t rsa -b 2048 -N '' -f id_rsa");
        String expected = PublicKeyImporter.importKey(Files.readAllBytes(dir.resolve("id_rsa.pub"))).keyFingerprint();

        String rfc4716 = shell(dir, "ssh-keygen -e -f id_rsa.pub");
        String pkcs8 = shell(dir, "ssh-keygen -e -m PKCS8 -f id_rsa.pub");

        assertThat(PublicKeyImporter.importKey(rfc4716.getBytes(StandardCharsets.UTF_8)).keyFingerprint()).isEqualTo(expected);
        assertThat(PublicKeyImporter.importKey(pkcs8.getBytes(StandardCharsets.UTF_8)).keyFingerprint()).isEqualTo(expected);
    }

    @Test
    void puttygenLoadsCreatedPpkFilesOfBothVersionsAndTypes() throws Exception {
        assumeInstalled("puttygen");
        for (KeyPairFactory maker : new KeyPairFactory[] {factory, factory.withPpkVersion3()}) {
            for (KeyType type : KeyType.values()) {
                GeneratedKeyPair pair = maker.generate(type, KeyFormat.PPK, "putty-key");
                writePrivate(dir, "key.ppk", pair.keyMaterial());

                // puttygen checks the Private-MAC on load, so a wrong MAC fails here.
                String publicLine = shell(dir, "puttygen key.ppk -O public-openssh -o key.pub && cat key.pub").strip();
                assertThat(publicLine).as(type + " " + pair.keyMaterial().lines().findFirst().orElseThrow())
                        .isEqualTo(pair.publicKeyOpenSsh());
                Files.delete(dir.resolve("key.ppk"));
                Files.delete(dir.resolve("key.pub"));
            }
        }
    }

    @Test
    void puttygenConvertsCreatedPpkBackToTheSameKeyOpenSshSees() throws Exception {
        assumeInstalled("puttygen");
        assumeInstalled("ssh-keygen");
        GeneratedKeyPair pair = factory.generate(KeyType.RSA, KeyFormat.PPK, "putty-key");
        writePrivate(dir, "key.ppk", pair.keyMaterial());

        shell(dir, "puttygen key.ppk -O private-openssh -o converted.pem && chmod 600 converted.pem");

        assertThat(shell(dir, "ssh-keygen -y -f converted.pem").strip()).isEqualTo(withoutComment(pair.publicKeyOpenSsh()));
    }
}
