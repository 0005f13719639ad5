package io.kumo.ec2.runtime.imds;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImdsTokensTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ImdsTokens tokens = new ImdsTokens(clock);

    @Test
    void aTokenOpensItsInstanceUntilItsTtlRunsOut() {
        String token = tokens.issue("i-1", 60);

        assertThat(tokens.accepts(token, "i-1")).isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.accepts(token, "i-1")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.accepts(token, "i-1")).isFalse();
    }

    @Test
    void aTokenDoesNotOpenAnotherInstance() {
        assertThat(tokens.accepts(tokens.issue("i-1", 21_600), "i-2")).isFalse();
    }

    @Test
    void anotherProcessesTokensAreRefused() {
        String foreign = new ImdsTokens(clock).issue("i-1", 60);

        assertThat(tokens.accepts(foreign, "i-1")).isFalse();
    }

    @Test
    void forgedOrMangledTokensAreRefused() {
        byte[] raw = Base64.getUrlDecoder().decode(tokens.issue("i-1", 60));
        raw[2] ^= 0x7f; // moves the expiry without a matching MAC
        String extended = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThat(tokens.accepts(extended, "i-1")).isFalse();
        assertThat(tokens.accepts("not a token", "i-1")).isFalse();
        assertThat(tokens.accepts("", "i-1")).isFalse();
        assertThat(tokens.accepts(null, "i-1")).isFalse();
        assertThat(tokens.accepts(tokens.issue("i-1", 60) + "AA", "i-1")).isFalse();
    }

    @Test
    void tokensAreSafeAsHeaderValuesAndDifferAcrossInstances() {
        String token = tokens.issue("i-1", 60);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(token).isNotEqualTo(tokens.issue("i-2", 60));
    }

    @Test
    void issuingOutsideOneToSixHoursIsRefused() {
        assertThatThrownBy(() -> tokens.issue("i-1", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue("i-1", 21_601)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ttlHeaderMustBeAWholeNumberOfSecondsFromOneToSixHours() {
        assertThat(ImdsTokens.parseTtl("1")).isEqualTo(OptionalInt.of(1));
        assertThat(ImdsTokens.parseTtl(" 21600 ")).isEqualTo(OptionalInt.of(21_600));
        assertThat(ImdsTokens.parseTtl("0")).isEmpty();
        assertThat(ImdsTokens.parseTtl("21601")).isEmpty();
        assertThat(ImdsTokens.parseTtl("-5")).isEmpty();
        assertThat(ImdsTokens.parseTtl("1.5")).isEmpty();
        assertThat(ImdsTokens.parseTtl("abc")).isEmpty();
        assertThat(ImdsTokens.parseTtl("99999999999999999999")).isEmpty();
        assertThat(ImdsTokens.parseTtl("")).isEmpty();
        assertThat(ImdsTokens.parseTtl(null)).isEmpty();
    }
}
