package io.kumo.route53.record.rdata;

/**
 * The value rules of one record type. {@link #check} answers the value as Route 53 stores and
 * returns it (AWS keeps values as written, only trimmed), or throws {@link BadRdata} with the
 * problem AWS names. Every value it accepts is also master-file text that dnsjava parses
 * ({@code Record.fromString(name, type, IN, ttl, value, Name.root)}), which the DNS server uses.
 */
public interface RdataType {

    String type();

    String check(String value);

    /** Whether a record set of this type may hold more than one value (CNAME and SOA hold exactly one). */
    default boolean manyValues() {
        return true;
    }
}
