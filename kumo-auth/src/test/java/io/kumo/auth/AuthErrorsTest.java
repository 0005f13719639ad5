package io.kumo.auth;

import io.kumo.auth.AuthErrors.ErrorCode;
import io.kumo.auth.SigV4Exception.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuthErrorsTest {

    @ParameterizedTest(name = "{0} {1}/{2} -> {3} {4}")
    @CsvSource({
            "MISSING_AUTH,          ec2,     ec2,       MissingAuthenticationToken,          401",
            "INCOMPLETE_SIGNATURE,  ec2,     ec2,       IncompleteSignature,                 400",
            "UNKNOWN_ACCESS_KEY,    ec2,     ec2,       AuthFailure,                         401",
            "SIGNATURE_MISMATCH,    ec2,     ec2,       AuthFailure,                         401",
            "CLOCK_SKEW,            ec2,     ec2,       RequestExpired,                      400",
            "EXPIRED,               ec2,     ec2,       RequestExpired,                      400",
            "MISSING_AUTH,          sts,     query,     MissingAuthenticationToken,          403",
            "INCOMPLETE_SIGNATURE,  sts,     query,     IncompleteSignature,                 400",
            "UNKNOWN_ACCESS_KEY,    sts,     query,     InvalidClientTokenId,                403",
            "SIGNATURE_MISMATCH,    sts,     query,     SignatureDoesNotMatch,               403",
            "CLOCK_SKEW,            sts,     query,     SignatureDoesNotMatch,               403",
            "UNKNOWN_ACCESS_KEY,    route53, rest-xml,  InvalidClientTokenId,                403",
            "MISSING_AUTH,          acm,     json,      MissingAuthenticationTokenException, 400",
            "UNKNOWN_ACCESS_KEY,    acm,     json,      UnrecognizedClientException,         400",
            "SIGNATURE_MISMATCH,    acm,     json,      InvalidSignatureException,           400",
            "UNKNOWN_ACCESS_KEY,    lambda,  rest-json, UnrecognizedClientException,         403",
            "MISSING_AUTH,          s3,      rest-xml,  AccessDenied,                        403",
            "INCOMPLETE_SIGNATURE,  s3,      rest-xml,  AuthorizationHeaderMalformed,        400",
            "UNKNOWN_ACCESS_KEY,    s3,      rest-xml,  InvalidAccessKeyId,                  403",
            "SIGNATURE_MISMATCH,    s3,      rest-xml,  SignatureDoesNotMatch,               403",
            "PAYLOAD_HASH_MISMATCH, s3,      rest-xml,  XAmzContentSHA256Mismatch,           400",
            "CLOCK_SKEW,            s3,      rest-xml,  RequestTimeTooSkewed,                403",
            "EXPIRED,               s3,      rest-xml,  AccessDenied,                        403",
    })
    void codes(Kind kind, String service, String protocol, String code, int status) {
        assertThat(AuthErrors.codeFor(kind, service, protocol)).isEqualTo(new ErrorCode(code, status));
    }
}
