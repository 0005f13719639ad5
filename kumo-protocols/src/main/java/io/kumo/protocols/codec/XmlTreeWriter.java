package io.kumo.protocols.codec;

import io.kumo.core.output.Encodings;
import io.kumo.protocols.bind.SharedTree;
import io.kumo.protocols.model.Member;
import io.kumo.protocols.model.Shape;
import io.kumo.protocols.xml.XmlWriter;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Writes a value tree as XML elements by walking its shape, as the ec2, query and rest-xml
 * protocols do. EC2 wraps every list item in {@code <item>}; the others use the list member's
 * locationName (default {@code member}) unless the list is flattened.
 */
final class XmlTreeWriter {
    private final boolean ec2;

    XmlTreeWriter(boolean ec2) {
        this.ec2 = ec2;
    }

    /** Writes the members of a structure (without an enclosing element). */
    void writeMembers(XmlWriter xml, Shape shape, Map<String, Object> value) {
        for (Member member : shape.members().values()) {
            if (member.location() != null || member.xmlAttribute()) {
                continue;
            }
            Object child = value.get(member.name());
            if (child != null) {
                writeMember(xml, member, child);
            }
        }
    }

    void writeMember(XmlWriter xml, Member member, Object value) {
        Shape shape = member.shape();
        String name = member.wireName();
        if (shape.isList() && (member.flattened() || shape.flattened()) && !ec2) {
            Member item = shape.listMember();
            String itemName = item.locationName() != null ? item.locationName() : name;
            for (Object element : (List<?>) value) {
                writeElement(xml, itemName, item, item.shape(), element);
            }
            return;
        }
        if (shape.isMap() && (member.flattened() || shape.flattened())) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                xml.start(name);
                writeMapEntry(xml, shape, entry);
                xml.end();
            }
            return;
        }
        writeElement(xml, name, member, shape, value);
    }

    private void writeElement(XmlWriter xml, String name, Member member, Shape shape, Object value) {
        if (value instanceof SharedTree tree) {
            xml.raw(tree.slot().derive(new Fragment(this, name, new Encodings.Identity(member)), () -> {
                XmlWriter part = new XmlWriter();
                writeFresh(part, name, member, shape, tree);
                return kept(part.toBytes());
            }));
            return;
        }
        writeFresh(xml, name, member, shape, value);
    }

    @SuppressWarnings("unchecked")
    private void writeFresh(XmlWriter xml, String name, Member member, Shape shape, Object value) {
        xml.start(name);
        String ns = member.xmlNamespace() != null ? member.xmlNamespace() : null;
        if (ns != null) {
            xml.attribute("xmlns", ns);
        }
        switch (shape.type()) {
            case "structure" -> {
                Map<String, Object> map = (Map<String, Object>) value;
                writeAttributes(xml, shape, map);
                writeMembers(xml, shape, map);
            }
            case "list" -> {
                Member item = shape.listMember();
                String itemName = ec2 ? "item" : item.locationName() != null ? item.locationName() : "member";
                for (Object element : (List<?>) value) {
                    writeElement(xml, itemName, item, item.shape(), element);
                }
            }
            case "map" -> {
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    xml.start("entry");
                    writeMapEntry(xml, shape, entry);
                    xml.end();
                }
            }
            default -> xml.text(Scalars.format(value, timestampFormat(member, shape)));
        }
        xml.end();
    }

    private void writeAttributes(XmlWriter xml, Shape shape, Map<String, Object> value) {
        for (Member member : shape.members().values()) {
            if (member.xmlAttribute() && value.get(member.name()) != null) {
                xml.attribute(member.wireName(), Scalars.format(value.get(member.name()), timestampFormat(member, member.shape())));
            }
        }
    }

    private void writeMapEntry(XmlWriter xml, Shape shape, Map.Entry<?, ?> entry) {
        Member key = shape.mapKey();
        Member val = shape.mapValue();
        writeElement(xml, key.locationName() != null ? key.locationName() : "key", key, key.shape(), entry.getKey());
        if (entry.getValue() != null) {
            writeElement(xml, val.locationName() != null ? val.locationName() : "value", val, val.shape(), entry.getValue());
        }
    }

    /**
     * A part kept across responses lives outside the heap: the edge then hands it to the socket
     * without copying it, and the collector does not move it around.
     */
    private static ByteBuffer kept(byte[] xml) {
        return ByteBuffer.allocateDirect(xml.length).put(xml).flip().asReadOnlyBuffer();
    }

    /** An element's XML as this writer writes it under this name, for this member. */
    private record Fragment(XmlTreeWriter writer, String name, Encodings.Identity member) {
    }

    private static String timestampFormat(Member member, Shape shape) {
        return member.timestampFormat() != null ? member.timestampFormat() : shape.timestampFormat();
    }
}
