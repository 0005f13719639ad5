package io.kumo.edge.route;

import io.kumo.core.http.HttpRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the service a request is for: from the SigV4 credential scope when signed, else from
 * X-Amz-Target, else from the Host name the SDK built (service.region.amazonaws.com).
 */
public final class ServiceRouter {
    private final Map<String, List<ServiceEndpoint>> byScopeName = new LinkedHashMap<>();
    private final Map<String, ServiceEndpoint> byTargetPrefix = new LinkedHashMap<>();

    public void add(ServiceEndpoint endpoint) {
        byScopeName.computeIfAbsent(endpoint.model().metadata().scopeName(), k -> new ArrayList<>()).add(endpoint);
        String prefix = endpoint.model().metadata().targetPrefix();
        if (prefix != null) {
            byTargetPrefix.put(prefix, endpoint);
        }
    }

    public List<ServiceEndpoint> all() {
        return byScopeName.values().stream().flatMap(List::stream).toList();
    }

    public Optional<ServiceEndpoint> route(HttpRequest request, String scopeService) {
        if (scopeService != null) {
            List<ServiceEndpoint> candidates = byScopeName.get(scopeService);
            if (candidates != null) {
                return Optional.of(pickByVersion(candidates, request));
            }
        }
        String target = request.header("x-amz-target");
        if (target != null && target.indexOf('.') > 0) {
            ServiceEndpoint e = byTargetPrefix.get(target.substring(0, target.lastIndexOf('.')));
            if (e != null) {
                return Optional.of(e);
            }
        }
        String host = request.header("host");
        if (host != null) {
            String first = host.toLowerCase(Locale.ROOT).split("[.:]")[0];
            List<ServiceEndpoint> candidates = byScopeName.get(first);
            if (candidates != null) {
                return Optional.of(pickByVersion(candidates, request));
            }
        }
        return Optional.empty();
    }

    /** Services that share a signing name (ELB and ELBv2) differ by their API version. */
    private static ServiceEndpoint pickByVersion(List<ServiceEndpoint> candidates, HttpRequest request) {
        if (candidates.size() == 1) {
            return candidates.getFirst();
        }
        String version = request.queryParameter("Version");
        if (version == null && request.isForm()) {
            List<String> v = io.kumo.core.http.FormDecoder.decode(request.bodyAsString()).get("Version");
            version = v == null ? null : v.getFirst();
        }
        for (ServiceEndpoint e : candidates) {
            if (e.model().metadata().apiVersion().equals(version)) {
                return e;
            }
        }
        return candidates.getFirst();
    }
}
