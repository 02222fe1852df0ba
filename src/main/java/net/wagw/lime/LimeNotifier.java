package net.wagw.lime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.send.BotNotifier;
import net.wagw.domain.send.Notification;

/**
 * {@link BotNotifier} that writes LIME notifications and hands them to the {@link Outbox}: one
 * delivery per message and event, so the same status never reaches the bot twice.
 */
public final class LimeNotifier implements BotNotifier {
    private final Outbox outbox;
    private final ObjectMapper json;
    private final String botDomain;

    public LimeNotifier(Outbox outbox, ObjectMapper json, String botDomain) {
        this.outbox = outbox;
        this.json = json;
        this.botDomain = botDomain;
    }

    @Override
    public void notify(Bot bot, Notification notification) {
        LimeReason reason = notification.reasonCode() == 0 ? null
                : new LimeReason(notification.reasonCode(), notification.reasonDescription());
        LimeNotification envelope = new LimeNotification(notification.messageId(), notification.recipientNode(),
                bot.node(botDomain), notification.event(), reason,
                notification.metadata().isEmpty() ? null : notification.metadata());
        String body;
        try {
            body = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification not serialisable", e);
        }
        String participant = notification.metadata().getOrDefault("#wa.participant", "");
        outbox.deliver(bot, "notification:" + notification.messageId() + ":" + notification.event()
                + (participant.isEmpty() ? "" : ":" + participant), Delivery.Target.NOTIFICATIONS, body);
    }
}
