package net.wagw.domain.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The daily verification allowance of a bot (docs/contracts.md §4). WhatsApp restricts numbers that look
 * up many contacts without messaging them, so each bot may verify only so many numbers per UTC
 * day. Each day has its own counter; it is kept one day past its end for audits, then expires.
 */
public final class VerificationQuota {
    private final Clock clock;

    public VerificationQuota(Clock clock) {
        this.clock = clock;
    }

    /** The counter of the day it is now. */
    public Period current() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant endOfDay = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Period("verify#" + today, endOfDay, endOfDay.plusSeconds(86_400));
    }

    /**
     * @param counter   the counter's name, unique per day
     * @param resetsAt  when the next day's counter takes over
     * @param expiresAt when the record may be deleted
     */
    public record Period(String counter, Instant resetsAt, Instant expiresAt) {
    }
}
