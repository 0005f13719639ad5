package io.kumo.protocols.bind;

import io.kumo.core.output.Encodings;
import io.kumo.core.output.Slot;
import io.kumo.protocols.model.Member;
import io.kumo.protocols.model.Shape;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.Buildable;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moves values between protocol value trees (maps keyed by model member name) and the AWS SDK
 * for Java v2 model classes that handlers use as typed values. It walks each class's own
 * {@code sdkFields()}, whose member names are the model's, so no per-shape code is needed.
 */
public final class SdkBinder {
    private static final Map<Class<?>, MethodHandle> BUILDERS = new ConcurrentHashMap<>();

    private SdkBinder() {
    }

    /** Builds an SDK object of {@code type} (a class with a static {@code builder()}) from a tree. */
    public static <T> T toPojo(Class<T> type, Map<String, Object> tree) {
        return toPojo(type, tree, null);
    }

    /** As {@link #toPojo(Class, Map)}, with the model shape that names the tree's members. */
    public static <T> T toPojo(Class<T> type, Map<String, Object> tree, Shape shape) {
        SdkPojo builder = newBuilder(type);
        fill(builder, tree, shape);
        return type.cast(((Buildable) builder).build());
    }

    /** Turns an SDK object into a tree keyed by member name; unset members are left out. */
    public static Map<String, Object> toTree(SdkPojo pojo) {
        return toTree(pojo, null);
    }

    /** As {@link #toTree(SdkPojo)}, keyed by the member names of the model shape. */
    public static Map<String, Object> toTree(SdkPojo pojo, Shape shape) {
        Slot slot = Encodings.slotOf(pojo);
        if (slot == null) {
            return walk(pojo, shape);
        }
        return slot.derive(new Encodings.Identity(shape == null ? SdkBinder.class : shape),
                () -> new SharedTree(walk(pojo, shape), slot));
    }

    private static Map<String, Object> walk(SdkPojo pojo, Shape shape) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            Member member = memberOf(field, shape);
            Object converted = fromSdk(field, value, member == null ? null : member.shape());
            if (converted != null) {
                out.put(member == null ? field.memberName() : member.name(), converted);
            }
        }
        return out;
    }

    /**
     * The model member an SDK field stands for. The SDK renames members whose names clash with
     * Java (EC2's {@code Return} becomes {@code ReturnValue}), so the name alone does not always match.
     */
    private static Member memberOf(SdkField<?> field, Shape shape) {
        if (shape == null || !shape.isStructure()) {
            return null;
        }
        String name = field.memberName();
        Member member = shape.member(name);
        if (member == null && name.endsWith("Value")) {
            member = shape.member(name.substring(0, name.length() - "Value".length()));
        }
        if (member == null) {
            member = byWireName(field, shape);
        }
        return member;
    }

    /** Renamed members still carry the model's wire name (EC2's Image.Public is the SDK's PublicLaunchPermissions). */
    private static Member byWireName(SdkField<?> field, Shape shape) {
        for (Member candidate : shape.members().values()) {
            String wire = candidate.wireName();
            if (wire.equalsIgnoreCase(field.unmarshallLocationName()) || wire.equalsIgnoreCase(field.locationName())) {
                return candidate;
            }
        }
        return null;
    }

    private static SdkPojo newBuilder(Class<?> type) {
        MethodHandle handle = BUILDERS.computeIfAbsent(type, t -> {
            try {
                return MethodHandles.publicLookup().findStatic(t, "builder", MethodType.methodType(t.getMethod("builder").getReturnType()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(t + " is not an SDK model class", e);
            }
        });
        try {
            return (SdkPojo) handle.invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot build " + type, e);
        }
    }

    private static void fill(SdkPojo builder, Map<String, Object> tree, Shape shape) {
        for (SdkField<?> field : builder.sdkFields()) {
            Member member = memberOf(field, shape);
            Object value = tree.get(member == null ? field.memberName() : member.name());
            if (value != null) {
                field.set(builder, toSdk(field, value, member == null ? null : member.shape()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object toSdk(SdkField<?> field, Object value, Shape shape) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            fill(nested, (Map<String, Object>) value, shape);
            return ((Buildable) nested).build();
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            Shape itemShape = shape != null && shape.isList() ? shape.listMember().shape() : null;
            List<Object> out = new ArrayList<>();
            for (Object item : (List<?>) value) {
                out.add(item == null ? null : toSdk(member, item, itemShape));
            }
            return out;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Shape valueShape = shape != null && shape.isMap() ? shape.mapValue().shape() : null;
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) value).forEach((k, v) -> out.put(k, v == null ? null : toSdk(member, v, valueShape)));
            return out;
        }
        return scalarToSdk(type, value);
    }

    private static Object scalarToSdk(MarshallingType<?> type, Object value) {
        if (type == MarshallingType.STRING) {
            return value instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : value.toString();
        }
        if (type == MarshallingType.SDK_BYTES) {
            return value instanceof byte[] b ? SdkBytes.fromByteArray(b) : SdkBytes.fromUtf8String(value.toString());
        }
        if (type == MarshallingType.INTEGER) {
            return value instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(value.toString());
        }
        if (type == MarshallingType.LONG) {
            return value instanceof Number n ? Long.valueOf(n.longValue()) : Long.valueOf(value.toString());
        }
        if (type == MarshallingType.DOUBLE) {
            return value instanceof Number n ? Double.valueOf(n.doubleValue()) : Double.valueOf(value.toString());
        }
        if (type == MarshallingType.FLOAT) {
            return value instanceof Number n ? Float.valueOf(n.floatValue()) : Float.valueOf(value.toString());
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        }
        if (type == MarshallingType.BOOLEAN) {
            return value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
        }
        if (type == MarshallingType.INSTANT) {
            return (Instant) value;
        }
        return value;
    }

    private static Object fromSdk(SdkField<?> field, Object value, Shape shape) {
        if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
            return null;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return toTree((SdkPojo) value, shape);
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            Shape itemShape = shape != null && shape.isList() ? shape.listMember().shape() : null;
            List<Object> out = new ArrayList<>();
            for (Object item : (List<?>) value) {
                Object converted = fromSdk(member, item, itemShape);
                if (converted != null) {
                    out.add(converted);
                }
            }
            return out;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Shape valueShape = shape != null && shape.isMap() ? shape.mapValue().shape() : null;
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> out.put(k.toString(), fromSdk(member, v, valueShape)));
            return out;
        }
        if (value instanceof SdkBytes bytes) {
            return bytes.asByteArray();
        }
        return value;
    }
}
