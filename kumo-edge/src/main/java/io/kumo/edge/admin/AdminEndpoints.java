package io.kumo.edge.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.core.AwsException;
import io.kumo.core.http.HttpRequest;
import io.kumo.core.http.HttpResponse;
import io.kumo.core.service.AdminCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kumo's own endpoints: a readiness probe and a reset for test suites, and the commands modules
 * offer ({@link AdminCommand}) under {@code /_kumo/commands/}. Reset also answers at moto's path,
 * which existing moto-based suites call between tests.
 */
public final class AdminEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMMANDS = "/_kumo/commands/";
    private final AdminActions actions;
    private final Map<String, AdminCommand> commands = new LinkedHashMap<>();

    public interface AdminActions {
        /** Readiness and per-service state, as a JSON-able map. */
        Map<String, Object> health();

        void reset();

        /** A new access key pair for the account root, for tests that want a key Kumo verifies. */
        Map<String, Object> createAccessKey();
    }

    public AdminEndpoints(AdminActions actions) {
        this(actions, List.of());
    }

    public AdminEndpoints(AdminActions actions, List<AdminCommand> commands) {
        this.actions = actions;
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    public Optional<HttpResponse> handle(HttpRequest request) {
        String path = request.path();
        if (!path.startsWith("/_kumo/") && !path.startsWith("/moto-api/")) {
            return Optional.empty();
        }
        if (path.startsWith(COMMANDS)) {
            return Optional.of(command(request, path.substring(COMMANDS.length())));
        }
        return Optional.of(switch (path) {
            case "/_kumo/health", "/_kumo/health/" -> json(200, actions.health());
            case "/_kumo/reset", "/moto-api/reset" -> {
                if (!request.method().equals("POST")) {
                    yield json(405, Map.of("error", "use POST"));
                }
                actions.reset();
                yield json(200, Map.of("status", "reset"));
            }
            case "/_kumo/access-keys" -> request.method().equals("POST")
                    ? json(200, actions.createAccessKey())
                    : json(405, Map.of("error", "use POST"));
            default -> json(404, Map.of("error", "no such Kumo endpoint: " + path));
        });
    }

    private HttpResponse command(HttpRequest request, String name) {
        AdminCommand command = commands.get(name);
        if (command == null) {
            return json(404, Map.of("error", "NotFound", "message", "no such Kumo command: " + name
                    + (commands.isEmpty() ? "" : " (there are: " + String.join(", ", commands.keySet()) + ")")));
        }
        if (!request.method().equals("POST")) {
            return json(405, Map.of("error", "MethodNotAllowed", "message", "use POST"));
        }
        Map<String, String> arguments;
        try {
            arguments = arguments(request.bodyAsString());
        } catch (IOException | IllegalArgumentException e) {
            return json(400, Map.of("error", "ValidationError", "message",
                    "the body must be a JSON object whose values are strings, numbers or booleans"));
        }
        try {
            return json(200, command.run(arguments));
        } catch (AwsException e) {
            return json(e.status(), Map.of("error", e.code(), "message", String.valueOf(e.getMessage())));
        }
    }

    private static Map<String, String> arguments(String body) throws IOException {
        if (body.isBlank()) {
            return Map.of();
        }
        JsonNode tree = JSON.readTree(body);
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var field : tree.properties()) {
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                throw new IllegalArgumentException("not a plain value: " + field.getKey());
            }
            out.put(field.getKey(), field.getValue().asText());
        }
        return out;
    }

    private static HttpResponse json(int status, Object body) {
        try {
            return HttpResponse.of(status, "application/json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
