package io.kumo.elbv2.listener;

import io.kumo.core.store.Tx;
import io.kumo.core.tls.ServerCertificates;
import io.kumo.elbv2.support.Elbv2Errors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An HTTPS listener's certificate and security policy, checked as ELB checks them (exactly one
 * default certificate, from ACM; a policy ELB knows), and which certificates each load balancer
 * uses, for ACM's InUseBy.
 */
public final class ListenerTls {
    public static final String DEFAULT_POLICY = "ELBSecurityPolicy-2016-08";
    /** The policies ELB offers for application load balancers; what each allows is in {@link #protocols}. */
    static final List<String> POLICIES = List.of(DEFAULT_POLICY, "ELBSecurityPolicy-TLS13-1-2-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-Res-2021-06", "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06", "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
            "ELBSecurityPolicy-TLS13-1-1-2021-06", "ELBSecurityPolicy-TLS13-1-0-2021-06", "ELBSecurityPolicy-TLS13-1-3-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09", "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
            "ELBSecurityPolicy-TLS-1-2-Ext-2018-06", "ELBSecurityPolicy-TLS-1-2-2017-01", "ELBSecurityPolicy-TLS-1-1-2017-01",
            "ELBSecurityPolicy-FS-1-2-Res-2020-10", "ELBSecurityPolicy-FS-1-2-Res-2019-08", "ELBSecurityPolicy-FS-1-2-2019-08",
            "ELBSecurityPolicy-FS-1-1-2019-08", "ELBSecurityPolicy-FS-2018-06", "ELBSecurityPolicy-2015-05");

    /** @param certificateArn null for an HTTP listener */
    public record Settings(String sslPolicy, String certificateArn) {
    }

    private ListenerTls() {
    }

    /**
     * The TLS settings of a listener of this protocol: for HTTPS the given ones, or the kept ones
     * where none are given; for HTTP none may be given.
     */
    static Settings check(Tx tx, ServerCertificates certificates, String protocol, List<Certificate> given, String policy, Settings kept) {
        boolean certificatesGiven = given != null && !given.isEmpty();
        if (!protocol.equals("HTTPS")) {
            if (certificatesGiven) {
                throw Elbv2Errors.validation("Certificates cannot be specified for HTTP listeners");
            }
            if (policy != null) {
                throw Elbv2Errors.validation("An SSL policy cannot be specified for HTTP listeners");
            }
            return new Settings(null, null);
        }
        String arn;
        if (certificatesGiven) {
            if (given.size() != 1) {
                throw Elbv2Errors.validation("You must specify exactly one default certificate for an HTTPS listener");
            }
            arn = given.getFirst().certificateArn();
            if (arn == null || certificates.servable(tx, arn).isEmpty()) {
                throw Elbv2Errors.of("CertificateNotFound", "Certificate '" + arn + "' not found");
            }
        } else if (kept != null && kept.certificateArn() != null) {
            arn = kept.certificateArn();
        } else {
            throw Elbv2Errors.validation("A certificate must be specified for HTTPS listeners");
        }
        String chosen = policy != null ? policy : kept != null && kept.sslPolicy() != null ? kept.sslPolicy() : DEFAULT_POLICY;
        if (!POLICIES.contains(chosen)) {
            throw Elbv2Errors.of("SSLPolicyNotFound", "SSL policy '" + chosen + "' not found");
        }
        return new Settings(chosen, arn);
    }

    /** The TLS versions a policy allows, newest first, as JSSE names them (TLS 1.0 and 1.1 are disabled in the JDK anyway). */
    public static List<String> protocols(String policy) {
        if (policy.contains("TLS13-1-3")) {
            return List.of("TLSv1.3");
        }
        if (policy.contains("TLS13")) {
            return List.of("TLSv1.3", "TLSv1.2");
        }
        return List.of("TLSv1.2");
    }

    /** Tells ACM, for each certificate named, whether the load balancer still uses it after a change. */
    static void recordUse(Tx tx, ServerCertificates certificates, String loadBalancerArn, Set<String> certificateArns) {
        Set<String> used = new HashSet<>();
        Listeners.of(tx, loadBalancerArn).forEach(l -> used.addAll(l.certificateArns()));
        for (String arn : certificateArns) {
            if (arn != null) {
                certificates.used(tx, arn, loadBalancerArn, used.contains(arn));
            }
        }
    }
}
