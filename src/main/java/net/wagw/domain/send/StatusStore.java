package net.wagw.domain.send;

/**
 * Port: the statuses of sent messages by Meta's message id, so that a status webhook finds the
 * bot's envelope id and moves only forward (docs/contracts.md §3.4).
 */
public interface StatusStore {
    /**
     * Starts tracking a message Meta accepted, with what a reply to it needs, in one write.
     */
    void track(String botId, String wamid, String recipientNode, SentMessage sent);

    /** What was sent under a wamid, when wagw sent it (and still keeps its status). */
    java.util.Optional<SentMessage> sent(String botId, String wamid);

    /**
     * Moves a message's status (or one group participant's, when {@code participant} is not null)
     * to {@code rank} if it is further than the status recorded.
     */
    Advance advance(String botId, String wamid, String participant, int rank);

    /** What {@link #advance} did. */
    sealed interface Advance {
    }

    /** Moved forward: tell the bot about its message. */
    record Advanced(String messageId, String recipientNode) implements Advance {
    }

    /** The status was not further than the one recorded (late or repeated): drop it. */
    record Stale() implements Advance {
    }

    /** No message of this bot has that wamid (not sent through wagw, or not recorded yet). */
    record Unknown() implements Advance {
    }
}
