package net.wagw.domain.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import net.wagw.testing.SettableClock;

class PacerTest {
    private static final String NUMBER = "106540352242922";
    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final Pacer pacer = new Pacer(clock, 80);

    /** Sends as fast as the pacer lets one customer per send, for {@code seconds}: how many went. */
    private int sendFor(int seconds) {
        Instant end = clock.instant().plusSeconds(seconds);
        int sent = 0;
        while (clock.instant().isBefore(end)) {
            Duration wait = pacer.reserve(NUMBER, "c" + sent);
            if (wait.isZero()) {
                sent++;
            } else {
                clock.advance(wait);
            }
        }
        return sent;
    }

    @Test
    void aNumberIsPacedAtItsConfiguredRateWithoutBurst() {
        assertThat(sendFor(10)).as("at most the rate, its millisecond rounding aside").isBetween(760, 801);
    }

    @Test
    void a130429PausesTheNumberForASecond() {
        sendFor(2);
        pacer.throttled(NUMBER);

        assertThat(pacer.reserve(NUMBER, "d")).isGreaterThanOrEqualTo(Pacer.THROTTLE_PAUSE);
    }

    @Test
    void a130429LowersTheRateToJustUnderWhatWentInTheLastSecond() {
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofMillis(20));
            assertThat(pacer.reserve(NUMBER, "c" + i)).isZero();
        }
        pacer.throttled(NUMBER); // Meta allows fewer than 50 a second

        assertThat(pacer.rate(NUMBER)).isEqualTo(49.0);
    }

    @Test
    void a130429AtMostHalvesTheRateWhenLittleWasSent() {
        pacer.reserve(NUMBER, "c");
        pacer.throttled(NUMBER);

        assertThat(pacer.rate(NUMBER)).isBetween(35.0, 40.0);
    }

    @Test
    void theAnswersToSendsAlreadyMadeDuringThePauseLowerTheRateOnce() {
        sendFor(2);
        pacer.throttled(NUMBER);
        clock.advance(Duration.ofMillis(300));
        pacer.throttled(NUMBER);
        pacer.throttled(NUMBER);

        assertThat(pacer.rate(NUMBER)).isEqualTo(70.0);
    }

    @Test
    void afterA130429TheRateClimbsBackQuicklyToJustUnderTheRefusedRateThenSlowly() {
        int refused = sendFor(1); // what went at ~80/s in the last second was refused
        pacer.throttled(NUMBER);
        assertThat(pacer.rate(NUMBER)).as("an eighth less").isEqualTo(70.0);

        clock.advance(Duration.ofSeconds(7));
        assertThat(pacer.rate(NUMBER)).as("just under the refused rate").isBetween(refused * 0.96, refused * 0.98);
        clock.advance(Duration.ofSeconds(10));
        assertThat(pacer.rate(NUMBER)).as("probing past it, a little each second")
                .isBetween(refused * 0.97, refused * 0.99);
    }

    @Test
    void withoutFurther130429sTheRateReturnsToTheConfiguredOneAndNoFurther() {
        pacer.throttled(NUMBER);
        clock.advance(Duration.ofMinutes(10));

        assertThat(pacer.rate(NUMBER)).isEqualTo(80.0);
        assertThat(sendFor(10)).as("at most the rate, its millisecond rounding aside").isBetween(760, 801);
    }

    @Test
    void onlyTheThrottledNumberSlowsDown() {
        pacer.throttled(NUMBER);

        assertThat(pacer.rate("other")).isEqualTo(80.0);
        assertThat(pacer.reserve("other", "c")).isZero();
    }
}
