package io.kumo.core;

/** Who signed a request. The account root unless IAM says otherwise. */
public record Principal(String accountId, String arn, String userId, String accessKeyId, boolean root) {

    public static Principal root(String accountId, String accessKeyId) {
        return new Principal(accountId, "arn:aws:iam::" + accountId + ":root", accountId, accessKeyId, true);
    }
}
