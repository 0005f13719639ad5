package io.kumo.protocols.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An AWS service model (the botocore/C2J {@code service-2.json}), read from Kumo's resources,
 * where tools/refresh-models.py keeps it as one line per operation and per shape. Each is parsed
 * on first use: EC2's model has thousands of shapes and a request touches a handful, so start-up
 * does not pay for parsing them all.
 */
public final class ServiceModel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ServiceModel> LOADED = new ConcurrentHashMap<>();

    private final String name;
    private final Metadata metadata;
    private final Map<String, String> operationSources;
    private final Map<String, String> shapeSources;
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();
    private final Map<String, OperationModel> operations = new ConcurrentHashMap<>();

    private ServiceModel(String name, JsonNode metadata, Map<String, String> operations, Map<String, String> shapes) {
        this.name = name;
        this.metadata = readMetadata(metadata);
        this.operationSources = operations;
        this.shapeSources = shapes;
    }

    /** Loads a model shipped with Kumo by its name (ec2, sts, route53...), once per process. */
    public static ServiceModel load(String name) {
        return LOADED.computeIfAbsent(name, ServiceModel::read);
    }

    private static ServiceModel read(String name) {
        String resource = "/io/kumo/protocols/models/" + name + ".jsonl";
        try (InputStream in = ServiceModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no service model " + name);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            JsonNode metadata = null;
            Map<String, String> operations = new LinkedHashMap<>();
            Map<String, String> shapes = new java.util.HashMap<>();
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = text.length();
                }
                int tab1 = text.indexOf('\t', start);
                int tab2 = text.indexOf('\t', tab1 + 1);
                if (tab1 > start && tab2 > tab1 && tab2 < end) {
                    String key = text.substring(tab1 + 1, tab2);
                    String json = text.substring(tab2 + 1, end);
                    switch (text.charAt(start)) {
                        case 'M' -> metadata = JSON.readTree(json);
                        case 'O' -> operations.put(key, json);
                        case 'S' -> shapes.put(key, json);
                        default -> throw new IllegalStateException("bad line in model " + name);
                    }
                }
                start = end + 1;
            }
            if (metadata == null) {
                throw new IllegalStateException("model " + name + " has no metadata line");
            }
            return new ServiceModel(name, metadata, operations, shapes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public Metadata metadata() {
        return metadata;
    }

    public Optional<OperationModel> operation(String operationName) {
        if (!operationSources.containsKey(operationName)) {
            return Optional.empty();
        }
        return Optional.of(operations.computeIfAbsent(operationName, n -> readOperation(n, parse(operationSources.get(n)))));
    }

    public List<String> operationNames() {
        return List.copyOf(operationSources.keySet());
    }

    public Shape shape(String shapeName) {
        Shape shape = shapes.get(shapeName);
        if (shape == null) {
            String source = shapeSources.get(shapeName);
            if (source == null) {
                throw new IllegalArgumentException("model " + name + " has no shape " + shapeName);
            }
            shape = readShape(shapeName, parse(source));
            shapes.putIfAbsent(shapeName, shape);
        }
        return shape;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Metadata readMetadata(JsonNode m) {
        return new Metadata(
                text(m, "protocol"),
                text(m, "apiVersion"),
                text(m, "signingName"),
                text(m, "endpointPrefix"),
                text(m, "targetPrefix"),
                text(m, "jsonVersion"),
                text(m, "xmlNamespace"),
                text(m, "serviceId"),
                m.has("awsQueryCompatible"));
    }

    private OperationModel readOperation(String operationName, JsonNode node) {
        JsonNode http = node.path("http");
        JsonNode input = node.path("input");
        JsonNode output = node.path("output");
        List<String> errors = new ArrayList<>();
        node.path("errors").forEach(e -> errors.add(e.path("shape").asText()));
        return new OperationModel(
                operationName,
                http.path("method").asText("POST"),
                http.path("requestUri").asText("/"),
                http.path("responseCode").asInt(200),
                input.has("shape") ? shape(input.get("shape").asText()) : null,
                text(input, "locationName"),
                text(input.path("xmlNamespace"), "uri"),
                output.has("shape") ? shape(output.get("shape").asText()) : null,
                text(output, "resultWrapper"),
                List.copyOf(errors));
    }

    private Shape readShape(String shapeName, JsonNode node) {
        Map<String, Member> members = new LinkedHashMap<>();
        node.path("members").properties().forEach(e -> members.put(e.getKey(), readMember(e.getKey(), e.getValue())));
        Set<String> required = new LinkedHashSet<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        List<String> enumValues = new ArrayList<>();
        node.path("enum").forEach(v -> enumValues.add(v.asText()));
        JsonNode error = node.get("error");
        return new Shape(
                shapeName,
                node.path("type").asText(),
                Collections.unmodifiableMap(members),
                Collections.unmodifiableSet(required),
                node.has("member") ? readMember("member", node.get("member")) : null,
                node.has("key") ? readMember("key", node.get("key")) : null,
                node.has("value") ? readMember("value", node.get("value")) : null,
                node.path("flattened").asBoolean(false),
                text(node, "locationName"),
                text(node.path("xmlNamespace"), "uri"),
                text(node, "timestampFormat"),
                text(node, "payload"),
                error == null ? null : new ErrorTrait(
                        error.path("code").asText(shapeName),
                        error.path("httpStatusCode").asInt(400),
                        error.path("senderFault").asBoolean(true)),
                node.path("exception").asBoolean(false),
                List.copyOf(enumValues),
                node.has("min") ? node.get("min").asLong() : null,
                node.has("max") ? node.get("max").asLong() : null,
                text(node, "pattern"),
                node.path("document").asBoolean(false));
    }

    private Member readMember(String memberName, JsonNode node) {
        return new Member(
                memberName,
                node.path("shape").asText(),
                text(node, "locationName"),
                text(node, "queryName"),
                text(node, "location"),
                node.path("flattened").asBoolean(false),
                node.path("xmlAttribute").asBoolean(false),
                text(node.path("xmlNamespace"), "uri"),
                text(node, "timestampFormat"),
                node.path("idempotencyToken").asBoolean(false),
                node.path("jsonvalue").asBoolean(false),
                this);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
