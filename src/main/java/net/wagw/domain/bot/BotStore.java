package net.wagw.domain.bot;

import java.util.List;
import java.util.Optional;

/** Port: the bots table. */
public interface BotStore {
    /** Every bot, enabled or not. */
    List<BotRecord> all();

    Optional<BotRecord> find(String botId);

    /** Creates or replaces the bot's record. */
    void put(BotRecord bot);
}
