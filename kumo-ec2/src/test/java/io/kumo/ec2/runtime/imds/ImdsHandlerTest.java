package io.kumo.ec2.runtime.imds;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static io.kumo.ec2.runtime.imds.SampleInstance.sample;
import static org.assertj.core.api.Assertions.assertThat;

class ImdsHandlerTest {

    private static final String WEB_IP = "10.0.1.5";
    private static final String DB_IP = "10.0.1.6";

    private final Map<String, InstanceMetadata> byIp = new ConcurrentHashMap<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ImdsTokens tokens = new ImdsTokens(clock);
    private final ImdsHandler handler = new ImdsHandler(new ImdsService(ip -> Optional.ofNullable(byIp.get(ip)), tokens));
    private final Map<String, EmbeddedChannel> channels = new ConcurrentHashMap<>();

    /** An EmbeddedChannel whose peer is an instance's address, as an accepted connection's would be. */
    private static final class InstanceConnection extends EmbeddedChannel {
        private final InetSocketAddress peer;

        InstanceConnection(String ip, ChannelHandler... handlers) {
            peer = new InetSocketAddress(ip, 41_000); // set before super(), which already runs the pipeline
            super(handlers);
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return peer;
        }
    }

    @AfterEach
    void closeChannels() {
        channels.values().forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    private void launch(SampleInstance instance) {
        InstanceMetadata metadata = instance.build();
        byIp.put(metadata.localIpv4(), metadata);
    }

    private FullHttpResponse send(String fromIp, HttpMethod method, String uri, String... headerPairs) {
        EmbeddedChannel channel = channels.computeIfAbsent(fromIp, ip -> new InstanceConnection(ip, handler));
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri);
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.headers().add(headerPairs[i], headerPairs[i + 1]);
        }
        channel.writeInbound(request);
        FullHttpResponse response = channel.readOutbound();
        assertThat(response).as("a response to %s %s", method, uri).isNotNull();
        return response;
    }

    private static String text(FullHttpResponse response) {
        try {
            return response.content().toString(StandardCharsets.UTF_8);
        } finally {
            response.release();
        }
    }

    private String token(String fromIp, int ttl) {
        FullHttpResponse response = send(fromIp, HttpMethod.PUT, "/latest/api/token", ImdsService.TTL_HEADER, Integer.toString(ttl));
        assertThat(response.status().code()).isEqualTo(200);
        return text(response);
    }

    @Test
    void imdsV1ReadsWorkWhileTokensAreOptional() {
        launch(sample());

        FullHttpResponse response = send(WEB_IP, HttpMethod.GET, "/latest/meta-data/instance-id");

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().get("Content-Type")).isEqualTo("text/plain");
        assertThat(response.headers().get("Server")).isEqualTo("EC2ws");
        assertThat(response.headers().getInt("Content-Length")).isEqualTo(19);
        assertThat(text(response)).isEqualTo("i-0123456789abcdef0");
    }

    @Test
    void imdsV2SessionTokenOpensReads() {
        launch(sample().options("required", "enabled", "disabled"));

        FullHttpResponse put = send(WEB_IP, HttpMethod.PUT, "/latest/api/token", ImdsService.TTL_HEADER, "21600");
        assertThat(put.status().code()).isEqualTo(200);
        assertThat(put.headers().get("Content-Type")).isEqualTo("text/plain");
        assertThat(put.headers().get(ImdsService.TTL_HEADER)).isEqualTo("21600");
        String token = text(put);

        FullHttpResponse get = send(WEB_IP, HttpMethod.GET, "/latest/meta-data/local-ipv4", ImdsService.TOKEN_HEADER, token);
        assertThat(get.status().code()).isEqualTo(200);
        assertThat(text(get)).isEqualTo(WEB_IP);
    }

    @Test
    void requiredTokensRefuseTokenlessReadsWith401() {
        launch(sample().options("required", "enabled", "disabled"));

        FullHttpResponse response = send(WEB_IP, HttpMethod.GET, "/latest/meta-data/");

        assertThat(response.status().code()).isEqualTo(401);
        assertThat(response.headers().get("Content-Type")).isEqualTo("text/html");
        assertThat(text(response)).contains("<title>401 - Unauthorized</title>");
    }

    @Test
    void aTtlMissingOrOutOfRangeIs400() {
        launch(sample());

        assertThat(send(WEB_IP, HttpMethod.PUT, "/latest/api/token").status().code()).isEqualTo(400);
        assertThat(send(WEB_IP, HttpMethod.PUT, "/latest/api/token", ImdsService.TTL_HEADER, "0").status().code()).isEqualTo(400);
        assertThat(send(WEB_IP, HttpMethod.PUT, "/latest/api/token", ImdsService.TTL_HEADER, "21601").status().code()).isEqualTo(400);
        assertThat(send(WEB_IP, HttpMethod.PUT, "/latest/api/token", ImdsService.TTL_HEADER, "soon").status().code()).isEqualTo(400);
        assertThat(send(WEB_IP, HttpMethod.PUT, "/latest/api/token", ImdsService.TTL_HEADER, "1").status().code()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIs401() {
        launch(sample().options("required", "enabled", "disabled"));
        String token = token(WEB_IP, 5);

        clock.advance(Duration.ofSeconds(5));

        assertThat(send(WEB_IP, HttpMethod.GET, "/latest/meta-data/ami-id", ImdsService.TOKEN_HEADER, token).status().code()).isEqualTo(401);
    }

    @Test
    void anotherInstancesTokenIs401() {
        launch(sample());
        launch(sample().id("i-0db0000000000000d", DB_IP));
        String webToken = token(WEB_IP, 60);

        assertThat(send(DB_IP, HttpMethod.GET, "/latest/meta-data/instance-id", ImdsService.TOKEN_HEADER, webToken).status().code())
                .isEqualTo(401);
        assertThat(text(send(DB_IP, HttpMethod.GET, "/latest/meta-data/instance-id"))).isEqualTo("i-0db0000000000000d");
    }

    @Test
    void aBadTokenIs401EvenWhereTokensAreOptional() {
        launch(sample());

        assertThat(send(WEB_IP, HttpMethod.GET, "/latest/meta-data/", ImdsService.TOKEN_HEADER, "forged").status().code()).isEqualTo(401);
    }

    @Test
    void aTokenPutThroughAProxyIs403() {
        launch(sample());

        FullHttpResponse response = send(WEB_IP, HttpMethod.PUT, "/latest/api/token",
                ImdsService.TTL_HEADER, "60", "X-Forwarded-For", "203.0.113.9");

        assertThat(response.status().code()).isEqualTo(403);
        assertThat(text(response)).contains("403 - Forbidden");
    }

    @Test
    void tokensAreIssuedOnlyAtLatest() {
        launch(sample());

        assertThat(send(WEB_IP, HttpMethod.PUT, "/2021-03-23/api/token", ImdsService.TTL_HEADER, "60").status().code()).isEqualTo(403);
    }

    @Test
    void aDisabledEndpointIs403ForEverything() {
        launch(sample().options("optional", "disabled", "disabled"));

        assertThat(send(WEB_IP, HttpMethod.GET, "/latest/meta-data/").status().code()).isEqualTo(403);
        assertThat(send(WEB_IP, HttpMethod.PUT, "/latest/api/token", ImdsService.TTL_HEADER, "60").status().code()).isEqualTo(403);
    }

    @Test
    void anAddressThatIsNoInstanceGets404() {
        launch(sample());

        assertThat(send("10.0.1.99", HttpMethod.GET, "/latest/meta-data/instance-id").status().code()).isEqualTo(404);
        assertThat(send("10.0.1.99", HttpMethod.PUT, "/latest/api/token", ImdsService.TTL_HEADER, "60").status().code()).isEqualTo(404);
    }

    @Test
    void listingsAreOneNameALine() {
        launch(sample());

        assertThat(text(send(WEB_IP, HttpMethod.GET, "/latest/"))).isEqualTo("dynamic\nmeta-data\nuser-data");
        assertThat(text(send(WEB_IP, HttpMethod.GET, "/latest/meta-data/placement/"))).isEqualTo("availability-zone\navailability-zone-id\nregion");
        assertThat(text(send(WEB_IP, HttpMethod.GET, "/"))).endsWith("\nlatest");
        assertThat(text(send(WEB_IP, HttpMethod.GET, "http://169.254.169.254/latest/meta-data/mac?x=1"))).isEqualTo("0e:12:34:56:78:9a");
    }

    @Test
    void aMalformedTargetIs400AndAFaultOfKumosIs500() {
        launch(sample());
        assertThat(send(WEB_IP, HttpMethod.GET, "/latest/meta-data/%zz").status().code()).isEqualTo(400);

        ImdsHandler broken = new ImdsHandler(new ImdsService(ip -> { throw new IllegalStateException("store down"); }, tokens));
        EmbeddedChannel channel = new InstanceConnection(WEB_IP, broken);
        channels.put("broken", channel);
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/latest/meta-data/"));
        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status().code()).isEqualTo(500);
        response.release();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void theIdentityDocumentCarriesTheInstancesFacts() {
        launch(sample());

        String document = text(send(WEB_IP, HttpMethod.GET, "/latest/dynamic/instance-identity/document"));

        assertThat(document).contains(
                "\"accountId\" : \"000000000000\"", "\"instanceId\" : \"i-0123456789abcdef0\"", "\"privateIp\" : \"10.0.1.5\"",
                "\"region\" : \"ap-northeast-1\"", "\"availabilityZone\" : \"ap-northeast-1a\"", "\"imageId\" : \"ami-0abcdef1234567890\"",
                "\"instanceType\" : \"t3.micro\"", "\"architecture\" : \"x86_64\"", "\"pendingTime\" : \"2026-03-07T16:26:04Z\"",
                "\"version\" : \"2017-09-30\"", "\"billingProducts\" : null");
    }

    @Test
    void userDataIsServedOr404() {
        launch(sample());
        launch(sample().id("i-0db0000000000000d", DB_IP).withoutUserData());

        FullHttpResponse withData = send(WEB_IP, HttpMethod.GET, "/latest/user-data");
        assertThat(withData.headers().get("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(text(withData)).isEqualTo("#!/bin/sh\necho hello\n");
        FullHttpResponse without = send(DB_IP, HttpMethod.GET, "/latest/user-data");
        assertThat(without.status().code()).isEqualTo(404);
        assertThat(text(without)).contains("<h1>404 - Not Found</h1>");
    }

    @Test
    void otherMethodsAre405WithWhatIsAllowed() {
        launch(sample());

        FullHttpResponse post = send(WEB_IP, HttpMethod.POST, "/latest/meta-data/");
        assertThat(post.status().code()).isEqualTo(405);
        assertThat(post.headers().get("Allow")).isEqualTo("GET, HEAD");
        post.release();
        FullHttpResponse getToken = send(WEB_IP, HttpMethod.GET, "/latest/api/token");
        assertThat(getToken.status().code()).isEqualTo(405);
        assertThat(getToken.headers().get("Allow")).isEqualTo("PUT");
        getToken.release();
        assertThat(send(WEB_IP, HttpMethod.PUT, "/latest/meta-data/", ImdsService.TTL_HEADER, "60").status().code()).isEqualTo(405);
        assertThat(send(WEB_IP, HttpMethod.DELETE, "/latest/api/token").headers().get("Allow")).isEqualTo("PUT");
    }

    @Test
    void headAnswersTheLengthWithoutTheBody() {
        launch(sample());

        FullHttpResponse response = send(WEB_IP, HttpMethod.HEAD, "/latest/meta-data/instance-id");

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().getInt("Content-Length")).isEqualTo(19);
        assertThat(response.content().readableBytes()).isZero();
        response.release();
    }

    @Test
    void overRealHttpAConnectionIsKeptAliveAndHttp10OnesClose() {
        launch(sample());
        EmbeddedChannel connection = new InstanceConnection(WEB_IP, ImdsHandler.initializer(ip -> Optional.ofNullable(byIp.get(ip)), tokens));
        channels.put("raw", connection);

        String first = exchange(connection, "GET /latest/meta-data/instance-id HTTP/1.1\r\nHost: 169.254.169.254\r\n\r\n");
        assertThat(first).startsWith("HTTP/1.1 200 OK\r\n").contains("content-length: 19\r\n").endsWith("\r\n\r\ni-0123456789abcdef0");
        assertThat(connection.isOpen()).isTrue();

        String head = exchange(connection, "HEAD /latest/meta-data/instance-id HTTP/1.1\r\nHost: 169.254.169.254\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 200 OK\r\n").contains("content-length: 19\r\n").endsWith("\r\n\r\n");

        String put = exchange(connection, "PUT /latest/api/token HTTP/1.1\r\nHost: 169.254.169.254\r\n"
                + "X-aws-ec2-metadata-token-ttl-seconds: 60\r\nContent-Length: 0\r\n\r\n");
        assertThat(put).startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(connection.isOpen()).isTrue();

        String last = exchange(connection, "GET /latest/meta-data/ami-id HTTP/1.0\r\n\r\n");
        assertThat(last).startsWith("HTTP/1.1 200 OK\r\n").endsWith("ami-0abcdef1234567890");
        connection.runPendingTasks();
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void garbageOnTheWireIsAnswered400AndClosed() {
        launch(sample());
        EmbeddedChannel connection = new InstanceConnection(WEB_IP, ImdsHandler.initializer(ip -> Optional.ofNullable(byIp.get(ip)), tokens));
        channels.put("raw", connection);

        String answer = exchange(connection, "GET /latest/meta-data/ HTTP/1.1\r\nBad Header Line\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n");
        connection.runPendingTasks();
        assertThat(connection.isOpen()).isFalse();
    }

    private static String exchange(EmbeddedChannel connection, String request) {
        connection.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        StringBuilder answer = new StringBuilder();
        for (ByteBuf chunk; (chunk = connection.readOutbound()) != null; ) {
            answer.append(chunk.toString(StandardCharsets.ISO_8859_1));
            chunk.release();
        }
        return answer.toString();
    }
}
