package io.kumo.route53.runtime;

import io.kumo.route53.health.CheckConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Network safety: only the loopback range is ever probed. */
class ProbeTargetTest {

    private static CheckConfig check(String ip, String fqdn) {
        return new CheckConfig("TCP", ip, 80, null, fqdn, null, 10, 1, false, false, false, null, List.of(), null, List.of());
    }

    @Test
    void loopbackAddressesAndLocalhostNamesAreProbedNothingElse() {
        assertThat(ProbeTarget.of(check("127.0.0.1", null))).isPresent();
        assertThat(ProbeTarget.of(check("127.18.0.5", null))).isPresent();
        assertThat(ProbeTarget.of(check(null, "app.localhost"))).isPresent();
        assertThat(ProbeTarget.of(check(null, "localhost."))).isPresent();
        assertThat(ProbeTarget.of(check("10.0.0.1", null))).isEmpty();
        assertThat(ProbeTarget.of(check("8.8.8.8", null))).isEmpty();
        assertThat(ProbeTarget.of(check("::1", null))).isEmpty();
        assertThat(ProbeTarget.of(check(null, "example.com"))).isEmpty();
        assertThat(ProbeTarget.of(check(null, "localhost.example.com"))).isEmpty();
    }

    @Test
    void aClosedPortFailsAndAnOpenOneSucceeds() throws Exception {
        try (var server = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            var open = new CheckConfig("TCP", "127.0.0.1", server.getLocalPort(), null, null, null, 10, 1, false, false, false, null,
                    List.of(), null, List.of());
            assertThat(EndpointProbe.probe(open, java.net.InetAddress.getLoopbackAddress()).success()).isTrue();
        }
        var http = new CheckConfig("HTTP", "127.0.0.1", 1, "/", null, null, 10, 1, false, false, false, null, List.of(), null, List.of());
        assertThat(EndpointProbe.probe(http, java.net.InetAddress.getLoopbackAddress()).status()).startsWith("Failure");
    }
}
