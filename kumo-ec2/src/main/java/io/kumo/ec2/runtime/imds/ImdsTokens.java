package io.kumo.ec2.runtime.imds;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Issues and checks IMDSv2 session tokens without remembering them: a token carries its expiry and an HMAC over
 * (expiry, instance id) under a key drawn per process. So a token only opens the instance it was issued to, no table
 * grows with the tokens handed out, and a restart of Kumo ends every session (clients then PUT again, as they do
 * whenever a token is refused).
 */
public final class ImdsTokens {

    public static final int MIN_TTL_SECONDS = 1;
    /** Six hours. */
    public static final int MAX_TTL_SECONDS = 21_600;

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte FORMAT = 1;
    private static final int MAC_BYTES = 32;
    private static final int TOKEN_BYTES = 1 + Long.BYTES + MAC_BYTES;

    private final Clock clock;
    private final SecretKeySpec key;

    public ImdsTokens(Clock clock) {
        this(clock, randomKey());
    }

    ImdsTokens(Clock clock, byte[] key) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** A token for this instance that expires ttlSeconds from now. */
    public String issue(String instanceId, int ttlSeconds) {
        if (ttlSeconds < MIN_TTL_SECONDS || ttlSeconds > MAX_TTL_SECONDS) {
            throw new IllegalArgumentException("TTL must be within " + MIN_TTL_SECONDS + ".." + MAX_TTL_SECONDS + ": " + ttlSeconds);
        }
        long expiresAtMillis = clock.millis() + ttlSeconds * 1000L;
        ByteBuffer token = ByteBuffer.allocate(TOKEN_BYTES).put(FORMAT).putLong(expiresAtMillis).put(mac(expiresAtMillis, instanceId));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** Whether the token was issued by this process to this instance and has not expired. */
    public boolean accepts(String token, String instanceId) {
        if (token == null || instanceId == null) {
            return false;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        if (raw.length != TOKEN_BYTES || raw[0] != FORMAT) {
            return false;
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw, 1, raw.length - 1);
        long expiresAtMillis = buffer.getLong();
        byte[] presented = new byte[MAC_BYTES];
        buffer.get(presented);
        // Compare the MAC before the clock so a forged token learns nothing from which check failed.
        boolean genuine = MessageDigest.isEqual(presented, mac(expiresAtMillis, instanceId));
        return genuine && clock.millis() < expiresAtMillis;
    }

    /**
     * Reads the X-aws-ec2-metadata-token-ttl-seconds header: a whole number of seconds within 1..21600, else empty
     * (which the service answers with 400).
     */
    public static OptionalInt parseTtl(String header) {
        if (header == null) {
            return OptionalInt.empty();
        }
        String digits = header.trim();
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        int seconds = Integer.parseInt(digits);
        return seconds >= MIN_TTL_SECONDS && seconds <= MAX_TTL_SECONDS ? OptionalInt.of(seconds) : OptionalInt.empty();
    }

    private byte[] mac(long expiresAtMillis, String instanceId) {
        try {
            // A Mac is not thread-safe and cheap to make; event loops call this concurrently.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(FORMAT);
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(expiresAtMillis).array());
            return mac.doFinal(instanceId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
