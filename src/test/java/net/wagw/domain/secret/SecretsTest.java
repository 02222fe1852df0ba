package net.wagw.domain.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import net.wagw.testing.SettableClock;

class SecretsTest {
    private final Map<String, String> values = new HashMap<>();
    private int reads;
    private boolean down;
    private final SecretSource source = reference -> {
        if (down) {
            throw new IllegalStateException("Secrets Manager unreachable");
        }
        reads++;
        return Optional.ofNullable(values.get(reference));
    };
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final Secrets secrets = new Secrets(source, clock, Duration.ofMinutes(5));

    @Test
    void aSecretIsReadOnceAndAgainOnlyAfterTheMaximumAge() {
        values.put("token", "v1");
        assertThat(secrets.get("token")).contains("v1");
        values.put("token", "v2");
        clock.advance(Duration.ofMinutes(4));
        assertThat(secrets.get("token")).as("held").contains("v1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(secrets.get("token")).as("older than 5 minutes: read again").contains("v2");
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void aRereadSaysWhetherTheValueChangedAndHoldsTheNewOne() {
        values.put("token", "v1");
        Secrets.Secret token = secrets.secret("token");
        assertThat(token.valueOrEmpty()).isEqualTo("v1");
        assertThat(token.reread("v1")).as("nothing rotated: trying again would not help").isFalse();

        values.put("token", "v2");
        assertThat(token.reread("v1")).isTrue();
        assertThat(token.valueOrEmpty()).isEqualTo("v2");
    }

    @Test
    void aFailedReadKeepsTheHeldValue() {
        values.put("token", "v1");
        assertThat(secrets.get("token")).contains("v1");
        down = true;
        clock.advance(Duration.ofMinutes(6));
        assertThat(secrets.get("token")).contains("v1");
        assertThat(secrets.reread("token", "v1")).isFalse();
    }

    @Test
    void noReferenceIsNoSecret() {
        assertThat(secrets.get(null)).isEmpty();
        assertThat(secrets.get(" ")).isEmpty();
        assertThat(reads).isZero();
    }
}
