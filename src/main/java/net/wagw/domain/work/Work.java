package net.wagw.domain.work;

/** A piece of work that waits: a deferred send, a delivery to a bot, a media copy. */
public sealed interface Work permits Work.Send, Work.Deliver, Work.CopyMedia {

    String botId();

    /** Try (again) to send the bot's envelope to Meta. */
    record Send(String botId, String envelopeId) implements Work {}

    /** Try (again) to deliver a stored delivery (message or notification) to the bot. */
    record Deliver(String botId, String deliveryId) implements Work {}

    /** Copy an inbound media file to the media store. */
    record CopyMedia(String botId, String mediaId) implements Work {}
}
