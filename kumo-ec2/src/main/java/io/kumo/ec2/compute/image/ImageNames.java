package io.kumo.ec2.compute.image;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.ec2.support.Ec2Errors;

import java.util.regex.Pattern;

/** AMI names as EC2 takes them: 3 to 128 characters of a small alphabet, unique among an account's images in a region. */
public final class ImageNames {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9()\\[\\] ./\\-'@_]{3,128}");

    private ImageNames() {
    }

    public static String check(String name) {
        if (name == null) {
            throw Ec2Errors.missingParameter("Name");
        }
        if (!ALLOWED.matcher(name).matches()) {
            // EC2's message lists fewer characters than it accepts (brackets, spaces, quotes and @ pass too).
            throw AwsException.badRequest("InvalidAMIName.Malformed", "AMI names must be between 3 and 128 characters long, "
                    + "and may contain letters, numbers, '(', ')', '.', '-', '/' and '_'");
        }
        return name;
    }

    /** Registered images of the account and region keep their names; deregistered ones free them. */
    public static void requireUnused(Tx tx, String name) {
        tx.list(ImageRecord.TABLE).stream().filter(i -> i.name().equals(name)).findFirst().ifPresent(i -> {
            throw AwsException.badRequest("InvalidAMIName.Duplicate", "AMI name " + name + " is already in use by AMI " + i.imageId());
        });
    }
}
