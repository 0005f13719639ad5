package io.kumo.rds.support;

import io.kumo.core.AwsException;

/** The errors RDS answers with, by the codes and HTTP statuses of its model (not-found faults are 404, the rest 400). */
public final class RdsErrors {

    private RdsErrors() {
    }

    public static AwsException of(String code, String message) {
        return AwsException.badRequest(code, message);
    }

    public static AwsException notFound(String code, String message) {
        return AwsException.notFound(code, message);
    }

    public static AwsException invalidValue(String message) {
        return of("InvalidParameterValue", message);
    }

    public static AwsException invalidCombination(String message) {
        return of("InvalidParameterCombination", message);
    }

    /** A required member left out or blank: RDS answers InvalidParameterValue naming it. */
    public static AwsException missing(String parameter) {
        return invalidValue("The parameter " + parameter + " must be provided and must not be blank.");
    }

    public static AwsException instanceNotFound(String id) {
        return notFound("DBInstanceNotFound", "DBInstance " + id + " not found.");
    }

    public static AwsException subnetGroupNotFound(String name) {
        return notFound("DBSubnetGroupNotFoundFault", "DBSubnetGroup '" + name + "' not found.");
    }

    public static AwsException parameterGroupNotFound(String name) {
        return notFound("DBParameterGroupNotFound", "DBParameterGroup not found: " + name);
    }

    public static AwsException optionGroupNotFound(String name) {
        return notFound("OptionGroupNotFoundFault", "Specified OptionGroupName: " + name + " not found.");
    }

    public static AwsException snapshotNotFound(String id) {
        return notFound("DBSnapshotNotFound", "DBSnapshot " + id + " not found.");
    }

    public static AwsException invalidInstanceState(String message) {
        return of("InvalidDBInstanceState", message);
    }
}
