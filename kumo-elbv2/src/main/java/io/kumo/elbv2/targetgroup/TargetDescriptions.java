package io.kumo.elbv2.targetgroup;

import io.kumo.core.net.Ipv4Address;
import io.kumo.core.net.Ipv4Cidr;
import io.kumo.elbv2.support.Elbv2Errors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

import java.util.List;
import java.util.regex.Pattern;

/** The form of the targets a request names, before anything is looked up. */
final class TargetDescriptions {
    static final String ALL_ZONES = "all";
    private static final Pattern INSTANCE_ID = Pattern.compile("i-([0-9a-f]{8}|[0-9a-f]{17})");
    /** Where ip targets outside the group's VPC may be: RFC 1918 and RFC 6598 (shared address space). */
    static final List<Ipv4Cidr> PRIVATE_RANGES = List.of(Ipv4Cidr.parse("10.0.0.0/8"), Ipv4Cidr.parse("172.16.0.0/12"),
            Ipv4Cidr.parse("192.168.0.0/16"), Ipv4Cidr.parse("100.64.0.0/10"));

    private TargetDescriptions() {
    }

    /** The target's port: as given, or the group's. */
    static int port(TargetDescription target, TargetGroupRecord group) {
        return target.port() == null ? group.port() : Limits.range(target.port(), 1, 65535, "port");
    }

    /** Checks the id's form for the group's target type. */
    static String id(TargetDescription target, TargetGroupRecord group) {
        String id = target.id();
        if (id == null) {
            throw Elbv2Errors.missing("Id");
        }
        if (group.targetType().equals("instance")) {
            if (!INSTANCE_ID.matcher(id).matches()) {
                throw Elbv2Errors.validation("Instance ID '" + id + "' is not valid");
            }
        } else {
            ipAddress(id);
        }
        return id;
    }

    static Ipv4Address ipAddress(String id) {
        try {
            return Ipv4Address.parse(id);
        } catch (IllegalArgumentException e) {
            throw Elbv2Errors.validation("The IP address '" + id + "' is not a valid IPv4 address");
        }
    }
}
