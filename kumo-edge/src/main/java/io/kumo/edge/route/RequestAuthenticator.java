package io.kumo.edge.route;

import io.kumo.core.Principal;
import io.kumo.core.http.HttpRequest;

import java.util.Optional;

/** The edge's view of the auth layer. */
public interface RequestAuthenticator {

    /** Region and service of the request's credential scope, if it is signed. */
    Optional<Scope> scopeOf(HttpRequest request);

    /** Verifies the request; throws an AwsException in the service's terms when it fails. */
    Principal authenticate(HttpRequest request, ServiceEndpoint endpoint);

    record Scope(String region, String service) {
    }
}
