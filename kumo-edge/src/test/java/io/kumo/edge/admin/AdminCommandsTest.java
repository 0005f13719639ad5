package io.kumo.edge.admin;

import io.kumo.core.AwsException;
import io.kumo.core.http.HttpRequest;
import io.kumo.core.http.HttpResponse;
import io.kumo.core.service.AdminCommand;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdminCommandsTest {
    private static final AdminEndpoints.AdminActions NO_ACTIONS = new AdminEndpoints.AdminActions() {
        @Override
        public Map<String, Object> health() {
            return Map.of();
        }

        @Override
        public void reset() {
        }

        @Override
        public Map<String, Object> createAccessKey() {
            return Map.of();
        }
    };

    /** Echoes its arguments, or refuses a "bad" one as a service would. */
    private static final AdminCommand ECHO = new AdminCommand() {
        @Override
        public String name() {
            return "test/echo";
        }

        @Override
        public Map<String, Object> run(Map<String, String> arguments) {
            if (arguments.containsKey("bad")) {
                throw AwsException.badRequest("InvalidParameterValue", "bad is bad");
            }
            return Map.copyOf(arguments);
        }
    };

    private final AdminEndpoints endpoints = new AdminEndpoints(NO_ACTIONS, List.of(ECHO));

    @Test
    void aCommandGetsTheBodysFieldsAsStringsAndAnswersJson() {
        HttpResponse response = post("/_kumo/commands/test/echo", "{\"name\":\"web\",\"size\":8,\"wait\":true}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response)).contains("\"name\" : \"web\"", "\"size\" : \"8\"", "\"wait\" : \"true\"");
    }

    @Test
    void aServiceErrorKeepsItsStatusCodeAndMessage() {
        HttpResponse response = post("/_kumo/commands/test/echo", "{\"bad\":\"1\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response)).contains("\"error\" : \"InvalidParameterValue\"", "\"message\" : \"bad is bad\"");
    }

    @Test
    void malformedBodiesUnknownCommandsAndOtherMethodsAreRefused() {
        assertThat(post("/_kumo/commands/test/echo", "[1]").status()).isEqualTo(400);
        assertThat(post("/_kumo/commands/test/echo", "{\"nested\":{}}").status()).isEqualTo(400);
        assertThat(post("/_kumo/commands/test/echo", "{not json").status()).isEqualTo(400);
        HttpResponse unknown = post("/_kumo/commands/test/nope", "{}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(body(unknown)).contains("test/echo");
        HttpRequest get = new HttpRequest("GET", "/_kumo/commands/test/echo", "", Map.of(), null, "127.0.0.1");
        assertThat(endpoints.handle(get).orElseThrow().status()).isEqualTo(405);
    }

    private HttpResponse post(String path, String body) {
        return endpoints.handle(new HttpRequest("POST", path, "", Map.of("Content-Type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1")).orElseThrow();
    }

    private static String body(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
