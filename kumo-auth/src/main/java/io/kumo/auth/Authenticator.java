package io.kumo.auth;

import io.kumo.auth.SigV4Exception.Kind;
import io.kumo.core.KumoSettings;
import io.kumo.core.Principal;
import io.kumo.core.http.HttpRequest;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides who signed a request. Known keys are always verified. Unknown keys depend on the mode:
 * LENIENT takes them as the configured account's root without checking the signature (any key
 * works out of the box, as users of local emulators expect), STRICT refuses them.
 */
public final class Authenticator {

    public enum Mode { LENIENT, STRICT }

    /** Always-present root key pair: the one local-emulator setups conventionally configure. */
    public static final String BUILTIN_ACCESS_KEY_ID = "test";
    public static final String BUILTIN_SECRET_KEY = "test";

    private final CredentialLookup lookup;
    private final Mode mode;
    private final String accountId;
    private final Credential builtin;
    private final SigV4Verifier verifier;

    /** Lenient, the default. */
    public Authenticator(CredentialLookup lookup, String accountId, Clock clock) {
        this(lookup, Mode.LENIENT, accountId, clock);
    }

    public Authenticator(CredentialLookup lookup, Mode mode, String accountId, Clock clock) {
        this(lookup, mode, accountId, clock, new SigningKeyCache());
    }

    public Authenticator(CredentialLookup lookup, Mode mode, String accountId, Clock clock, SigningKeyCache keys) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.accountId = accountId == null || accountId.isBlank() ? KumoSettings.DEFAULT_ACCOUNT : accountId;
        this.builtin = new Credential(BUILTIN_ACCESS_KEY_ID, BUILTIN_SECRET_KEY,
                Principal.root(this.accountId, BUILTIN_ACCESS_KEY_ID));
        this.verifier = new SigV4Verifier(clock, keys);
    }

    /** Lenient, default account, system clock, no keys but the built-in one. */
    public static Authenticator lenient() {
        return new Authenticator(CredentialLookup.none(), Mode.LENIENT, KumoSettings.DEFAULT_ACCOUNT, Clock.systemUTC());
    }

    /** As the launcher configured it: mode from {@code strictAuth}, account from {@code accountId}. */
    public static Authenticator from(KumoSettings settings, CredentialLookup lookup, Clock clock) {
        return new Authenticator(lookup, settings.strictAuth() ? Mode.STRICT : Mode.LENIENT, settings.accountId(), clock);
    }

    /** Who signed the request; a {@link SigV4Exception} when it cannot be authenticated. */
    public Principal authenticate(HttpRequest request) {
        return verify(request).principal();
    }

    /** The full outcome, with what a later layer needs to verify an aws-chunked body. */
    public VerifiedRequest verify(HttpRequest request) {
        AuthParameters auth = verifier.parse(request);
        String accessKeyId = auth.scope().accessKeyId();
        Optional<Credential> credential = lookup.find(accessKeyId);
        if (credential.isEmpty() && accessKeyId.equals(BUILTIN_ACCESS_KEY_ID)) {
            credential = Optional.of(builtin);
        }
        if (credential.isPresent()) {
            return verifier.verify(request, auth, credential.get());
        }
        if (mode == Mode.STRICT) {
            throw new SigV4Exception(Kind.UNKNOWN_ACCESS_KEY, SigV4Exception.Detail.NONE, auth.presigned(),
                    "The security token included in the request is invalid.", Map.of("AWSAccessKeyId", accessKeyId));
        }
        return verifier.acceptUnverified(request, auth, Principal.root(accountId, accessKeyId));
    }

    public Mode mode() {
        return mode;
    }

    public String accountId() {
        return accountId;
    }
}
