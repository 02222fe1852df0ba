package net.wagw.domain.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class VerificationQuotaTest {

    private static VerificationQuota.Period at(String instant) {
        return new VerificationQuota(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)).current();
    }

    @Test
    void eachUtcDayHasItsOwnCounter() {
        assertThat(at("2026-11-25T23:59:59Z").counter()).isEqualTo("verify#2026-11-25");
        assertThat(at("2026-11-26T00:00:00Z").counter()).isEqualTo("verify#2026-11-26");
        assertThat(at("2026-11-25T00:00:00Z").counter()).isEqualTo(at("2026-11-25T23:59:59.999Z").counter());
    }

    @Test
    void theCounterResetsAtTheNextUtcMidnightAndExpiresADayLater() {
        VerificationQuota.Period period = at("2026-11-25T13:45:00Z");

        assertThat(period.resetsAt()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(period.expiresAt()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    }

    @Test
    void theDayIsUtcWhateverTheClockZone() {
        Clock saoPaulo = Clock.fixed(Instant.parse("2026-11-26T01:30:00Z"), java.time.ZoneId.of("America/Sao_Paulo"));

        assertThat(new VerificationQuota(saoPaulo).current().counter()).isEqualTo("verify#2026-11-26");
    }
}
