package net.wagw.domain.meta;

/** What Meta answered a Cloud API call. */
public sealed interface MetaOutcome {
    /** Accepted: Meta's message id, and the wa_id it resolved the recipient to (if it said). */
    record Sent(String wamid, String waId) implements MetaOutcome {
    }

    /** An error body {@code {"error":{"code","error_subcode","message","error_data":{"details"}}}}. */
    record Error(int httpStatus, int code, Integer subcode, String message, String details) implements MetaOutcome {
    }

    /** No answer: a timeout or a connection failure. Meta may or may not have taken the message. */
    record Unreachable(String why) implements MetaOutcome {
    }

    /**
     * Meta may have taken the message, and nothing says whether it did: a 2xx without a message
     * id, an unreadable 2xx body, a timeout or a broken connection after the request was written.
     * Never sent again blindly (docs/queue.md): a status webhook settles it, or the bot is told.
     */
    record Uncertain(String why) implements MetaOutcome {
    }

    /** A call without a body to answer, such as marking a message read. */
    record Done() implements MetaOutcome {
    }
}
