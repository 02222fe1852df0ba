package net.wagw.domain.send;

import java.time.LocalDate;
import java.util.List;

/**
 * Port: per-bot per-day counts of billable messages by pricing category and type (docs/contracts.md §3.4),
 * from Meta's priced statuses.
 */
public interface UsageCounter {
    /**
     * Counts one billable message, once per wamid whichever of its statuses brings the pricing: one
     * atomic write of the day's counter, guarded by the message's own record.
     */
    void count(String botId, String wamid, LocalDate day, String category, String type);

    /**
     * Counts one billable message whose record was already marked billed (by the status's own
     * forward move): the day's counter alone. Default: {@link #count}, whose guard then holds.
     */
    default void countMarked(String botId, String wamid, LocalDate day, String category, String type) {
        count(botId, wamid, day, category, type);
    }

    /** Every counter of the bot from {@code from} to {@code to}, both included, by day. */
    List<Usage> between(String botId, LocalDate from, LocalDate to);

    record Usage(LocalDate day, String category, String type, long messages) {
    }
}
