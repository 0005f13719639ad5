package io.kumo.protocols.codec;

import io.kumo.protocols.model.Member;
import io.kumo.protocols.model.Shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes query-style parameters into a value tree by walking the input shape. The EC2 dialect
 * names members by {@link Ec2Names} and always flattens lists; the query dialect uses member
 * names, {@code .member.N} lists and {@code .entry.N.key} maps unless flattened.
 */
final class QueryParamDecoder {
    private final boolean ec2;
    private final ProtocolCodec errors;

    QueryParamDecoder(boolean ec2, ProtocolCodec errors) {
        this.ec2 = ec2;
        this.errors = errors;
    }

    Map<String, Object> decodeStructure(Shape shape, ParamTree node) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Member member : shape.members().values()) {
            ParamTree child = node.child(name(member));
            if (child != null) {
                Object value = decode(member, member.shape(), child);
                if (value != null) {
                    out.put(member.name(), value);
                }
            }
        }
        return out;
    }

    private String name(Member member) {
        return ec2 ? Ec2Names.requestName(member) : member.wireName();
    }

    private Object decode(Member member, Shape shape, ParamTree node) {
        return switch (shape.type()) {
            case "structure" -> {
                node.claim();
                yield decodeStructure(shape, node);
            }
            case "list" -> decodeList(member, shape, node);
            case "map" -> decodeMap(member, shape, node);
            default -> decodeScalar(member, shape, node);
        };
    }

    private Object decodeScalar(Member member, Shape shape, ParamTree node) {
        if (node.value() == null) {
            return null;
        }
        node.claim();
        try {
            String format = member.timestampFormat() != null ? member.timestampFormat() : shape.timestampFormat();
            return Scalars.parse(shape, node.value(), format);
        } catch (RuntimeException e) {
            throw errors.invalidValue(node.path(), node.value(), shape.type());
        }
    }

    private List<Object> decodeList(Member member, Shape shape, ParamTree node) {
        node.claim();
        ParamTree items = node;
        if (!ec2 && !(member.flattened() || shape.flattened())) {
            String itemName = shape.listMember().locationName() != null ? shape.listMember().locationName() : "member";
            items = node.child(itemName);
            if (items == null) {
                return new ArrayList<>();
            }
            items.claim();
        }
        List<Object> out = new ArrayList<>();
        for (ParamTree item : items.indexed()) {
            Object value = decode(shape.listMember(), shape.listMember().shape(), item);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    private Map<String, Object> decodeMap(Member member, Shape shape, ParamTree node) {
        node.claim();
        ParamTree entries = node;
        if (!(member.flattened() || shape.flattened())) {
            entries = node.child("entry");
            if (entries == null) {
                return new LinkedHashMap<>();
            }
            entries.claim();
        }
        String keyName = shape.mapKey().locationName() != null ? shape.mapKey().locationName() : "key";
        String valueName = shape.mapValue().locationName() != null ? shape.mapValue().locationName() : "value";
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamTree entry : entries.indexed()) {
            entry.claim();
            ParamTree key = entry.child(keyName);
            ParamTree value = entry.child(valueName);
            if (key == null || key.value() == null) {
                continue;
            }
            key.claim();
            out.put(key.value(), value == null ? null : decode(shape.mapValue(), shape.mapValue().shape(), value));
        }
        return out;
    }
}
