package io.kumo.protocols.codec;

import io.kumo.core.AwsException;
import io.kumo.core.http.HttpRequest;
import io.kumo.core.http.HttpResponse;
import io.kumo.protocols.model.Member;
import io.kumo.protocols.model.OperationModel;
import io.kumo.protocols.model.ServiceModel;
import io.kumo.protocols.model.Shape;
import io.kumo.protocols.xml.XmlWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The rest-xml protocol (Route 53, CloudFront, S3): HTTP bindings from the model, XML payloads. */
public final class RestXmlCodec implements ProtocolCodec {
    private static final String XML = "application/xml";
    private final Map<String, List<Route>> routesByModel = new ConcurrentHashMap<>();
    private final XmlTreeWriter writer = new XmlTreeWriter(false);

    private record Route(OperationModel operation, UriTemplate template) {
    }

    @Override
    public OperationModel operationOf(HttpRequest request, ServiceModel model) {
        Map<String, List<String>> query = request.queryParameters();
        for (Route route : routes(model)) {
            if (route.operation.httpMethod().equals(request.method()) && route.template.match(request.rawPath(), query) != null) {
                return route.operation;
            }
        }
        throw unknownOperation(request.method() + " " + request.rawPath());
    }

    private List<Route> routes(ServiceModel model) {
        return routesByModel.computeIfAbsent(model.name(), n -> {
            List<Route> routes = new ArrayList<>();
            for (String name : model.operationNames()) {
                OperationModel op = model.operation(name).orElseThrow();
                routes.add(new Route(op, new UriTemplate(op.requestUri())));
            }
            routes.sort(Comparator.comparingInt((Route r) -> r.template.specificity()).reversed());
            return List.copyOf(routes);
        });
    }

    @Override
    public Map<String, Object> decodeInput(HttpRequest request, OperationModel operation) {
        Shape shape = operation.input();
        if (shape == null) {
            return new LinkedHashMap<>();
        }
        Map<String, List<String>> query = request.queryParameters();
        Map<String, String> labels = new UriTemplate(operation.requestUri()).match(request.rawPath(), query);
        Map<String, Object> input = new LinkedHashMap<>();
        XmlTreeReader reader = new XmlTreeReader(this);
        for (Member member : shape.members().values()) {
            Object value = switch (member.location() == null ? "" : member.location()) {
                case "uri" -> labels == null ? null : scalar(member, labels.get(member.wireName()));
                case "querystring" -> fromQuery(member, query);
                case "header" -> scalar(member, request.header(member.wireName()));
                case "headers" -> prefixedHeaders(member, request);
                default -> null;
            };
            if (value != null) {
                input.put(member.name(), value);
            }
        }
        if (shape.payload() != null) {
            Member payload = shape.member(shape.payload());
            if (payload.shape().isStructure()) {
                if (request.body().length > 0) {
                    input.put(payload.name(), reader.readStructure(payload.shape(), reader.parse(request.body()), payload.name()));
                }
            } else if (payload.shape().type().equals("blob")) {
                input.put(payload.name(), request.body());
            } else {
                input.put(payload.name(), request.bodyAsString());
            }
        } else if (request.body().length > 0 && hasBodyMembers(shape)) {
            input.putAll(reader.readStructure(shape, reader.parse(request.body()), ""));
        }
        String missing = RequiredMembers.firstMissing(shape, input, "", false);
        if (missing != null) {
            throw missingParameter(missing);
        }
        return input;
    }

    private static boolean hasBodyMembers(Shape shape) {
        return shape.members().values().stream().anyMatch(m -> m.location() == null);
    }

    private Object fromQuery(Member member, Map<String, List<String>> query) {
        List<String> values = query.get(member.wireName());
        if (values == null) {
            return null;
        }
        if (member.shape().isList()) {
            List<Object> out = new ArrayList<>();
            for (String v : values) {
                out.add(scalarOf(member.shape().listMember(), member.shape().listMember().shape(), v, member.wireName()));
            }
            return out;
        }
        return scalar(member, values.getFirst());
    }

    private Map<String, Object> prefixedHeaders(Member member, HttpRequest request) {
        String prefix = member.wireName().toLowerCase(Locale.ROOT);
        Map<String, Object> out = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (name.startsWith(prefix) && !values.isEmpty()) {
                out.put(name.substring(prefix.length()), values.getFirst());
            }
        });
        return out.isEmpty() ? null : out;
    }

    private Object scalar(Member member, String text) {
        return text == null ? null : scalarOf(member, member.shape(), text, member.wireName());
    }

    private Object scalarOf(Member member, Shape shape, String text, String path) {
        try {
            String format = member.timestampFormat() != null ? member.timestampFormat() : shape.timestampFormat();
            if (shape.type().equals("blob")) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
            return Scalars.parse(shape, text, format);
        } catch (RuntimeException e) {
            throw invalidValue(path, text, shape.type());
        }
    }

    @Override
    public HttpResponse encodeOutput(String requestId, ServiceModel model, OperationModel operation, Map<String, Object> output) {
        Shape shape = operation.output();
        int status = operation.responseCode();
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];
        String contentType = null;
        if (shape != null && output != null) {
            for (Member member : shape.members().values()) {
                Object value = output.get(member.name());
                if (value == null) {
                    continue;
                }
                switch (member.location() == null ? "" : member.location()) {
                    case "header" -> headers.put(member.wireName(), Scalars.format(value,
                            member.timestampFormat() != null ? member.timestampFormat() : "rfc822"));
                    case "headers" -> ((Map<?, ?>) value).forEach((k, v) -> headers.put(member.wireName() + k, String.valueOf(v)));
                    case "statusCode" -> status = (Integer) value;
                    default -> {
                    }
                }
            }
            if (shape.payload() != null) {
                Member payload = shape.member(shape.payload());
                Object value = output.get(payload.name());
                if (value instanceof byte[] bytes) {
                    body = bytes;
                } else if (value instanceof String s) {
                    body = s.getBytes(StandardCharsets.UTF_8);
                } else if (value != null) {
                    body = xmlDocument(rootName(payload.shape(), payload.wireName()), namespace(model, operation), payload.shape(), value);
                    contentType = XML;
                }
            } else if (hasBodyMembers(shape)) {
                body = xmlDocument(rootName(shape, shape.name()), namespace(model, operation), shape, output);
                contentType = XML;
            }
        }
        HttpResponse response = HttpResponse.of(status, contentType, body).withHeader("x-amzn-RequestId", requestId);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            response = response.withHeader(h.getKey(), h.getValue());
        }
        return response;
    }

    @SuppressWarnings("unchecked")
    private byte[] xmlDocument(String root, String namespace, Shape shape, Object value) {
        XmlWriter xml = new XmlWriter().declaration();
        xml.start(root);
        if (namespace != null) {
            xml.attribute("xmlns", namespace);
        }
        writer.writeMembers(xml, shape, (Map<String, Object>) value);
        return xml.toBytes();
    }

    private static String rootName(Shape shape, String fallback) {
        return shape.locationName() != null ? shape.locationName() : fallback;
    }

    private static String namespace(ServiceModel model, OperationModel operation) {
        return namespace(model, operation.inputXmlNamespace());
    }

    private static String namespace(ServiceModel model, String operationNamespace) {
        if (operationNamespace != null) {
            return operationNamespace;
        }
        if (model.metadata().xmlNamespace() != null) {
            return model.metadata().xmlNamespace();
        }
        return switch (model.name()) {
            case "route53" -> "https://route53.amazonaws.com/doc/" + model.metadata().apiVersion() + "/";
            case "s3" -> "http://s3.amazonaws.com/doc/2006-03-01/";
            case "cloudfront" -> "http://cloudfront.amazonaws.com/doc/" + model.metadata().apiVersion() + "/";
            default -> null;
        };
    }

    @Override
    public HttpResponse encodeError(String requestId, ServiceModel model, AwsException error) {
        XmlWriter xml = new XmlWriter().declaration();
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (model.name().equals("s3")) {
            xml.start("Error").element("Code", error.code()).element("Message", message).element("RequestId", requestId).end();
        } else {
            xml.start("ErrorResponse");
            String ns = namespace(model, (String) null);
            if (ns != null) {
                xml.attribute("xmlns", ns);
            }
            xml.start("Error")
                    .element("Type", error.senderFault() ? "Sender" : "Receiver")
                    .element("Code", error.code())
                    .element("Message", message)
                    .end()
                    .element("RequestId", requestId)
                    .end();
        }
        return HttpResponse.of(error.status(), XML, xml.toBytes()).withHeader("x-amzn-RequestId", requestId);
    }

    @Override
    public AwsException unknownOperation(String operationName) {
        return new AwsException("InvalidAction", "No operation matches " + operationName, 404);
    }

    @Override
    public AwsException missingParameter(String memberPath) {
        return AwsException.badRequest("InvalidInput", "Missing required parameter " + memberPath);
    }

    @Override
    public AwsException invalidValue(String memberPath, String value, String expected) {
        return AwsException.badRequest("InvalidInput", "Invalid value '" + value + "' for " + memberPath + ": expected " + expected);
    }
}
