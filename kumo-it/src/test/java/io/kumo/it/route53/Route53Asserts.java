package io.kumo.it.route53;

import org.assertj.core.api.ThrowableAssert;
import software.amazon.awssdk.services.route53.model.Route53Exception;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Short ways to expect Route 53's errors and to name things uniquely in the shared Kumo. */
final class Route53Asserts {
    private Route53Asserts() {
    }

    static Route53Exception refused(ThrowableAssert.ThrowingCallable call, String code, int status) {
        Route53Exception[] caught = new Route53Exception[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(Route53Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(status);
            caught[0] = e;
        });
        return caught[0];
    }

    static String message(Route53Exception e) {
        return e.awsErrorDetails().errorMessage();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String bare(String zoneId) {
        return zoneId.replace("/hostedzone/", "");
    }
}
