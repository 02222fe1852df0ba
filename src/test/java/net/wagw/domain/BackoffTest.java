package net.wagw.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The one retry schedule (docs/queue.md): doubling from the first wait, never past the cap. */
class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(15));

    @Test
    void eachWaitIsTwiceTheOneBeforeFromTheFirst() {
        assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(80));
    }

    @Test
    void noWaitIsLongerThanTheCapHoweverManyTries() {
        assertThat(backoff.after(7)).isEqualTo(Duration.ofSeconds(640));
        assertThat(backoff.after(8)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }
}
