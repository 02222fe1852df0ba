package net.wagw.domain.send;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.bot.Bot;

/**
 * {@code get /usage?from=&to=} (docs/contracts.md §3.4): the bot's billable messages as Meta priced them,
 * counted per UTC day by category and pricing type. Both ends are included; without them, the last 30
 * days up to today. One read per day, so a range is at most {@value #MAX_DAYS} days (a quarter).
 */
public final class UsageReport {
    public static final int MAX_DAYS = 93;
    static final int DEFAULT_DAYS = 30;

    private final UsageCounter counter;
    private final Clock clock;

    public UsageReport(UsageCounter counter, Clock clock) {
        this.counter = counter;
        this.clock = clock;
    }

    /** @param from {@code YYYY-MM-DD} or null; @param to likewise */
    public List<UsageCounter.Usage> between(Bot bot, String from, String to) {
        LocalDate last = to == null || to.isBlank() ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : day("to", to);
        LocalDate first = from == null || from.isBlank() ? last.minusDays(DEFAULT_DAYS - 1L) : day("from", from);
        if (first.isAfter(last)) {
            throw new Refusal(Reason.VALIDATION_ERROR, "'from' (" + first + ") is after 'to' (" + last
                    + "): give the first day, then the last.");
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > MAX_DAYS) {
            throw new Refusal(Reason.VALIDATION_ERROR, "The range " + first + " to " + last + " has " + days
                    + " days; ask for at most " + MAX_DAYS + " at a time.");
        }
        return counter.between(bot.id(), first, last);
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refusal(Reason.VALIDATION_ERROR, "'" + name + "' must be a UTC day as 2026-10-01, not '"
                    + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'.");
        }
    }
}
