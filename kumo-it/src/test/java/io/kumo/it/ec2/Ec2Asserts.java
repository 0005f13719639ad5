package io.kumo.it.ec2;

import org.assertj.core.api.ThrowableAssert;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What every EC2 test uses: asserting EC2's error codes exactly, and building Describe filters. */
public final class Ec2Asserts {
    private Ec2Asserts() {
    }

    public static Ec2Exception fails(String code, ThrowableAssert.ThrowingCallable call) {
        Ec2Exception e = catchThrowableOfType(Ec2Exception.class, call);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).as(e.awsErrorDetails().errorMessage()).isEqualTo(code);
        return e;
    }

    public static String message(Ec2Exception e) {
        return e.awsErrorDetails().errorMessage();
    }

    public static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }
}
