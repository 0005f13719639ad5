package io.kumo.protocols.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.core.AwsException;
import io.kumo.core.http.HttpRequest;
import io.kumo.core.http.HttpResponse;
import io.kumo.protocols.model.Member;
import io.kumo.protocols.model.OperationModel;
import io.kumo.protocols.model.ServiceModel;
import io.kumo.protocols.model.Shape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The AWS JSON 1.0/1.1 protocols: {@code X-Amz-Target: Prefix.Operation}, JSON bodies, {@code __type} errors. */
public final class JsonCodec implements ProtocolCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    @Override
    public OperationModel operationOf(HttpRequest request, ServiceModel model) {
        String target = request.header("x-amz-target");
        if (target == null || target.indexOf('.') < 0) {
            throw AwsException.badRequest("UnknownOperationException", "Missing or malformed X-Amz-Target header");
        }
        String operation = target.substring(target.lastIndexOf('.') + 1);
        return model.operation(operation).orElseThrow(() -> unknownOperation(operation));
    }

    @Override
    public Map<String, Object> decodeInput(HttpRequest request, OperationModel operation) {
        if (operation.input() == null) {
            return new LinkedHashMap<>();
        }
        JsonNode body;
        try {
            body = request.body().length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(request.body());
        } catch (IOException e) {
            throw AwsException.badRequest("SerializationException", "Start of structure or map found where not expected.");
        }
        if (!body.isObject()) {
            throw AwsException.badRequest("SerializationException", "Start of structure or map found where not expected.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) read(operation.input(), null, body, "");
        String missing = RequiredMembers.firstMissing(operation.input(), input, "", false);
        if (missing != null) {
            throw missingParameter(missing);
        }
        return input;
    }

    private Object read(Shape shape, Member member, JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        switch (shape.type()) {
            case "structure" -> {
                requireType(node.isObject(), path, "structure");
                Map<String, Object> out = new LinkedHashMap<>();
                for (Member m : shape.members().values()) {
                    Object v = read(m.shape(), m, node.get(m.wireName()), join(path, m.name()));
                    if (v != null) {
                        out.put(m.name(), v);
                    }
                }
                return out;
            }
            case "list" -> {
                requireType(node.isArray(), path, "list");
                List<Object> out = new ArrayList<>();
                for (JsonNode item : node) {
                    out.add(read(shape.listMember().shape(), shape.listMember(), item, path + ".member"));
                }
                return out;
            }
            case "map" -> {
                requireType(node.isObject(), path, "map");
                Map<String, Object> out = new LinkedHashMap<>();
                node.properties().forEach(e -> out.put(e.getKey(), read(shape.mapValue().shape(), shape.mapValue(), e.getValue(), path)));
                return out;
            }
            default -> {
                return readScalar(shape, member, node, path);
            }
        }
    }

    private Object readScalar(Shape shape, Member member, JsonNode node, String path) {
        try {
            return switch (shape.type()) {
                case "string" -> {
                    requireType(node.isTextual(), path, "string");
                    yield node.asText();
                }
                case "boolean" -> {
                    requireType(node.isBoolean(), path, "boolean");
                    yield node.asBoolean();
                }
                case "integer", "short", "byte" -> {
                    requireType(node.isIntegralNumber(), path, "integer");
                    yield node.asInt();
                }
                case "long" -> {
                    requireType(node.isIntegralNumber(), path, "long");
                    yield node.asLong();
                }
                case "double" -> node.asDouble();
                case "float" -> (float) node.asDouble();
                case "bigdecimal" -> node.decimalValue();
                case "timestamp" -> node.isNumber()
                        ? Instant.ofEpochMilli(node.decimalValue().movePointRight(3).longValue())
                        : Scalars.parseTimestamp(node.asText(), member == null ? null : member.timestampFormat());
                case "blob" -> Base64.getDecoder().decode(node.asText());
                default -> node.toString();
            };
        } catch (AwsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalidValue(path, node.asText(), shape.type());
        }
    }

    private void requireType(boolean ok, String path, String expected) {
        if (!ok) {
            throw AwsException.badRequest("SerializationException",
                    "Unexpected value type for " + (path.isEmpty() ? "input" : path) + ": expected " + expected);
        }
    }

    @Override
    public HttpResponse encodeOutput(String requestId, ServiceModel model, OperationModel operation, Map<String, Object> output) {
        byte[] body = write(gen -> {
            if (operation.output() == null || output == null) {
                gen.writeStartObject();
                gen.writeEndObject();
            } else {
                writeValue(gen, operation.output(), null, output);
            }
        });
        return HttpResponse.of(200, contentType(model), body).withHeader("x-amzn-RequestId", requestId);
    }

    @Override
    public HttpResponse encodeError(String requestId, ServiceModel model, AwsException error) {
        byte[] body = write(gen -> {
            gen.writeStartObject();
            gen.writeStringField("__type", error.code());
            gen.writeStringField("message", error.getMessage() == null ? "" : error.getMessage());
            gen.writeEndObject();
        });
        return HttpResponse.of(error.status(), contentType(model), body)
                .withHeader("x-amzn-RequestId", requestId)
                .withHeader("x-amzn-ErrorType", error.code());
    }

    @SuppressWarnings("unchecked")
    private void writeValue(JsonGenerator gen, Shape shape, Member member, Object value) throws IOException {
        switch (shape.type()) {
            case "structure" -> {
                gen.writeStartObject();
                Map<String, Object> map = (Map<String, Object>) value;
                for (Member m : shape.members().values()) {
                    Object v = map.get(m.name());
                    if (v != null && m.location() == null) {
                        gen.writeFieldName(m.wireName());
                        writeValue(gen, m.shape(), m, v);
                    }
                }
                gen.writeEndObject();
            }
            case "list" -> {
                gen.writeStartArray();
                for (Object item : (List<?>) value) {
                    writeValue(gen, shape.listMember().shape(), shape.listMember(), item);
                }
                gen.writeEndArray();
            }
            case "map" -> {
                gen.writeStartObject();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    gen.writeFieldName(e.getKey().toString());
                    writeValue(gen, shape.mapValue().shape(), shape.mapValue(), e.getValue());
                }
                gen.writeEndObject();
            }
            default -> writeScalar(gen, member, value);
        }
    }

    private void writeScalar(JsonGenerator gen, Member member, Object value) throws IOException {
        switch (value) {
            case String s -> gen.writeString(s);
            case Boolean b -> gen.writeBoolean(b);
            case Integer i -> gen.writeNumber(i);
            case Long l -> gen.writeNumber(l);
            case Double d -> gen.writeNumber(d);
            case Float f -> gen.writeNumber(f);
            case BigDecimal d -> gen.writeNumber(d);
            case byte[] bytes -> gen.writeString(Base64.getEncoder().encodeToString(bytes));
            case Instant instant -> {
                String format = member == null ? null : member.timestampFormat();
                if (format == null || format.equals("unixTimestamp")) {
                    gen.writeNumber(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
                } else {
                    gen.writeString(Scalars.formatTimestamp(instant, format));
                }
            }
            default -> gen.writeString(value.toString());
        }
    }

    private interface JsonWork {
        void write(JsonGenerator gen) throws IOException;
    }

    private static byte[] write(JsonWork work) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            work.write(gen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String contentType(ServiceModel model) {
        String version = model.metadata().jsonVersion() == null ? "1.0" : model.metadata().jsonVersion();
        return "application/x-amz-json-" + version;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    @Override
    public AwsException unknownOperation(String operationName) {
        return AwsException.badRequest("UnknownOperationException", "Unknown operation " + operationName);
    }

    @Override
    public AwsException missingParameter(String memberPath) {
        return AwsException.badRequest("ValidationException",
                "1 validation error detected: Value null at '" + QueryCodec.lowerFirst(memberPath) + "' failed to satisfy constraint: Member must not be null");
    }

    @Override
    public AwsException invalidValue(String memberPath, String value, String expected) {
        return AwsException.badRequest("ValidationException",
                "1 validation error detected: Value '" + value + "' at '" + QueryCodec.lowerFirst(memberPath) + "' failed to satisfy constraint: Member must be " + expected);
    }
}
