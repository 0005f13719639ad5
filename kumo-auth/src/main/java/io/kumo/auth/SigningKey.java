package io.kumo.auth;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;

/**
 * The key SigV4 derives from a secret for one day, region and service. Handed to later layers
 * so they can check aws-chunked payload signatures and event-stream frames with the same key.
 */
public final class SigningKey {
    private final byte[] key;
    private final Mac prototype;

    SigningKey(byte[] key) {
        this.key = key.clone();
        this.prototype = Crypto.hmac(this.key);
    }

    /** Derives the key as AWS defines it: HMAC chain over date, region, service and "aws4_request". */
    public static SigningKey derive(String secretKey, String date, String region, String service) {
        byte[] kDate = Crypto.hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] kRegion = Crypto.hmac(kDate, region);
        byte[] kService = Crypto.hmac(kRegion, service);
        return new SigningKey(Crypto.hmac(kService, "aws4_request"));
    }

    /** Lower-case hex HMAC-SHA256 of {@code stringToSign}: a SigV4 signature. */
    public String sign(String stringToSign) {
        return Crypto.HEX.formatHex(mac().doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    public byte[] bytes() {
        return key.clone();
    }

    // A keyed Mac is cloned rather than re-initialised: key setup is most of an HMAC's cost on short input.
    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException notCloneable) {
            return Crypto.hmac(key);
        }
    }
}
