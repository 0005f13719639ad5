package io.kumo.ec2.runtime.imds;

import java.util.Objects;

/** The instance profile associated with an instance, as iam/info shows it. */
public record IamInstanceProfile(String arn, String id) {

    public IamInstanceProfile {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(id, "id");
    }
}
