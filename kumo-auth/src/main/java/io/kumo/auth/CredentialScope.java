package io.kumo.auth;

/**
 * The scope a request was signed for: {@code AKID/20261122/ap-northeast-1/ec2/aws4_request}.
 * The edge routes on it, so it is available before the signature is checked.
 *
 * @param date yyyyMMdd, as signed
 */
public record CredentialScope(String accessKeyId, String date, String region, String service) {
    static final String TERMINATOR = "aws4_request";

    /** The scope as it appears in the string to sign (without the access key). */
    public String scope() {
        return date + "/" + region + "/" + service + "/" + TERMINATOR;
    }

    /**
     * Parses a Credential value. The access key is everything before the last four fields, so a
     * made-up key containing '/' still parses; null when the value has not that shape.
     */
    static CredentialScope parse(String credential) {
        if (credential == null) {
            return null;
        }
        int terminator = credential.lastIndexOf('/');
        int service = terminator > 0 ? credential.lastIndexOf('/', terminator - 1) : -1;
        int region = service > 0 ? credential.lastIndexOf('/', service - 1) : -1;
        int date = region > 0 ? credential.lastIndexOf('/', region - 1) : -1;
        if (date <= 0) {
            return null;
        }
        if (!TERMINATOR.equals(credential.substring(terminator + 1))) {
            return null;
        }
        String dateText = credential.substring(date + 1, region);
        if (dateText.length() != 8 || !digits(dateText)) {
            return null;
        }
        String regionText = credential.substring(region + 1, service);
        String serviceText = credential.substring(service + 1, terminator);
        if (regionText.isEmpty() || serviceText.isEmpty()) {
            return null;
        }
        return new CredentialScope(credential.substring(0, date), dateText, regionText, serviceText);
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
