package net.wagw.lime;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.delivery.BotNotifier;
import net.wagw.domain.delivery.Notification;

/**
 * {@link BotNotifier} that writes LIME notifications and hands them to the {@link Outbox}: one
 * delivery id per message and event, so the same status never reaches the bot twice.
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
        enqueue(bot, notification);
    }

    @Override
    public Optional<Delivery> enqueue(Bot bot, Notification notification) {
        // one lane per customer: a message's accepted, dispatched, received arrive in that order;
        // carried by the queue, not stored first: the write that decided it makes it once
        String id = deliveryId(notification);
        String body = body(bot, notification);
        outbox.notify(bot, id, body, notification.recipientNode() == null ? id : notification.recipientNode());
        return Optional.of(new Delivery(bot.id(), id, Delivery.Target.NOTIFICATIONS, body, Delivery.State.PENDING, 0,
                java.time.Instant.EPOCH, java.time.Instant.EPOCH, null, 0));
    }

    /** One delivery per message, event and (in groups) participant: the same status never goes twice. */
    private static String deliveryId(Notification notification) {
        String participant = notification.metadata().getOrDefault("#wa.participant", "");
        return "notification:" + notification.messageId() + ":" + Lime.event(notification.event())
                + (participant.isEmpty() ? "" : ":" + participant);
    }

    private String body(Bot bot, Notification notification) {
        LimeReason reason = notification.reasonCode() == 0 ? null
                : new LimeReason(notification.reasonCode(), notification.reasonDescription());
        LimeNotification envelope = new LimeNotification(notification.messageId(), notification.recipientNode(),
                bot.node(botDomain), Lime.event(notification.event()), reason,
                notification.metadata().isEmpty() ? null : notification.metadata());
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification not serialisable", e);
        }
    }
}
