package io.kumo.core.tls;

import io.kumo.core.store.Tx;

import java.util.List;
import java.util.Optional;

/**
 * Certificates that other services serve TLS with (a contract provided by the ACM module), as a
 * load balancer's HTTPS listener does with its certificate ARN; their users are recorded, because
 * ACM refuses to delete a certificate in use.
 */
public interface ServerCertificates {

    /**
     * @param chainPem      the certificate first, then its chain, each a PEM block
     * @param privateKeyPem the private key as an unencrypted PKCS#8 PEM block
     * @param names         the names it is valid for (subject alternative names, else the common name)
     */
    record KeyMaterial(String certificateArn, List<String> chainPem, String privateKeyPem, List<String> names) {
        public KeyMaterial {
            chainPem = List.copyOf(chainPem);
            names = List.copyOf(names);
        }
    }

    /** The certificate with its key, if it exists in the caller's account and region and can be served (issued, with a key). */
    Optional<KeyMaterial> servable(Tx tx, String certificateArn);

    /** Records that {@code resourceArn} uses (or no longer uses) the certificate; nothing happens if it is gone. */
    void used(Tx tx, String certificateArn, String resourceArn, boolean inUse);
}
