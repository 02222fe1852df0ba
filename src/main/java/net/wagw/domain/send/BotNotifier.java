package net.wagw.domain.send;

import java.util.Optional;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.delivery.Delivery;

/** Port: tells a bot about its messages, durably (retried until delivered or dead-lettered). */
public interface BotNotifier {
    /** Stores the notification and tries it at once. */
    void notify(Bot bot, Notification notification);

    /**
     * Stores the notification for the caller to try when it chooses (webhooks first answer Meta);
     * empty when the same notification was stored before.
     */
    Optional<Delivery> enqueue(Bot bot, Notification notification);
}
