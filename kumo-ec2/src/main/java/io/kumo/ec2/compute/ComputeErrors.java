package io.kumo.ec2.compute;

import io.kumo.core.AwsException;
import io.kumo.ec2.support.Ec2Errors;

import java.util.List;

/** The compute area's error wording where it differs from {@link Ec2Errors}' common forms. */
public final class ComputeErrors {
    private ComputeErrors() {
    }

    public static AwsException instanceNotFound(List<String> ids) {
        return Ec2Errors.notFound(ComputeKinds.INSTANCE, ids);
    }

    public static AwsException instanceNotFound(String id) {
        return Ec2Errors.notFound(ComputeKinds.INSTANCE, id);
    }

    /** EC2 writes image ids in brackets: {@code The image id '[ami-1]' does not exist}. */
    public static AwsException imageNotFound(List<String> ids) {
        String message = ids.size() == 1
                ? "The image id '[" + ids.getFirst() + "]' does not exist"
                : "The image ids '[" + String.join(", ", ids) + "]' do not exist";
        return AwsException.badRequest("InvalidAMIID.NotFound", message);
    }

    public static AwsException volumeNotFound(String id) {
        return AwsException.badRequest("InvalidVolume.NotFound", "The volume '" + id + "' does not exist.");
    }

    public static AwsException snapshotNotFound(String id) {
        return AwsException.badRequest("InvalidSnapshot.NotFound", "The snapshot '" + id + "' does not exist.");
    }

    public static AwsException keyPairNotFound(String name) {
        return AwsException.badRequest("InvalidKeyPair.NotFound", "The key pair '" + name + "' does not exist");
    }

    public static AwsException keyPairIdNotFound(String id) {
        return Ec2Errors.notFound(ComputeKinds.KEY_PAIR, id);
    }

    public static AwsException allocationNotFound(String id) {
        return Ec2Errors.notFound(ComputeKinds.ELASTIC_IP, id);
    }

    public static AwsException associationNotFound(String id) {
        return AwsException.badRequest("InvalidAssociationID.NotFound", "The association ID '" + id + "' does not exist");
    }

    public static AwsException incorrectInstanceState(String message) {
        return AwsException.badRequest("IncorrectInstanceState", message);
    }

    public static AwsException operationNotPermitted(String message) {
        return AwsException.badRequest("OperationNotPermitted", message);
    }

    /** MaxResults and an explicit id list exclude each other in EC2's Describe calls. */
    public static AwsException maxResultsWithIds(String idsParameter) {
        return Ec2Errors.invalidParameterCombination("The parameter " + idsParameter + " cannot be used with the parameter maxResults");
    }
}
