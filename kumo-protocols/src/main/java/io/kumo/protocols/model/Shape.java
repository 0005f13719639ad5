package io.kumo.protocols.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A shape of a service model. {@code type} is one of structure, list, map, string, integer,
 * long, boolean, double, float, timestamp, blob (and the rarer byte, short, bigdecimal...).
 */
public record Shape(
        String name,
        String type,
        Map<String, Member> members,
        Set<String> required,
        Member listMember,
        Member mapKey,
        Member mapValue,
        boolean flattened,
        String locationName,
        String xmlNamespace,
        String timestampFormat,
        String payload,
        ErrorTrait error,
        boolean exception,
        List<String> enumValues,
        Long min,
        Long max,
        String pattern,
        boolean document) {

    public boolean isStructure() {
        return type.equals("structure");
    }

    public boolean isList() {
        return type.equals("list");
    }

    public boolean isMap() {
        return type.equals("map");
    }

    public Member member(String memberName) {
        return members.get(memberName);
    }
}
