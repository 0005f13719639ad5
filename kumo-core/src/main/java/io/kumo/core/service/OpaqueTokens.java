package io.kumo.core.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Text a client gets back unread (pagination tokens, stickiness cookies): URL-safe base64 without padding,
 * so it travels in query strings, XML and cookies as is.
 */
public final class OpaqueTokens {
    private OpaqueTokens() {
    }

    public static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** What follows {@code prefix} in the token; empty when the token is not base64 or does not start so. */
    public static Optional<String> afterPrefix(String token, String prefix) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return text.startsWith(prefix) ? Optional.of(text.substring(prefix.length())) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
