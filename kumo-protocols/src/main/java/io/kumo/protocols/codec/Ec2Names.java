package io.kumo.protocols.codec;

import io.kumo.protocols.model.Member;

/** EC2's naming rule for request parameters: queryName, else capitalised locationName, else the member name. */
final class Ec2Names {
    private Ec2Names() {
    }

    static String requestName(Member member) {
        if (member.queryName() != null) {
            return member.queryName();
        }
        if (member.locationName() != null) {
            String n = member.locationName();
            return Character.toUpperCase(n.charAt(0)) + n.substring(1);
        }
        return member.name();
    }
}
