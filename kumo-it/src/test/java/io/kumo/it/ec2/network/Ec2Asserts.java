package io.kumo.it.ec2.network;

import org.assertj.core.api.ThrowableAssert;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Asserting EC2's error codes exactly. */
final class Ec2Asserts {
    private Ec2Asserts() {
    }

    static Ec2Exception fails(String code, ThrowableAssert.ThrowingCallable call) {
        Ec2Exception e = catchThrowableOfType(Ec2Exception.class, call);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).as(e.awsErrorDetails().errorMessage()).isEqualTo(code);
        return e;
    }

    static String message(Ec2Exception e) {
        return e.awsErrorDetails().errorMessage();
    }
}
