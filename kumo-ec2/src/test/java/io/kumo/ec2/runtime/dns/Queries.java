package io.kumo.ec2.runtime.dns;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;

import java.util.List;

/** Fixtures shared by the resolver tests. */
final class Queries {
    static final String REGION = "ap-northeast-1";
    static final String VPC = "vpc-aaaa";
    static final String OTHER_VPC = "vpc-bbbb";
    /** Two instances here, one with a public address; another VPC reusing 10.0.0.5. */
    static final List<HostEntry> HOSTS = List.of(
            new HostEntry("10.0.0.5", "127.18.0.1", VPC),
            new HostEntry("10.0.0.6", null, VPC),
            new HostEntry("10.0.0.5", "127.18.0.2", OTHER_VPC),
            new HostEntry("10.1.0.7", null, OTHER_VPC));

    private Queries() {
    }

    static VpcNames names(boolean dnsSupport, boolean dnsHostnames) {
        return new VpcNames(VPC, REGION, dnsSupport, dnsHostnames, HOSTS);
    }

    static Message query(String name, int type) {
        return query(name, type, DClass.IN);
    }

    static Message query(String name, int type, int dclass) {
        return Message.newQuery(Record.newRecord(name(name), type, dclass));
    }

    static Name name(String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
