package io.kumo.edge.route;

import io.kumo.auth.AuthErrors;
import io.kumo.auth.Authenticator;
import io.kumo.auth.SigV4Exception;
import io.kumo.auth.SigV4Verifier;
import io.kumo.core.Principal;
import io.kumo.core.http.HttpRequest;

import java.util.Optional;

/** Connects the edge to SigV4: every AWS request is verified, and failures speak the service's codes. */
public final class SigV4RequestAuthenticator implements RequestAuthenticator {
    private final Authenticator authenticator;

    public SigV4RequestAuthenticator(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Optional<Scope> scopeOf(HttpRequest request) {
        return SigV4Verifier.scopeOf(request).map(s -> new Scope(s.region(), s.service()));
    }

    @Override
    public Principal authenticate(HttpRequest request, ServiceEndpoint endpoint) {
        try {
            return authenticator.authenticate(request);
        } catch (SigV4Exception e) {
            throw AuthErrors.toAwsException(e, endpoint.model().metadata().scopeName(), endpoint.model().metadata().protocol());
        }
    }
}
