package io.kumo.server;

import io.kumo.auth.Authenticator;
import io.kumo.auth.CredentialLookup;
import io.kumo.core.KumoSettings;
import io.kumo.edge.route.RequestAuthenticator;
import io.kumo.edge.route.SigV4RequestAuthenticator;

import java.time.Clock;

/** Builds the request authenticator from the settings and the known keys. */
final class Authentication {
    private Authentication() {
    }

    static RequestAuthenticator create(KumoSettings settings, CredentialLookup keys) {
        return new SigV4RequestAuthenticator(Authenticator.from(settings, keys, Clock.systemUTC()));
    }
}
