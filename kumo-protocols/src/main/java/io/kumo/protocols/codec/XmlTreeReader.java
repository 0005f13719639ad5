package io.kumo.protocols.codec;

import io.kumo.core.AwsException;
import io.kumo.protocols.model.Member;
import io.kumo.protocols.model.Shape;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an XML request body into a value tree by walking its shape (rest-xml). */
final class XmlTreeReader {
    private final ProtocolCodec errors;

    XmlTreeReader(ProtocolCodec errors) {
        this.errors = errors;
    }

    Element parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (Exception e) {
            throw AwsException.badRequest("MalformedXML",
                    "The XML you provided was not well-formed or did not validate against our published schema.");
        }
    }

    Map<String, Object> readStructure(Shape shape, Element element, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Member member : shape.members().values()) {
            if (member.location() != null) {
                continue;
            }
            Object value;
            if (member.xmlAttribute()) {
                String attr = element.getAttribute(member.wireName());
                value = attr.isEmpty() ? null : scalar(member, member.shape(), attr, path);
            } else if (member.shape().isList() && (member.flattened() || member.shape().flattened())) {
                Member item = member.shape().listMember();
                String name = item.locationName() != null ? item.locationName() : member.wireName();
                List<Element> found = children(element, name);
                value = found.isEmpty() ? null : readItems(item, found, path + "." + member.name());
            } else {
                List<Element> found = children(element, member.wireName());
                value = found.isEmpty() ? null : read(member, member.shape(), found.getFirst(), path + "." + member.name());
            }
            if (value != null) {
                out.put(member.name(), value);
            }
        }
        return out;
    }

    private Object read(Member member, Shape shape, Element element, String path) {
        return switch (shape.type()) {
            case "structure" -> readStructure(shape, element, path);
            case "list" -> {
                Member item = shape.listMember();
                yield readItems(item, children(element, item.locationName() != null ? item.locationName() : "member"), path);
            }
            case "map" -> {
                Map<String, Object> out = new LinkedHashMap<>();
                String keyName = shape.mapKey().locationName() != null ? shape.mapKey().locationName() : "key";
                String valueName = shape.mapValue().locationName() != null ? shape.mapValue().locationName() : "value";
                for (Element entry : children(element, "entry")) {
                    List<Element> k = children(entry, keyName);
                    List<Element> v = children(entry, valueName);
                    if (!k.isEmpty()) {
                        out.put(k.getFirst().getTextContent(), v.isEmpty() ? null : read(shape.mapValue(), shape.mapValue().shape(), v.getFirst(), path));
                    }
                }
                yield out;
            }
            default -> scalar(member, shape, element.getTextContent(), path);
        };
    }

    private List<Object> readItems(Member item, List<Element> elements, String path) {
        List<Object> out = new ArrayList<>();
        for (Element e : elements) {
            out.add(read(item, item.shape(), e, path));
        }
        return out;
    }

    private Object scalar(Member member, Shape shape, String text, String path) {
        try {
            String format = member.timestampFormat() != null ? member.timestampFormat() : shape.timestampFormat();
            return Scalars.parse(shape, text, format);
        } catch (RuntimeException e) {
            throw errors.invalidValue(path.startsWith(".") ? path.substring(1) : path, text, shape.type());
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }
}
