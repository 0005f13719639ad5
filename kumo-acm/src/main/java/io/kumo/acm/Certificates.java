package io.kumo.acm;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;

import java.util.regex.Pattern;

/** Looking certificates up by ARN, with ACM's errors. */
final class Certificates {
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[0-9a-f-]{36}");

    private Certificates() {
    }

    static CertificateRecord require(Tx tx, String arn) {
        if (!ARN.matcher(arn).matches()) {
            throw AwsException.badRequest("InvalidArnException", "The ARN " + arn + " is not valid.");
        }
        return tx.get(CertificateRecord.TABLE, arn).orElseThrow(() ->
                AwsException.badRequest("ResourceNotFoundException", "Could not find certificate " + arn + "."));
    }
}
