package net.wagw.domain.group;

import java.util.Optional;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.delivery.Delivery;

/**
 * Port: tells a bot what happened to one of its groups, as a message of type
 * {@code application/vnd.wagw.group-event+json} (docs/contracts.md §6), stored for delivery once.
 */
public interface GroupNotifier {
    /**
     * @param event   created, failed, deleted, participants, join-requests, settings or status
     * @param rawJson Meta's webhook element, passed on whole; null when wagw itself is the source
     * @return the stored delivery, or empty when this very event was stored before
     */
    Optional<Delivery> enqueue(Bot bot, Group group, String event, String rawJson);
}
