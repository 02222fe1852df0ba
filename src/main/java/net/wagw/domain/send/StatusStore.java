package net.wagw.domain.send;

import java.util.Optional;


/**
 * Port: the statuses of sent messages by Meta's message id, so that a status webhook finds the
 * bot's envelope id and moves only forward (docs/contracts.md §3.4). A status for a message not tracked
 * (yet) is kept, the furthest one per wamid, and handed back when the message is tracked.
 */
public interface StatusStore {
    /**
     * Starts tracking a message Meta accepted, with what a reply to it needs, in one write.
     *
     * @return the furthest status kept for this wamid before it was tracked, to apply now
     */
    Optional<StatusUpdate> track(String botId, String wamid, String recipientNode, SentMessage sent);

    /** What was sent under a wamid, when wagw sent it (and still keeps its status). */
    Optional<SentMessage> sent(String botId, String wamid);

    /**
     * Moves a message's status (or one group participant's, when {@code participant} is not null)
     * to {@code rank} if it is further than the status recorded.
     */
    Advance advance(String botId, String wamid, String participant, int rank);

    /**
     * As {@link #advance(String, String, String, int)}; for a status that brings the message's
     * pricing, the same write also marks the message billed, once ({@link Advanced#billed}).
     * The default marks nothing: the caller counts through {@link UsageCounter#count}.
     */
    default Advance advance(String botId, String wamid, String participant, int rank, boolean priced) {
        return advance(botId, wamid, participant, rank);
    }

    /**
     * Keeps a status of a message not tracked, unless one as far is kept already.
     *
     * @return false when the message got tracked meanwhile (advance it instead)
     */
    boolean keep(String botId, StatusUpdate status, int rank);

    /** What {@link #advance} did. */
    sealed interface Advance {
    }

    /**
     * Moved forward: tell the bot about its message.
     *
     * @param billed what the write did about billing (a priced status's)
     */
    record Advanced(String messageId, String recipientNode, Billed billed) implements Advance {
        public Advanced(String messageId, String recipientNode) {
            this(messageId, recipientNode, Billed.NOT_MARKED);
        }
    }

    /** NOW: this write marked the message billed (count it); BEFORE: counted already; NOT_MARKED: the caller's guard decides. */
    enum Billed {
        NOW, BEFORE, NOT_MARKED
    }

    /** The status was not further than the one recorded (late or repeated): drop it. */
    record Stale() implements Advance {
    }

    /** No message of this bot has that wamid (not sent through wagw, or not recorded yet). */
    record Unknown() implements Advance {
    }
}
