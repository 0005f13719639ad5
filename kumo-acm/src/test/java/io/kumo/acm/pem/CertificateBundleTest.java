package io.kumo.acm.pem;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateBundleTest {
    private static final KeyPair RSA = keys("RSA", 2048);
    private static final KeyPair OTHER = keys("RSA", 2048);
    private static final X509Certificate SITE = certificate("www.example.com", RSA);

    @Test
    void aPkcs1RsaKeyIsReadKeptAsPkcs8AndDescribedAsAcmDoes() throws Exception {
        CertificateBundle bundle = CertificateBundle.parse(pem(SITE), null, pem(RSA));   // JcaPEMWriter writes "RSA PRIVATE KEY"
        assertThat(pem(RSA)).contains("BEGIN RSA PRIVATE KEY");
        assertThat(bundle.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(bundle.keyAlgorithm()).isEqualTo("RSA_2048");
        assertThat(bundle.names()).containsExactly("www.example.com");
        assertThat(CertificateBundle.parse(bundle.certificatePem(), "", bundle.privateKeyPem()).certificate()).isEqualTo(SITE);
    }

    @Test
    void anEcKeyAndAChainAreAccepted() throws Exception {
        KeyPair ec = keys("EC", 256);
        X509Certificate leaf = certificate("api.example.com", ec);
        CertificateBundle bundle = CertificateBundle.parse(pem(leaf), pem(SITE), pem(ec));
        assertThat(bundle.keyAlgorithm()).isEqualTo("EC_prime256v1");
        assertThat(bundle.chainPem()).hasSize(1);
    }

    @Test
    void whatAcmRefusesIsRefusedWithAReason() {
        assertThatThrownBy(() -> CertificateBundle.parse(pem(SITE), null, pem(OTHER)))
                .isInstanceOf(CertificateBundle.Invalid.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> CertificateBundle.parse(pem(SITE) + pem(SITE), null, pem(RSA)))
                .hasMessageContaining("more than one certificate");
        assertThatThrownBy(() -> CertificateBundle.parse("not a certificate", null, pem(RSA))).hasMessageContaining("PEM");
        assertThatThrownBy(() -> CertificateBundle.parse(pem(SITE), null, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"))
                .hasMessageContaining("encrypted");
        assertThatThrownBy(() -> CertificateBundle.parse(pem(SITE), null, "")).hasMessageContaining("missing");
    }

    private static KeyPair keys(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String name, KeyPair keys) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + name), BigInteger.ONE, Date.from(Instant.now()),
                    Date.from(Instant.now().plusSeconds(86400)), new X500Name("CN=" + name), keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
            String signature = keys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(signature).build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(Object o) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(o instanceof KeyPair k ? k.getPrivate() : o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
