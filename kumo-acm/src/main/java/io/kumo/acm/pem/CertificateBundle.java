package io.kumo.acm.pem;

import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate, its chain and its private key as ImportCertificate receives them (PEM), checked
 * as ACM checks them: one certificate, a key in a supported form that belongs to it. The key is
 * kept as PKCS#8, the one form every TLS library reads.
 */
public record CertificateBundle(X509Certificate certificate, List<X509Certificate> chain, PrivateKey privateKey) {

    /** The input is not what ACM accepts; the message says why. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private static final Pattern CN = Pattern.compile("(?:^|,)\\s*CN=([^,]+)");

    public static CertificateBundle parse(String certificatePem, String chainPem, String privateKeyPem) throws Invalid {
        List<X509Certificate> leaf = certificates(certificatePem, "certificate");
        if (leaf.size() != 1) {
            throw new Invalid("The certificate field contains more than one certificate. You can specify only one certificate in this field.");
        }
        List<X509Certificate> chain = chainPem == null || chainPem.isBlank() ? List.of() : certificates(chainPem, "certificate chain");
        PrivateKey key = privateKey(privateKeyPem, leaf.getFirst().getPublicKey());
        if (!belongTogether(key, leaf.getFirst().getPublicKey())) {
            throw new Invalid("The private key does not match the public key in the certificate.");
        }
        return new CertificateBundle(leaf.getFirst(), chain, key);
    }

    private static List<X509Certificate> certificates(String pem, String field) throws Invalid {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new Invalid("Could not parse the " + field + ": it must be PEM (-----BEGIN CERTIFICATE-----).");
        }
        try {
            Collection<? extends java.security.cert.Certificate> parsed = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> out = new ArrayList<>();
            for (var c : parsed) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new Invalid("Could not parse the " + field + ": it holds no certificate.");
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new Invalid("Could not parse the " + field + ": " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(String pem, PublicKey certified) throws Invalid {
        if (pem == null || pem.isBlank()) {
            throw new Invalid("The private key is missing.");
        }
        if (pem.contains("ENCRYPTED")) {
            throw new Invalid("The private key is encrypted; ACM imports only unencrypted keys.");
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object read = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (read instanceof PEMKeyPair pair) {
                // not getKeyPair: an EC key's PEM need not carry its public half, nor even its curve,
                // which the certificate's public key then names
                PrivateKeyInfo info = pair.getPrivateKeyInfo();
                var parameters = info.getPrivateKeyAlgorithm().getParameters();
                if ((parameters == null || parameters instanceof ASN1Null) && certified.getAlgorithm().equals("EC")) {
                    info = new PrivateKeyInfo(SubjectPublicKeyInfo.getInstance(certified.getEncoded()).getAlgorithm(), info.parsePrivateKey());
                }
                return converter.getPrivateKey(info);
            }
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw new Invalid("The private key is not supported: " + e.getMessage());
        }
        throw new Invalid("The private key is not supported: it must be an unencrypted PEM key (PKCS#8, RSA or EC).");
    }

    private static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
        try {
            String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            byte[] probe = "kumo".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** ACM's name for the key: RSA_2048, EC_prime256v1 and so on. */
    public String keyAlgorithm() {
        PublicKey key = certificate.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            return "RSA_" + rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return switch (ec.getParams().getCurve().getField().getFieldSize()) {
                case 256 -> "EC_prime256v1";
                case 384 -> "EC_secp384r1";
                default -> "EC_secp521r1";
            };
        }
        return key.getAlgorithm();
    }

    /** Subject alternative DNS names, else the subject's common name. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> a : alternatives) {
                    if (Integer.valueOf(2).equals(a.get(0))) {
                        out.add(a.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (java.security.cert.CertificateParsingException e) {
            // no readable alternative names: the common name stands alone
        }
        if (out.isEmpty()) {
            Matcher m = CN.matcher(certificate.getSubjectX500Principal().getName());
            if (m.find()) {
                out.add(m.group(1).trim().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(out);
    }

    public String certificatePem() {
        return pem("CERTIFICATE", encoded(certificate));
    }

    public List<String> chainPem() {
        return chain.stream().map(c -> pem("CERTIFICATE", encoded(c))).toList();
    }

    public String privateKeyPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
