package io.kumo.route53.record.rdata;

/** A value a record type refuses, with AWS's problem code and description. */
public final class BadRdata extends RuntimeException {
    private final String code;
    private final String reason;

    public BadRdata(String code, String reason) {
        super(code + " (" + reason + ")", null, false, false);
        this.code = code;
        this.reason = reason;
    }

    /** AWS's wording: Invalid Resource Record: 'FATAL problem: CODE (reason) encountered with 'value''. */
    public String describe(String value) {
        return "Invalid Resource Record: 'FATAL problem: " + code + " (" + reason + ") encountered with '" + value + "''";
    }
}
