package io.kumo.it.ec2.compute;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static io.kumo.it.ec2.Ec2Asserts.message;
import static io.kumo.it.ec2.compute.ComputeFixture.EC2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** CreateKeyPair, ImportKeyPair, DescribeKeyPairs, DeleteKeyPair through the SDK, fingerprints checked with ssh-keygen. */
class ComputeKeyPairsTest {

    private static String name() {
        return "kp-" + UUID.randomUUID();
    }

    @Test
    void createsAnRsaKeyPairReturningThePrivateKeyOnce() {
        String name = name();
        CreateKeyPairResponse created = EC2.createKeyPair(r -> r.keyName(name).tagSpecifications(TagSpecification.builder()
                .resourceType(ResourceType.KEY_PAIR).tags(Tag.builder().key("env").value("dev").build()).build()));
        assertThat(created.keyPairId()).matches("key-[0-9a-f]{17}");
        assertThat(created.keyMaterial()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(created.keyFingerprint()).matches("([0-9a-f]{2}:){19}[0-9a-f]{2}");
        assertThat(created.tags()).containsExactly(Tag.builder().key("env").value("dev").build());

        KeyPairInfo described = EC2.describeKeyPairs(r -> r.keyNames(name).includePublicKey(true)).keyPairs().getFirst();
        assertThat(described.keyPairId()).isEqualTo(created.keyPairId());
        assertThat(described.keyTypeAsString()).isEqualTo("rsa");
        assertThat(described.publicKey()).startsWith("ssh-rsa AAAA").endsWith(" " + name);
        assertThat(described.createTime()).isNotNull();
        assertThat(EC2.describeKeyPairs(r -> r.keyNames(name)).keyPairs().getFirst().publicKey()).isNull();
    }

    @Test
    void aDuplicateNameIsRefused() {
        String name = name();
        EC2.createKeyPair(r -> r.keyName(name));
        var e = fails("InvalidKeyPair.Duplicate", () -> EC2.createKeyPair(r -> r.keyName(name)));
        assertThat(message(e)).isEqualTo("The keypair '" + name + "' already exists.");
    }

    @Test
    void describeNamesMissingKeysAndFilters() {
        String name = name();
        String id = EC2.createKeyPair(r -> r.keyName(name).keyType("ed25519")).keyPairId();
        var e = fails("InvalidKeyPair.NotFound", () -> EC2.describeKeyPairs(r -> r.keyNames("no-such-" + name)));
        assertThat(message(e)).isEqualTo("The key pair 'no-such-" + name + "' does not exist");
        fails("InvalidKeyPair.NotFound", () -> EC2.describeKeyPairs(r -> r.keyPairIds("key-0123456789abcdef0")));
        assertThat(EC2.describeKeyPairs(r -> r.keyPairIds(id)).keyPairs()).extracting(KeyPairInfo::keyName).containsExactly(name);
        assertThat(EC2.describeKeyPairs(r -> r.filters(filter("key-name", name), filter("key-type", "ed25519"))).keyPairs())
                .hasSize(1);
        assertThat(EC2.describeKeyPairs(r -> r.filters(filter("key-name", name), filter("key-type", "rsa"))).keyPairs()).isEmpty();
        fails("InvalidParameterValue", () -> EC2.describeKeyPairs(r -> r.filters(filter("no-such-filter", "x"))));
    }

    @Test
    void deleteByNameOrIdAndAMissingNameSucceeds() {
        String a = name();
        String b = name();
        EC2.createKeyPair(r -> r.keyName(a));
        String idB = EC2.createKeyPair(r -> r.keyName(b)).keyPairId();
        EC2.deleteKeyPair(r -> r.keyName(a));
        EC2.deleteKeyPair(r -> r.keyPairId(idB));
        EC2.deleteKeyPair(r -> r.keyName("never-existed-" + a));
        fails("InvalidKeyPair.NotFound", () -> EC2.describeKeyPairs(r -> r.keyNames(a)));
        fails("InvalidKeyPair.NotFound", () -> EC2.describeKeyPairs(r -> r.keyNames(b)));
    }

    @Test
    void importRefusesWhatIsNotAPublicKey() {
        var e = fails("InvalidKey.Format", () -> EC2.importKeyPair(r -> r.keyName(name())
                .publicKeyMaterial(SdkBytes.fromUtf8String("not a key"))));
        assertThat(message(e)).isEqualTo("Key is not in valid OpenSSH public key format");
    }

    @Test
    void anEd25519FingerprintMatchesSshKeygen(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")) || onPath("ssh-keygen"));
        String name = name();
        CreateKeyPairResponse created = EC2.createKeyPair(r -> r.keyName(name).keyType("ed25519"));
        Path key = dir.resolve("id_ed25519");
        Files.writeString(key, created.keyMaterial() + "\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        String sha256 = run("ssh-keygen", "-l", "-E", "sha256", "-f", key.toString()).split(" ")[1];
        // AWS keeps base64's padding and drops OpenSSH's "SHA256:" prefix.
        assertThat("SHA256:" + created.keyFingerprint().replace("=", "")).isEqualTo(sha256);
        String publicKey = run("ssh-keygen", "-y", "-f", key.toString()).trim();
        String stored = EC2.describeKeyPairs(r -> r.keyNames(name).includePublicKey(true)).keyPairs().getFirst().publicKey();
        assertThat(stored).startsWith(publicKey.split(" ")[0] + " " + publicKey.split(" ")[1]);
    }

    @Test
    void anImportedKeyKeepsTheFingerprintSshKeygenComputes(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("ssh-keygen"));
        Path key = dir.resolve("id");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "me@host", "-f", key.toString());
        String pub = Files.readString(dir.resolve("id.pub"));
        String name = name();
        var imported = EC2.importKeyPair(r -> r.keyName(name).publicKeyMaterial(SdkBytes.fromUtf8String(pub)));
        String sha256 = run("ssh-keygen", "-l", "-E", "sha256", "-f", dir.resolve("id.pub").toString()).split(" ")[1];
        assertThat("SHA256:" + imported.keyFingerprint().replace("=", "")).isEqualTo(sha256);
        KeyPairInfo described = EC2.describeKeyPairs(r -> r.keyNames(name).includePublicKey(true)).keyPairs().getFirst();
        assertThat(described.keyTypeAsString()).isEqualTo("ed25519");
        assertThat(described.publicKey()).isEqualTo(pub.trim());
    }

    @Test
    void aCreatedRsaFingerprintIsTheSha1OfThePkcs8Key(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("openssl"));
        CreateKeyPairResponse created = EC2.createKeyPair(r -> r.keyName(name()));
        Path key = dir.resolve("key.pem");
        Files.writeString(key, created.keyMaterial() + "\n");
        Path der = dir.resolve("key.der");
        run("openssl", "pkcs8", "-topk8", "-nocrypt", "-inform", "PEM", "-outform", "DER", "-in", key.toString(), "-out", der.toString());
        String sha1 = run("openssl", "dgst", "-sha1", "-c", der.toString());
        assertThat(sha1.trim()).endsWith(created.keyFingerprint());
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
