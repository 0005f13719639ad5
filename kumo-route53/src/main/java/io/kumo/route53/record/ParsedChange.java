package io.kumo.route53.record;

/** One change of a batch, its record set checked field by field. */
record ParsedChange(String action, RecordSet set) {
    static final String CREATE = "CREATE";
    static final String DELETE = "DELETE";
    static final String UPSERT = "UPSERT";
}
