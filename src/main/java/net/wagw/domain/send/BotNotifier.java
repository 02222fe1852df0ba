package net.wagw.domain.send;

import net.wagw.domain.bot.Bot;

/** Port: tells a bot about its messages, durably (retried until delivered or dead-lettered). */
public interface BotNotifier {
    void notify(Bot bot, Notification notification);
}
