package net.wagw.domain.send;

import java.util.List;
import java.util.Optional;

/**
 * Port: the statuses of sent messages, so that a status webhook finds the bot's envelope id and
 * moves only forward (docs/contracts.md §3.4). A message is found by the envelope id its status's
 * callback data names ({@link CallbackData}), else by its wamid. A status for a message not tracked
 * (yet) is kept, the furthest one, and handed back when the message is tracked
 * ({@link MessageStore#recordSent}, or {@link #track}); so is each group participant's furthest
 * one, applied with it ({@link #applyKept}).
 */
public interface StatusStore {
    /**
     * Starts tracking a message Meta accepted by its wamid alone, with what a reply to it needs,
     * in one write: for a send whose callback data did not fit, whose statuses name no envelope id
     * ({@link MessageStore#recordSent} tracks the others).
     *
     * @return the furthest status kept for this wamid before it was tracked, to apply now
     */
    Optional<StatusUpdate> track(String botId, String wamid, String recipientNode, SentMessage sent);

    /** What was sent under a wamid, when wagw sent it (and still keeps its status). */
    Optional<SentMessage> sent(String botId, String wamid);

    /**
     * Moves a message's status (or one group participant's, when {@code participant} is not null)
     * to {@code rank} if it is further than the status recorded. For a status that brings the
     * message's pricing ({@code priced}), the same write also marks the message billed, once
     * ({@link Advanced#billed}); a store that does not mark answers {@link Billed#NOT_MARKED}.
     *
     * @param envelopeId the envelope id the status's callback data names (this bot's), or null
     */
    Advance advance(String botId, String wamid, String envelopeId, String participant, int rank, boolean priced);

    /** As above for a status that names no envelope id and brings no pricing. */
    default Advance advance(String botId, String wamid, String participant, int rank) {
        return advance(botId, wamid, null, participant, rank, false);
    }

    /**
     * Applies a status handed back when its message got tracked ({@link #track},
     * {@link MessageStore#recordSent}), and the statuses of the message's group participants kept
     * before then (the one handed back may be one of those): each moved forward only, once.
     *
     * @param envelopeId as for {@link #advance}
     * @return what moved forward, to tell the bot
     */
    default List<Applied> applyKept(String botId, StatusUpdate kept, String envelopeId) {
        // billed when it was kept
        Advance advance = advance(botId, kept.wamid(), envelopeId, kept.participantId(), kept.status().rank(), false);
        return advance instanceof Advanced advanced ? List.of(new Applied(kept, advanced)) : List.of();
    }

    /** A kept status that {@link #applyKept} moved forward. */
    record Applied(StatusUpdate status, Advanced advanced) {
    }

    /**
     * Keeps a status of a message not tracked, unless one as far is kept already (a group
     * participant's: as far for that participant); a priced one marks the message billed as
     * {@link #advance} does.
     *
     * @param envelopeId as for {@link #advance}
     * @return {@link TrackedMeanwhile} when the message got tracked meanwhile (advance it instead)
     */
    Keep keep(String botId, String envelopeId, StatusUpdate status, int rank, boolean priced);

    /** What {@link #keep} did. */
    sealed interface Keep {
    }

    /** Kept (or one as far was kept already); {@code billed} as for {@link Advanced}. */
    record Kept(Billed billed) implements Keep {
    }

    /** The message was tracked meanwhile: nothing kept. */
    record TrackedMeanwhile() implements Keep {
    }

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

    /**
     * The status was not further than the one recorded (late or repeated): drop it.
     *
     * @param billed for a priced one, what marking its message billed did
     */
    record Stale(Billed billed) implements Advance {
        public Stale() {
            this(Billed.NOT_MARKED);
        }
    }

    /** No message of this bot has that wamid (not sent through wagw, or not recorded yet). */
    record Unknown() implements Advance {
    }
}
