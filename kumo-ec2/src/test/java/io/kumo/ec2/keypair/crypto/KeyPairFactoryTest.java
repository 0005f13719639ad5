package io.kumo.ec2.keypair.crypto;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyPairFactoryTest {
    private static final byte[] MESSAGE = "kumo".getBytes(StandardCharsets.US_ASCII);
    private final KeyPairFactory factory = KeyPairFactory.create(new SecureRandom());

    @Test
    void rsaPemIsPkcs1ThatParsesBackToTheSameKey() throws Exception {
        GeneratedKeyPair pair = factory.generate(KeyType.RSA, KeyFormat.PEM, "web-key");

        assertThat(pair.keyMaterial()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n")
                .endsWith("\n-----END RSA PRIVATE KEY-----");
        assertThat(pair.keyMaterial().lines().toList().subList(1, pair.keyMaterial().lines().toList().size() - 2))
                .allSatisfy(line -> assertThat(line).hasSize(64));

        Object parsed = new PEMParser(new StringReader(pair.keyMaterial())).readObject();
        assertThat(parsed).isInstanceOf(PEMKeyPair.class);
        KeyPair keys = new JcaPEMKeyConverter().getKeyPair((PEMKeyPair) parsed);
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) keys.getPrivate();
        RsaSshPublicKey publicKey = (RsaSshPublicKey) pair.publicKey();

        assertThat(privateKey.getModulus().bitLength()).isEqualTo(2048);
        assertThat(privateKey.getModulus()).isEqualTo(publicKey.modulus());
        assertThat(privateKey.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        assertThat(signsAndVerifies(privateKey, publicKey)).isTrue();
    }

    @Test
    void rsaFingerprintIsSha1OfThePkcs8FormOfTheReturnedKey() throws Exception {
        GeneratedKeyPair pair = factory.generate(KeyType.RSA, KeyFormat.PEM, "web-key");
        PEMKeyPair parsed = (PEMKeyPair) new PEMParser(new StringReader(pair.keyMaterial())).readObject();

        byte[] pkcs8 = parsed.getPrivateKeyInfo().getEncoded();
        String expected = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-1").digest(pkcs8));

        assertThat(pair.keyFingerprint()).isEqualTo(expected).matches("([0-9a-f]{2}:){19}[0-9a-f]{2}");
    }

    @Test
    void publicKeyIsAnAuthorizedKeysLineCommentedWithTheKeyName() {
        GeneratedKeyPair rsa = factory.generate(KeyType.RSA, KeyFormat.PEM, "web-key");
        GeneratedKeyPair ed = factory.generate(KeyType.ED25519, KeyFormat.PEM, "my key");

        assertThat(rsa.publicKeyOpenSsh()).startsWith("ssh-rsa AAAAB3NzaC1yc2E").endsWith(" web-key");
        assertThat(ed.publicKeyOpenSsh()).startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5").endsWith(" my key");
        assertThat(rsa.keyType()).isEqualTo(KeyType.RSA);
        assertThat(ed.keyType()).isEqualTo(KeyType.ED25519);
    }

    @Test
    void ed25519PemIsAnUnencryptedOpenSshKeyThatParsesBack() throws Exception {
        GeneratedKeyPair pair = factory.generate(KeyType.ED25519, KeyFormat.PEM, "deploy");

        assertThat(pair.keyMaterial()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n")
                .endsWith("\n-----END OPENSSH PRIVATE KEY-----\n");
        byte[] body = pemBody(pair.keyMaterial());
        AsymmetricKeyParameter parsed = OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(body);
        assertThat(parsed).isInstanceOf(Ed25519PrivateKeyParameters.class);
        Ed25519PrivateKeyParameters privateKey = (Ed25519PrivateKeyParameters) parsed;
        Ed25519SshPublicKey publicKey = (Ed25519SshPublicKey) pair.publicKey();

        assertThat(privateKey.generatePublicKey().getEncoded()).isEqualTo(publicKey.point());
        assertThat(ed25519SignsAndVerifies(privateKey, publicKey)).isTrue();
    }

    @Test
    void ed25519FileCarriesTheCommentAndIsPaddedToTheBlockSize() throws Exception {
        GeneratedKeyPair pair = factory.generate(KeyType.ED25519, KeyFormat.PEM, "deploy");
        byte[] body = pemBody(pair.keyMaterial());
        byte[] magic = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
        assertThat(Arrays.copyOf(body, magic.length)).isEqualTo(magic);
        SshWireReader reader = new SshWireReader(Arrays.copyOfRange(body, magic.length, body.length));

        assertThat(reader.text()).isEqualTo("none");
        assertThat(reader.text()).isEqualTo("none");
        assertThat(reader.string()).isEmpty();
        assertThat(reader.uint32()).isEqualTo(1);
        assertThat(reader.string()).isEqualTo(pair.publicKey().blob());
        byte[] privateSection = reader.string();
        reader.requireEnd();

        assertThat(privateSection.length % 8).isZero();
        SshWireReader inner = new SshWireReader(privateSection);
        assertThat(inner.uint32()).isEqualTo(inner.uint32());
        assertThat(inner.text()).isEqualTo("ssh-ed25519");
        inner.string();
        assertThat(inner.string()).hasSize(64);
        assertThat(inner.text()).isEqualTo("deploy");
    }

    @Test
    void ed25519FingerprintIsPaddedBase64OfSha256OverTheBlob() throws Exception {
        GeneratedKeyPair pair = factory.generate(KeyType.ED25519, KeyFormat.PEM, "deploy");
        String expected = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(pair.publicKey().blob()));

        assertThat(pair.keyFingerprint()).isEqualTo(expected).hasSize(44).endsWith("=").doesNotStartWith("SHA256:");
    }

    @Test
    void rsaPpkHoldsTheKeyPuttyExpects() {
        GeneratedKeyPair pair = factory.generate(KeyType.RSA, KeyFormat.PPK, "web-key");
        Ppk ppk = Ppk.parse(pair.keyMaterial());

        assertThat(ppk.header()).isEqualTo("PuTTY-User-Key-File-2: ssh-rsa");
        assertThat(ppk.field("Encryption")).isEqualTo("none");
        assertThat(ppk.field("Comment")).isEqualTo("web-key");
        assertThat(ppk.publicBlob()).isEqualTo(pair.publicKey().blob());
        assertThat(ppk.field("Private-MAC")).matches("[0-9a-f]{40}");

        RsaSshPublicKey publicKey = (RsaSshPublicKey) pair.publicKey();
        SshWireReader privateBlob = new SshWireReader(ppk.privateBlob());
        BigInteger d = privateBlob.mpint();
        BigInteger p = privateBlob.mpint();
        BigInteger q = privateBlob.mpint();
        BigInteger iqmp = privateBlob.mpint();
        privateBlob.requireEnd();
        assertThat(p.multiply(q)).isEqualTo(publicKey.modulus());
        assertThat(iqmp.multiply(q).mod(p)).isEqualTo(BigInteger.ONE);
        BigInteger m = new BigInteger("123456789");
        assertThat(m.modPow(publicKey.publicExponent(), publicKey.modulus()).modPow(d, publicKey.modulus())).isEqualTo(m);
        // The fingerprint does not depend on the file format.
        assertThat(pair.keyFingerprint()).matches("([0-9a-f]{2}:){19}[0-9a-f]{2}");
    }

    @Test
    void ed25519PpkHoldsTheSeed() {
        GeneratedKeyPair pair = factory.generate(KeyType.ED25519, KeyFormat.PPK, "deploy");
        Ppk ppk = Ppk.parse(pair.keyMaterial());

        assertThat(ppk.header()).isEqualTo("PuTTY-User-Key-File-2: ssh-ed25519");
        assertThat(ppk.publicBlob()).isEqualTo(pair.publicKey().blob());
        byte[] seed = new SshWireReader(ppk.privateBlob()).string();
        assertThat(new Ed25519PrivateKeyParameters(seed).generatePublicKey().getEncoded())
                .isEqualTo(((Ed25519SshPublicKey) pair.publicKey()).point());
    }

    @Test
    void ppkVersion3CanBeChosen() {
        GeneratedKeyPair pair = factory.withPpkVersion3().generate(KeyType.RSA, KeyFormat.PPK, "web-key");

        assertThat(pair.keyMaterial()).startsWith("PuTTY-User-Key-File-3: ssh-rsa\n");
        assertThat(Ppk.parse(pair.keyMaterial()).field("Private-MAC")).matches("[0-9a-f]{64}");
    }

    @Test
    void everyCallMakesANewKey() {
        GeneratedKeyPair first = factory.generate(KeyType.ED25519, KeyFormat.PEM, "k");
        GeneratedKeyPair second = factory.generate(KeyType.ED25519, KeyFormat.PEM, "k");

        assertThat(first.keyFingerprint()).isNotEqualTo(second.keyFingerprint());
    }

    @Test
    void toStringNeverShowsKeyMaterial() {
        GeneratedKeyPair pair = factory.generate(KeyType.ED25519, KeyFormat.PEM, "k");

        assertThat(pair.toString()).doesNotContain("PRIVATE").contains(pair.keyFingerprint());
    }

    private static byte[] pemBody(String material) throws Exception {
        PemObject object = new PemReader(new StringReader(material)).readPemObject();
        assertThat(object.getType()).isEqualTo("OPENSSH PRIVATE KEY");
        return object.getContent();
    }

    private static boolean signsAndVerifies(RSAPrivateCrtKey privateKey, RsaSshPublicKey publicKey) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(MESSAGE);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey.toJavaKey());
        verifier.update(MESSAGE);
        return verifier.verify(signature);
    }

    private static boolean ed25519SignsAndVerifies(Ed25519PrivateKeyParameters privateKey, Ed25519SshPublicKey publicKey) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(MESSAGE, 0, MESSAGE.length);
        byte[] signature = signer.generateSignature();
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey.point()));
        verifier.update(MESSAGE, 0, MESSAGE.length);
        return verifier.verifySignature(signature);
    }

    /** Just enough of a .ppk reader to look inside what the writer produced. */
    private record Ppk(List<String> lines) {
        static Ppk parse(String text) {
            return new Ppk(text.lines().toList());
        }

        String header() {
            return lines.getFirst();
        }

        String field(String name) {
            return lines.stream().filter(line -> line.startsWith(name + ": ")).findFirst()
                    .map(line -> line.substring(name.length() + 2)).orElseThrow();
        }

        byte[] publicBlob() {
            return block("Public-Lines");
        }

        byte[] privateBlob() {
            return block("Private-Lines");
        }

        private byte[] block(String name) {
            int start = lines.indexOf(name + ": " + field(name));
            int count = Integer.parseInt(field(name));
            return Base64.getDecoder().decode(String.join("", lines.subList(start + 1, start + 1 + count)));
        }
    }
}
