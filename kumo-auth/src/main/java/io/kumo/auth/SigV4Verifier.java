package io.kumo.auth;

import io.kumo.auth.SigV4Exception.Detail;
import io.kumo.auth.SigV4Exception.Kind;
import io.kumo.core.Principal;
import io.kumo.core.http.HttpRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks AWS Signature Version 4, in the Authorization header or presigned in the query string,
 * against a known secret. Thread-safe; one instance serves all requests.
 */
public final class SigV4Verifier {
    /** How far a header-signed request's clock may be from ours, either way. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);
    /** The longest X-Amz-Expires AWS allows: seven days. */
    public static final long MAX_EXPIRES_SECONDS = 604_800;

    static final String SIGNATURE_MISMATCH_MESSAGE = "The request signature we calculated does not match the signature "
            + "you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private final Clock clock;
    private final SigningKeyCache keys;

    public SigV4Verifier(Clock clock) {
        this(clock, new SigningKeyCache());
    }

    public SigV4Verifier(Clock clock, SigningKeyCache keys) {
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * The credential scope the request claims (access key, date, region, service), read without
     * verifying anything; empty when it carries no well-formed SigV4 credential.
     */
    public static Optional<CredentialScope> scopeOf(HttpRequest request) {
        return Optional.ofNullable(AuthParameters.scopeOnly(request));
    }

    /**
     * Whether a signing name follows S3's rules: path signed as sent, x-amz-content-sha256 honoured.
     * S3's variants (s3-object-lambda, s3-outposts, s3express) sign the same way.
     */
    public static boolean isS3(String signingName) {
        return signingName.equals("s3") || signingName.equals("s3express") || signingName.startsWith("s3-");
    }

    /** Verifies {@code request} as signed with {@code credential}. */
    public VerifiedRequest verify(HttpRequest request, Credential credential) {
        return verify(request, parse(request), credential);
    }

    /** Reads the request's authentication and checks its shape and timing, not its signature. */
    AuthParameters parse(HttpRequest request) {
        AuthParameters auth = AuthParameters.parse(request);
        checkScopeDate(auth);
        checkTime(auth, clock.instant());
        return auth;
    }

    VerifiedRequest verify(HttpRequest request, AuthParameters auth, Credential credential) {
        CredentialScope scope = auth.scope();
        if (credential.sessionToken() != null && !Crypto.sameText(credential.sessionToken(), auth.securityToken())) {
            throw new SigV4Exception(Kind.UNKNOWN_ACCESS_KEY, Detail.INVALID_SESSION_TOKEN, auth.presigned(),
                    "The security token included in the request is invalid.", Map.of());
        }
        boolean s3 = isS3(scope.service());
        String declared = declaredPayloadHash(request, auth);
        List<String> payloadHashes = payloadCandidates(request, auth, s3, declared);
        List<String> uris = new ArrayList<>(2);
        uris.add(CanonicalRequest.uri(request.rawPath(), s3));
        if (s3) {
            String strict = CanonicalRequest.s3StrictUri(request.rawPath());
            if (strict != null) {
                uris.add(strict);
            }
        }
        String query = CanonicalRequest.query(auth.query(), auth.presigned());
        String headers = CanonicalRequest.headers(request.headers(), auth.signedHeaders());
        SigningKey key = keys.get(credential.secretKey(), scope.date(), scope.region(), scope.service());
        String provided = auth.signature().toLowerCase(Locale.ROOT);

        String firstCanonical = null;
        String firstStringToSign = null;
        // Usually one candidate; the others are tried only after a mismatch, for signers that
        // differ in ways AWS itself tolerates.
        for (String uri : uris) {
            for (String payloadHash : payloadHashes) {
                String canonical = CanonicalRequest.build(request.method(), uri, query, headers,
                        auth.signedHeadersLine(), payloadHash);
                String stringToSign = stringToSign(auth.amzDate(), scope, canonical);
                if (Crypto.sameText(key.sign(stringToSign), provided)) {
                    if (s3) {
                        checkS3Payload(request, auth, payloadHash, declared);
                    }
                    return new VerifiedRequest(credential.principal(), scope, auth.amzDate(), provided, payloadHash,
                            auth.presigned(), key);
                }
                if (firstCanonical == null) {
                    firstCanonical = canonical;
                    firstStringToSign = stringToSign;
                }
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("AWSAccessKeyId", scope.accessKeyId());
        fields.put("StringToSign", firstStringToSign);
        fields.put("SignatureProvided", auth.signature());
        fields.put("CanonicalRequest", firstCanonical);
        throw new SigV4Exception(Kind.SIGNATURE_MISMATCH, Detail.NONE, auth.presigned(), SIGNATURE_MISMATCH_MESSAGE, fields);
    }

    /** Accepts a request without checking its signature (lenient mode, unknown key). */
    VerifiedRequest acceptUnverified(HttpRequest request, AuthParameters auth, Principal principal) {
        boolean s3 = isS3(auth.scope().service());
        String declared = declaredPayloadHash(request, auth);
        String payloadHash = payloadCandidates(request, auth, s3, declared).getFirst();
        if (s3) {
            checkS3Payload(request, auth, payloadHash, declared);
        }
        return new VerifiedRequest(principal, auth.scope(), auth.amzDate(), auth.signature().toLowerCase(Locale.ROOT),
                payloadHash, auth.presigned(), null);
    }

    static String stringToSign(String amzDate, CredentialScope scope, String canonicalRequest) {
        return AuthParameters.ALGORITHM + '\n' + amzDate + '\n' + scope.scope() + '\n' + Crypto.sha256Hex(canonicalRequest);
    }

    private static String declaredPayloadHash(HttpRequest request, AuthParameters auth) {
        String header = request.header("x-amz-content-sha256");
        if (header == null && auth.presigned()) {
            header = auth.query().get("X-Amz-Content-Sha256");
        }
        return header == null ? null : header.trim();
    }

    /**
     * The payload hashes the signer may have used, most likely first. S3 takes the client's word
     * (x-amz-content-sha256) and checks it against the body afterwards; other services hash the
     * body themselves, so a changed body breaks the signature.
     */
    private static List<String> payloadCandidates(HttpRequest request, AuthParameters auth, boolean s3, String declared) {
        if (s3) {
            if (auth.presigned()) {
                // S3 presigned URLs sign UNSIGNED-PAYLOAD unless they name a hash themselves.
                return declared == null || declared.equals(VerifiedRequest.UNSIGNED_PAYLOAD)
                        ? List.of(VerifiedRequest.UNSIGNED_PAYLOAD)
                        : List.of(declared, VerifiedRequest.UNSIGNED_PAYLOAD);
            }
            return List.of(declared != null ? declared : Crypto.sha256Hex(request.body()));
        }
        if (declared != null && isMarker(declared)) {
            return List.of(declared);
        }
        String bodyHash = Crypto.sha256Hex(request.body());
        // Presigners for other services (RDS auth tokens, STS for EKS) sign the empty body's hash;
        // some sign UNSIGNED-PAYLOAD as S3's do.
        return auth.presigned() ? List.of(bodyHash, VerifiedRequest.UNSIGNED_PAYLOAD) : List.of(bodyHash);
    }

    private static void checkS3Payload(HttpRequest request, AuthParameters auth, String payloadHash, String declared) {
        if (declared == null || isMarker(payloadHash) || !payloadHash.equals(declared)) {
            return;
        }
        if (!Crypto.isSha256Hex(declared)) {
            throw new SigV4Exception(Kind.PAYLOAD_HASH_MISMATCH, Detail.INVALID_CONTENT_SHA256, auth.presigned(),
                    "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, "
                            + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, "
                            + "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER "
                            + "or a valid sha256 value.", Map.of());
        }
        String actual = Crypto.sha256Hex(request.body());
        if (!actual.equalsIgnoreCase(declared)) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("ClientComputedContentSHA256", declared);
            fields.put("S3ComputedContentSHA256", actual);
            throw new SigV4Exception(Kind.PAYLOAD_HASH_MISMATCH, Detail.NONE, auth.presigned(),
                    "The provided 'x-amz-content-sha256' header does not match what was computed.", fields);
        }
    }

    private static boolean isMarker(String payloadHash) {
        return payloadHash.equals(VerifiedRequest.UNSIGNED_PAYLOAD) || payloadHash.startsWith("STREAMING-");
    }

    private static void checkScopeDate(AuthParameters auth) {
        String day = auth.amzDate().substring(0, 8);
        if (!auth.scope().date().equals(day)) {
            throw new SigV4Exception(Kind.SIGNATURE_MISMATCH, Detail.SCOPE_DATE_MISMATCH, auth.presigned(),
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                            + auth.scope().date() + "' != '" + day + "', from '" + auth.amzDate() + "'.", Map.of());
        }
    }

    private static void checkTime(AuthParameters auth, Instant now) {
        Instant time = auth.time();
        if (!auth.presigned()) {
            Instant earliest = now.minus(MAX_SKEW);
            Instant latest = now.plus(MAX_SKEW);
            String message = null;
            if (time.isBefore(earliest)) {
                message = "Signature expired: " + auth.amzDate() + " is now earlier than " + AmzDate.basic(earliest)
                        + " (" + AmzDate.basic(now) + " - 15 min.)";
            } else if (time.isAfter(latest)) {
                message = "Signature not yet current: " + auth.amzDate() + " is still later than " + AmzDate.basic(latest)
                        + " (" + AmzDate.basic(now) + " + 15 min.)";
            }
            if (message != null) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("RequestTime", auth.amzDate());
                fields.put("ServerTime", AmzDate.iso(now));
                fields.put("MaxAllowedSkewMilliseconds", Long.toString(MAX_SKEW.toMillis()));
                throw new SigV4Exception(Kind.CLOCK_SKEW, Detail.NONE, false, message, fields);
            }
            return;
        }
        if (auth.expiresSeconds() > MAX_EXPIRES_SECONDS) {
            throw new SigV4Exception(Kind.EXPIRED, Detail.EXPIRES_OUT_OF_RANGE, true,
                    "X-Amz-Expires must be less than a week (in seconds) that is 604800", Map.of());
        }
        Instant expiry = time.plusSeconds(auth.expiresSeconds());
        if (time.isAfter(now.plus(MAX_SKEW))) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("X-Amz-Date", auth.amzDate());
            fields.put("Expires", AmzDate.iso(expiry));
            fields.put("ServerTime", AmzDate.iso(now));
            throw new SigV4Exception(Kind.EXPIRED, Detail.NOT_YET_VALID, true, "Request is not yet valid", fields);
        }
        if (now.isAfter(expiry)) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("X-Amz-Expires", Long.toString(auth.expiresSeconds()));
            fields.put("Expires", AmzDate.iso(expiry));
            fields.put("ServerTime", AmzDate.iso(now));
            throw new SigV4Exception(Kind.EXPIRED, Detail.NONE, true, "Request has expired", fields);
        }
    }
}
