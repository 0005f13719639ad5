package io.kumo.edge.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.core.http.HttpRequest;
import io.kumo.core.http.HttpResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * Kumo's own endpoints for test suites: a readiness probe and a reset. Reset also answers at
 * moto's path, which existing moto-based suites call between tests.
 */
public final class AdminEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AdminActions actions;

    public interface AdminActions {
        /** Readiness and per-service state, as a JSON-able map. */
        Map<String, Object> health();

        void reset();

        /** A new access key pair for the account root, for tests that want a key Kumo verifies. */
        Map<String, Object> createAccessKey();
    }

    public AdminEndpoints(AdminActions actions) {
        this.actions = actions;
    }

    public Optional<HttpResponse> handle(HttpRequest request) {
        String path = request.path();
        if (!path.startsWith("/_kumo/") && !path.startsWith("/moto-api/")) {
            return Optional.empty();
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

    private static HttpResponse json(int status, Object body) {
        try {
            return HttpResponse.of(status, "application/json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
