package net.wagw.domain.verify;

import java.time.Instant;

/** Port: counters that never pass a limit, even under concurrent increments. */
public interface QuotaCounter {
    /**
     * Adds one to the bot's counter unless it already holds {@code limit}.
     *
     * @return false, and nothing changed, when the counter was full
     */
    boolean tryIncrement(String botId, String counter, long limit, Instant expiresAt);
}
