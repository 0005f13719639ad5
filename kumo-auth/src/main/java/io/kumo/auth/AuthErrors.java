package io.kumo.auth;

import io.kumo.auth.SigV4Exception.Detail;
import io.kumo.auth.SigV4Exception.Kind;
import io.kumo.core.AwsException;

/**
 * AWS's error code, HTTP status and wording for an authentication failure, which differ by service
 * family: S3 (by signing name), EC2 (protocol "ec2"), the XML query family ("query", and "rest-xml"
 * services other than S3, e.g. Route 53), the JSON family ("json", rpc-v2-cbor) and REST-JSON.
 *
 * <pre>
 * Kind                  S3                                   EC2                            query / rest-xml                JSON (json, cbor)                       rest-json
 * MISSING_AUTH          AccessDenied 403                     MissingAuthenticationToken 401 MissingAuthenticationToken 403  MissingAuthenticationTokenException 400 same code, 403
 * INCOMPLETE_SIGNATURE  AuthorizationHeaderMalformed 400     IncompleteSignature 400        IncompleteSignature 400         IncompleteSignatureException 400        same code, 403
 *                         presigned: AuthorizationQueryParametersError 400
 *                         no date:   AccessDenied 403
 * UNKNOWN_ACCESS_KEY    InvalidAccessKeyId 403               AuthFailure 401                InvalidClientTokenId 403        UnrecognizedClientException 400         same code, 403
 *                         bad session token: InvalidToken 400
 * SIGNATURE_MISMATCH    SignatureDoesNotMatch 403            AuthFailure 401                SignatureDoesNotMatch 403       InvalidSignatureException 400           same code, 403
 *                         scope date != X-Amz-Date: AuthorizationHeaderMalformed 400 (AuthorizationQueryParametersError 400 presigned)
 * PAYLOAD_HASH_MISMATCH XAmzContentSHA256Mismatch 400        only S3 raises it; elsewhere it maps like SIGNATURE_MISMATCH
 *                         value neither hash nor marker: InvalidArgument 400
 * CLOCK_SKEW            RequestTimeTooSkewed 403             RequestExpired 400             SignatureDoesNotMatch 403       InvalidSignatureException 400           same code, 403
 * EXPIRED               AccessDenied 403                     RequestExpired 400             SignatureDoesNotMatch 403       InvalidSignatureException 400           same code, 403
 *                         X-Amz-Expires over 7 days: AuthorizationQueryParametersError 400
 * </pre>
 *
 * Sources. Common Errors pages of the AWS API references (IAM, RDS, EMR: IncompleteSignature 400,
 * InvalidClientTokenId 403, MissingAuthenticationToken 403, RequestExpired 400) and the EC2 error-code
 * list (AuthFailure, IncompleteSignature, MissingAuthenticationToken, RequestExpired). Responses quoted
 * in issue trackers: EC2 AuthFailure with 401 (aws/aws-sdk-java#2508, hashicorp/terraform#17273) and
 * for bad secrets on DescribeInstances (aws/aws-cli#602), EC2 RequestExpired 400 (aws/aws-sdk-java#1443,
 * boto/boto#148); STS MissingAuthenticationToken 403 (cert-manager/aws-privateca-issuer#40), STS
 * InvalidClientTokenId 403 (apache/hadoop#6544), STS clock skew as SignatureDoesNotMatch "Signature
 * expired: ..." (aws/aws-cli#6676); SES IncompleteSignature 400 (brendanhay/amazonka#316); JSON
 * services' InvalidSignatureException 400 (aws/aws-sdk-js#254) and UnrecognizedClientException 400
 * (aws/aws-sdk-php#1114); S3 RequestTimeTooSkewed 403 (aws/aws-sdk-php#612), expired presign
 * AccessDenied "Request has expired" (aws/aws-sdk-js#3493), XAmzContentSHA256Mismatch 400
 * (s3tools/s3cmd#812, grosskur/lua-resty-aws#2).
 * Not confirmed: EC2's status for MissingAuthenticationToken (401 chosen, like its other credential
 * errors); EC2 answering IncompleteSignature rather than AuthFailure (its error list documents
 * IncompleteSignature); REST-JSON statuses (Lambda-style services answer 403).
 */
public final class AuthErrors {

    public record ErrorCode(String code, int status) {
    }

    private record Mapped(ErrorCode code, String message) {
    }

    private AuthErrors() {
    }

    /** The code and status for a kind of failure, as the given service answers it. */
    public static ErrorCode codeFor(Kind kind, String serviceSigningName, String protocol) {
        return map(kind, Detail.NONE, false, "", serviceSigningName, protocol).code();
    }

    /** As {@link #codeFor(Kind, String, String)}, refined by the failure's detail (S3 distinguishes more). */
    public static ErrorCode codeFor(SigV4Exception e, String serviceSigningName, String protocol) {
        return map(e, serviceSigningName, protocol).code();
    }

    /** The message the service puts in its error body. */
    public static String messageFor(SigV4Exception e, String serviceSigningName, String protocol) {
        return map(e, serviceSigningName, protocol).message();
    }

    /** The failure as the protocol layer renders errors. S3's extra fields are in {@link SigV4Exception#fields()}. */
    public static AwsException toAwsException(SigV4Exception e, String serviceSigningName, String protocol) {
        Mapped mapped = map(e, serviceSigningName, protocol);
        return new AwsException(mapped.code().code(), mapped.message(), mapped.code().status(), true);
    }

    private static Mapped map(SigV4Exception e, String service, String protocol) {
        return map(e.kind(), e.detail(), e.presigned(), e.getMessage(), service, protocol);
    }

    private static Mapped map(Kind kind, Detail detail, boolean presigned, String message, String service, String protocol) {
        String signingName = service == null ? "" : service;
        String family = protocol == null ? "" : protocol;
        if (SigV4Verifier.isS3(signingName)) {
            return s3(kind, detail, presigned, message);
        }
        if (family.equals("ec2")) {
            return ec2(kind, message);
        }
        return switch (family) {
            case "json", "smithy-rpc-v2-cbor", "rpc-v2-cbor" -> json(kind, message, 400);
            case "rest-json" -> json(kind, message, 403);
            default -> query(kind, message);
        };
    }

    private static Mapped s3(Kind kind, Detail detail, boolean presigned, String message) {
        return switch (kind) {
            case MISSING_AUTH -> of("AccessDenied", 403, "Access Denied");
            case INCOMPLETE_SIGNATURE -> {
                if (presigned) {
                    yield of("AuthorizationQueryParametersError", 400, message);
                }
                if (detail == Detail.MISSING_DATE) {
                    yield of("AccessDenied", 403, "AWS authentication requires a valid Date or x-amz-date header");
                }
                yield of("AuthorizationHeaderMalformed", 400, malformedHeaderMessage(message));
            }
            case UNKNOWN_ACCESS_KEY -> detail == Detail.INVALID_SESSION_TOKEN
                    ? of("InvalidToken", 400, "The provided token is malformed or otherwise invalid.")
                    : of("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records.");
            case SIGNATURE_MISMATCH -> {
                if (detail == Detail.SCOPE_DATE_MISMATCH) {
                    yield presigned
                            ? of("AuthorizationQueryParametersError", 400,
                                    "Invalid credential date. Date is not the same as X-Amz-Date.")
                            : of("AuthorizationHeaderMalformed", 400,
                                    "The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date.");
                }
                yield of("SignatureDoesNotMatch", 403,
                        "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
            }
            case PAYLOAD_HASH_MISMATCH -> detail == Detail.INVALID_CONTENT_SHA256
                    ? of("InvalidArgument", 400, message)
                    : of("XAmzContentSHA256Mismatch", 400, message);
            case CLOCK_SKEW -> of("RequestTimeTooSkewed", 403, "The difference between the request time and the current time is too large.");
            case EXPIRED -> detail == Detail.EXPIRES_OUT_OF_RANGE
                    ? of("AuthorizationQueryParametersError", 400, message)
                    : of("AccessDenied", 403, message.isEmpty() ? "Request has expired" : message);
        };
    }

    private static Mapped ec2(Kind kind, String message) {
        return switch (kind) {
            case MISSING_AUTH -> of("MissingAuthenticationToken", 401,
                    "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.");
            case INCOMPLETE_SIGNATURE -> of("IncompleteSignature", 400, message);
            case UNKNOWN_ACCESS_KEY, SIGNATURE_MISMATCH, PAYLOAD_HASH_MISMATCH ->
                    of("AuthFailure", 401, "AWS was not able to validate the provided access credentials");
            case CLOCK_SKEW, EXPIRED -> of("RequestExpired", 400, "Request has expired.");
        };
    }

    private static Mapped query(Kind kind, String message) {
        return switch (kind) {
            case MISSING_AUTH -> of("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
            case INCOMPLETE_SIGNATURE -> of("IncompleteSignature", 400, message);
            case UNKNOWN_ACCESS_KEY -> of("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
            case SIGNATURE_MISMATCH, PAYLOAD_HASH_MISMATCH, CLOCK_SKEW, EXPIRED ->
                    of("SignatureDoesNotMatch", 403, orSignatureMismatch(message));
        };
    }

    private static Mapped json(Kind kind, String message, int status) {
        return switch (kind) {
            case MISSING_AUTH -> of("MissingAuthenticationTokenException", status, "Request is missing Authentication Token");
            case INCOMPLETE_SIGNATURE -> of("IncompleteSignatureException", status, message);
            case UNKNOWN_ACCESS_KEY -> of("UnrecognizedClientException", status, "The security token included in the request is invalid.");
            case SIGNATURE_MISMATCH, PAYLOAD_HASH_MISMATCH, CLOCK_SKEW, EXPIRED ->
                    of("InvalidSignatureException", status, orSignatureMismatch(message));
        };
    }

    private static String orSignatureMismatch(String message) {
        return message == null || message.isEmpty() ? SigV4Verifier.SIGNATURE_MISMATCH_MESSAGE : message;
    }

    private static String malformedHeaderMessage(String message) {
        if (message.startsWith("The authorization header is malformed")) {
            return message;
        }
        if (message.contains("Authorization header requires '")) {
            return "The authorization header is malformed; the authorization header requires three components: "
                    + "Credential, SignedHeaders, and Signature.";
        }
        return "The authorization header is malformed; " + message;
    }

    private static Mapped of(String code, int status, String message) {
        return new Mapped(new ErrorCode(code, status), message);
    }
}
