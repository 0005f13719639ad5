package io.kumo.ec2.support;

import io.kumo.core.AwsException;

import java.util.List;

/** EC2's error codes and message wording, in one place. */
public final class Ec2Errors {
    private Ec2Errors() {
    }

    public static AwsException invalidParameterValue(String message) {
        return AwsException.badRequest("InvalidParameterValue", message);
    }

    public static AwsException invalidParameterCombination(String message) {
        return AwsException.badRequest("InvalidParameterCombination", message);
    }

    public static AwsException missingParameter(String parameter) {
        return AwsException.badRequest("MissingParameter", "The request must contain the parameter " + parameter);
    }

    public static AwsException dependencyViolation(String message) {
        return AwsException.badRequest("DependencyViolation", message);
    }

    public static AwsException incorrectState(String message) {
        return AwsException.badRequest("IncorrectState", message);
    }

    public static AwsException dryRun() {
        return new AwsException("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
    }

    /** {@code The vpc ID 'vpc-1' does not exist} for one id, the plural form for several. */
    public static AwsException notFound(ResourceKind kind, List<String> ids) {
        String message = ids.size() == 1
                ? "The " + kind.messageNoun() + " '" + ids.getFirst() + "' does not exist"
                : "The " + kind.messageNounPlural() + " '" + String.join(", ", ids) + "' do not exist";
        return AwsException.badRequest(kind.notFoundCode(), message);
    }

    public static AwsException notFound(ResourceKind kind, String id) {
        return notFound(kind, List.of(id));
    }

    /** {@code Invalid id: "vpc-zz" (expecting "vpc-...")}. */
    public static AwsException malformed(ResourceKind kind, String id) {
        return AwsException.badRequest(kind.malformedCode(),
                "Invalid id: \"" + id + "\" (expecting \"" + kind.prefix() + "-...\")");
    }
}
