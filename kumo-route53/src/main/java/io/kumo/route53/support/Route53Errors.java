package io.kumo.route53.support;

import io.kumo.core.AwsException;

import java.util.List;

/** The errors Route 53 answers with, by its codes and HTTP statuses. */
public final class Route53Errors {

    private Route53Errors() {
    }

    public static AwsException invalidInput(String message) {
        return AwsException.badRequest("InvalidInput", message);
    }

    /** AWS lists every problem of a batch, bracketed and comma-separated, in one message. */
    public static AwsException invalidChangeBatch(List<String> messages) {
        return AwsException.badRequest("InvalidChangeBatch", "[" + String.join(", ", messages) + "]");
    }

    public static AwsException invalidChangeBatch(String message) {
        return invalidChangeBatch(List.of(message));
    }

    public static AwsException noSuchHostedZone(String id) {
        return AwsException.notFound("NoSuchHostedZone", "No hosted zone found with ID: " + id);
    }

    public static AwsException noSuchHealthCheck(String id) {
        return AwsException.notFound("NoSuchHealthCheck", "No health check exists with the specified ID " + id);
    }

    public static AwsException noSuchChange(String id) {
        return AwsException.notFound("NoSuchChange", "A change with the specified change ID does not exist: " + id);
    }

    public static AwsException invalidDomainName(String name) {
        return AwsException.badRequest("InvalidDomainName", name + " is not a valid domain name.");
    }

    public static AwsException of(String code, String message, int status) {
        return new AwsException(code, message, status);
    }
}
