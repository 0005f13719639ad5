package io.kumo.route53.record.rdata;

import org.xbill.DNS.Address;

import java.util.Locale;

/** AAAA: an IPv6 address in any of its text forms; kept as written, lower case. */
public final class AaaaRdata implements RdataType {

    @Override
    public String type() {
        return "AAAA";
    }

    @Override
    public String check(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.contains(":") || Address.toByteArray(v, Address.IPv6) == null) {
            throw new BadRdata("AAAARRDATAIllegalIPv6Address", "Value is not a valid IPv6 address");
        }
        return v;
    }
}
