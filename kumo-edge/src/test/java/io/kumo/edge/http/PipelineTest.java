package io.kumo.edge.http;

import io.kumo.auth.Authenticator;
import io.kumo.edge.admin.AdminEndpoints;
import io.kumo.edge.route.Dispatcher;
import io.kumo.edge.route.ServiceRouter;
import io.kumo.edge.route.SigV4RequestAuthenticator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The edge's Netty pipeline on an EmbeddedChannel: framing, keep-alive, limits and malformed input. */
class PipelineTest {
    /** Requests run inline: an EmbeddedChannel's loop is not safe to use from other threads. */
    private final java.util.concurrent.Executor executor = Runnable::run;
    private int resets;

    private EmbeddedChannel channel(int limit) {
        Dispatcher dispatcher = new Dispatcher(new ServiceRouter(), new SigV4RequestAuthenticator(Authenticator.lenient()),
                null, Clock.systemUTC(), "ap-northeast-1");
        AdminEndpoints admin = new AdminEndpoints(new AdminEndpoints.AdminActions() {
            @Override
            public Map<String, Object> health() {
                return Map.of("status", "ready");
            }

            @Override
            public void reset() {
                resets++;
            }

            @Override
            public Map<String, Object> createAccessKey() {
                return Map.of();
            }
        });
        return new EmbeddedChannel(new HttpServerCodec(), new HttpServerKeepAliveHandler(),
                new BoundedAggregator(limit, dispatcher), new RequestHandler(dispatcher, admin, executor));
    }

    @Test
    void answersTwoRequestsOnOneKeptAliveConnection() throws Exception {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(bytes("GET /_kumo/health HTTP/1.1\r\nHost: x\r\n\r\nPOST /_kumo/reset HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"));
        String both = awaitResponses(ch, 2);
        int split = both.indexOf("HTTP/1.1", 1);
        String first = both.substring(0, split);
        String second = both.substring(split);
        assertThat(first).startsWith("HTTP/1.1 200 OK").containsIgnoringCase("content-type: application/json").contains("\"status\" : \"ready\"");
        assertThat(second).startsWith("HTTP/1.1 200 OK").contains("reset");
        assertThat(resets).isEqualTo(1);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void refusesAnOversizedBodyAndClosesTheConnection() throws Exception {
        EmbeddedChannel ch = channel(16);
        ch.writeInbound(bytes("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + "a".repeat(100)));
        String response = awaitResponse(ch);
        assertThat(response).startsWith("HTTP/1.1 403").contains("MissingAuthenticationToken");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void answersGarbageWithBadRequest() throws Exception {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(bytes("\u0001\u0002 nonsense\r\n\r\n"));
        String response = awaitResponse(ch);
        assertThat(response).startsWith("HTTP/1.1 400");
    }

    @Test
    void anUnroutableRequestGetsAnErrorEnvelope() throws Exception {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(bytes("GET /?Action=Nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        String response = awaitResponse(ch);
        assertThat(response).startsWith("HTTP/1.1 403").contains("<ErrorResponse><Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code>");
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    }

    private static String awaitResponse(EmbeddedChannel ch) throws InterruptedException {
        return awaitResponses(ch, 1);
    }

    /** Everything written until {@code count} status lines have gone out (queued tasks run on each poll). */
    private static String awaitResponses(EmbeddedChannel ch, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        StringBuilder out = new StringBuilder();
        while (System.nanoTime() < deadline) {
            ch.runPendingTasks();
            ByteBuf buf;
            while ((buf = ch.readOutbound()) != null) {
                out.append(buf.toString(StandardCharsets.UTF_8));
                buf.release();
            }
            if (out.toString().split("HTTP/1\\.1 ", -1).length - 1 >= count) {
                return out.toString();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no response within 5 s; got: " + out);
    }
}
