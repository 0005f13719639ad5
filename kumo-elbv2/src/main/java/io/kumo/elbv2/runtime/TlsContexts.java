package io.kumo.elbv2.runtime;

import io.kumo.elbv2.listener.ListenerTls;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The TLS side of HTTPS listeners: one server context per certificate, policy and HTTP/2 setting,
 * made once. ALPN offers h2 (where routing.http2.enabled) and http/1.1; the policy bounds the TLS
 * versions.
 */
final class TlsContexts {
    private final Map<String, SslContext> made = new ConcurrentHashMap<>();

    SslContext of(ElbPlans.Tls tls) {
        String key = tls.certificate().certificateArn() + "|" + tls.certificate().chainPem().hashCode() + "|"
                + tls.certificate().privateKeyPem().hashCode() + "|" + tls.sslPolicy() + "|" + tls.http2();
        return made.computeIfAbsent(key, k -> build(tls));
    }

    private static SslContext build(ElbPlans.Tls tls) {
        byte[] chain = String.join("", tls.certificate().chainPem()).getBytes(StandardCharsets.US_ASCII);
        byte[] key = tls.certificate().privateKeyPem().getBytes(StandardCharsets.US_ASCII);
        String[] alpn = tls.http2() ? new String[]{ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1}
                : new String[]{ApplicationProtocolNames.HTTP_1_1};
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(new ByteArrayInputStream(chain), new ByteArrayInputStream(key))
                    .sslProvider(SslProvider.JDK)
                    .protocols(ListenerTls.protocols(tls.sslPolicy()))
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, alpn));
            if (tls.http2()) {
                // HTTP/2 forbids the older suites a TLS 1.2 handshake could otherwise pick
                builder.ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE);
            }
            return builder.build();
        } catch (javax.net.ssl.SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("the certificate " + tls.certificate().certificateArn() + " cannot be served: " + e.getMessage(), e);
        }
    }
}
