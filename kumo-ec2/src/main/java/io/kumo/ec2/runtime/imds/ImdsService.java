package io.kumo.ec2.runtime.imds;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The metadata service's rules, over plain values: who the caller is, whether it may read, IMDSv2 sessions, and
 * which methods go where. {@link ImdsHandler} only translates HTTP to and from this.
 */
public final class ImdsService {

    public static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";
    public static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";

    private static final String TOKEN_VERSION = "latest";

    private final InstanceMetadataSource instances;
    private final ImdsTokens tokens;

    public ImdsService(InstanceMetadataSource instances, ImdsTokens tokens) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    public ImdsResponse handle(ImdsRequest request) {
        Optional<InstanceMetadata> caller = request.sourceIp() == null ? Optional.empty() : instances.byPrivateIp(request.sourceIp());
        if (caller.isEmpty()) {
            // The listener serves a whole VPC; an address that is no instance of it has no metadata.
            return ImdsResponse.notFound();
        }
        InstanceMetadata instance = caller.get();
        if (!instance.options().endpointEnabled()) {
            return ImdsResponse.error(403, "Forbidden");
        }
        List<String> segments = segments(request.path());
        return switch (request.method()) {
            case "PUT" -> put(instance, request, segments);
            case "GET", "HEAD" -> read(instance, request, segments);
            default -> methodNotAllowed(isTokenPath(segments) ? "PUT" : "GET, HEAD");
        };
    }

    private ImdsResponse put(InstanceMetadata instance, ImdsRequest request, List<String> segments) {
        if (!isTokenPath(segments)) {
            return methodNotAllowed("GET, HEAD");
        }
        if (!segments.getFirst().equals(TOKEN_VERSION) || request.forwarded()) {
            // EC2 issues sessions only at /latest/api/token, and never to a request that came through a proxy.
            return ImdsResponse.error(403, "Forbidden");
        }
        OptionalInt ttl = ImdsTokens.parseTtl(request.ttlSeconds());
        if (ttl.isEmpty()) {
            return ImdsResponse.error(400, "Bad Request");
        }
        String token = tokens.issue(instance.instanceId(), ttl.getAsInt());
        return ImdsResponse.text(token).withHeader(TTL_HEADER, Integer.toString(ttl.getAsInt()));
    }

    private ImdsResponse read(InstanceMetadata instance, ImdsRequest request, List<String> segments) {
        if (isTokenPath(segments)) {
            return methodNotAllowed("PUT");
        }
        // A request that carries a token is an IMDSv2 request, and is held to it even where tokens are optional.
        boolean authorised = request.carriesToken()
                ? tokens.accepts(request.token(), instance.instanceId())
                : !instance.options().tokensRequired();
        if (!authorised) {
            return ImdsResponse.error(401, "Unauthorized");
        }
        return MetadataTree.answer(instance, request.path());
    }

    private static boolean isTokenPath(List<String> segments) {
        return segments.size() == 3 && MetadataTree.VERSIONS.contains(segments.get(0))
                && segments.get(1).equals("api") && segments.get(2).equals("token");
    }

    private static ImdsResponse methodNotAllowed(String allowed) {
        return ImdsResponse.error(405, "Method Not Allowed").withHeader("Allow", allowed);
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
