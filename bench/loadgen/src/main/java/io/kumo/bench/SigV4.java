package io.kumo.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** AWS Signature V4 for form-encoded POSTs to "/" (the EC2 and query protocols), header form. */
final class SigV4 {
    private static final DateTimeFormatter AMZ = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String CTYPE = "application/x-www-form-urlencoded; charset=utf-8";

    private SigV4() {
    }

    /** A complete HTTP/1.1 request (keep-alive), signed now. Valid for 15 minutes. */
    static byte[] signedPost(String host, int port, String region, String service, String accessKey, String secretKey, String body) {
        String amzDate = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ);
        String day = amzDate.substring(0, 8);
        String hostPort = host + ":" + port;
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String payloadHash = hex(sha256(bodyBytes));
        String canonicalHeaders = "content-type:" + CTYPE + "\nhost:" + hostPort + "\nx-amz-content-sha256:" + payloadHash
                + "\nx-amz-date:" + amzDate + "\n";
        String signedHeaders = "content-type;host;x-amz-content-sha256;x-amz-date";
        String canonical = "POST\n/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
        String scope = day + "/" + region + "/" + service + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] k = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
        k = hmac(k, region);
        k = hmac(k, service);
        k = hmac(k, "aws4_request");
        String signature = hex(hmac(k, toSign));
        String head = "POST / HTTP/1.1\r\nHost: " + hostPort + "\r\nContent-Type: " + CTYPE + "\r\nX-Amz-Date: " + amzDate
                + "\r\nX-Amz-Content-Sha256: " + payloadHash + "\r\nAuthorization: AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature + "\r\nContent-Length: " + bodyBytes.length
                + "\r\nConnection: keep-alive\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + bodyBytes.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(bodyBytes, 0, out, h.length, bodyBytes.length);
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
