package net.wagw.domain.work;

/** A piece of work that waits: a deferred send, a delivery to a bot, a media copy. */
public sealed interface Work permits Work.Send, Work.Deliver, Work.CopyMedia {

    String botId();

    /** Try (again) to send the bot's envelope to Meta. */
    record Send(String botId, String envelopeId) implements Work {}

    /**
     * Try (again) to deliver a delivery (message or notification) to the bot.
     *
     * @param notification null for a stored delivery; else the notification's body, carried by the
     *                     queue and stored only when its first try does not reach the bot
     * @param since        when a carried notification was queued (null for a stored delivery)
     */
    record Deliver(String botId, String deliveryId, String notification, java.time.Instant since) implements Work {
        public Deliver(String botId, String deliveryId) {
            this(botId, deliveryId, null, null);
        }
    }

    /** Copy an inbound media file to the media store. */
    record CopyMedia(String botId, String mediaId) implements Work {}
}
