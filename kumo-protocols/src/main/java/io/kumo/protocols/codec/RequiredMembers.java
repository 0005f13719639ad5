package io.kumo.protocols.codec;

import io.kumo.protocols.model.Member;
import io.kumo.protocols.model.Shape;

import java.util.List;
import java.util.Map;

/** Checks the model's {@code required} lists over a decoded input tree, depth first. */
final class RequiredMembers {
    private RequiredMembers() {
    }

    /** Returns the path of the first missing required member, or null. */
    static String firstMissing(Shape shape, Object value, String path, boolean ec2Names) {
        if (shape.isStructure() && value instanceof Map<?, ?> map) {
            for (String name : shape.required()) {
                Member member = shape.member(name);
                if (member == null) {
                    continue;
                }
                if (member.location() != null && !"querystring".equals(member.location()) && !"header".equals(member.location())) {
                    continue;
                }
                if (!map.containsKey(name)) {
                    return join(path, wireName(member, ec2Names));
                }
            }
            for (Member member : shape.members().values()) {
                Object child = map.get(member.name());
                if (child != null) {
                    String missing = firstMissing(member.shape(), child, join(path, wireName(member, ec2Names)), ec2Names);
                    if (missing != null) {
                        return missing;
                    }
                }
            }
        } else if (shape.isList() && value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String missing = firstMissing(shape.listMember().shape(), list.get(i), path + "." + (i + 1), ec2Names);
                if (missing != null) {
                    return missing;
                }
            }
        }
        return null;
    }

    private static String wireName(Member member, boolean ec2Names) {
        return ec2Names ? Ec2Names.requestName(member) : member.name();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
