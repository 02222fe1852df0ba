package net.wagw.domain.delivery;

import java.util.Optional;

import net.wagw.domain.bot.Bot;

/** Port: tells a bot about its messages, durably (retried until delivered or dead-lettered). */
public interface BotNotifier {
    /** Stores the notification and queues it for delivery. */
    void notify(Bot bot, Notification notification);

    /** Stores and queues the notification; empty when the same notification was stored before. */
    Optional<Delivery> enqueue(Bot bot, Notification notification);
}
