package net.wagw.domain.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CustomerServiceWindowTest {
    private static final Instant LAST = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void isOpenUntilJustBefore24HoursAfterTheCustomersLastMessage() {
        assertThat(CustomerServiceWindow.isOpen(Optional.of(LAST), LAST)).isTrue();
        assertThat(CustomerServiceWindow.isOpen(Optional.of(LAST), LAST.plus(Duration.ofHours(24)).minusSeconds(1))).isTrue();
        assertThat(CustomerServiceWindow.isOpen(Optional.of(LAST), LAST.plus(Duration.ofHours(24)))).isFalse();
        assertThat(CustomerServiceWindow.isOpen(Optional.of(LAST), LAST.plus(Duration.ofHours(24)).plusSeconds(1))).isFalse();
    }

    @Test
    void isClosedForACustomerWhoNeverWrote() {
        assertThat(CustomerServiceWindow.isOpen(Optional.empty(), LAST)).isFalse();
    }
}
