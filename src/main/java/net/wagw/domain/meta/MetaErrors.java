package net.wagw.domain.meta;

import java.time.Duration;
import java.util.Set;

import net.wagw.domain.Backoff;
import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;

/**
 * What to do about a Cloud API error (docs/contracts.md §3.3), after Meta's error code reference:
 * developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes.
 */
public final class MetaErrors {
    /** Throttling and transient failures: the same message may succeed later. */
    private static final Set<Integer> RETRYABLE = Set.of(
            1, 2, // API unknown / API service: temporary
            4, // application request limit reached
            80007, // WhatsApp Business account rate limit
            130429, // Cloud API throughput reached
            131000, // something went wrong
            131016, // service unavailable
            131056, // pair rate limit: too many messages to this one recipient
            133004); // server temporarily unavailable
    /** The template itself is wrong: missing, paused, disabled, or its parameters don't fit. */
    private static final Set<Integer> TEMPLATE = Set.of(132000, 132001, 132005, 132007, 132012, 132015, 132016, 132068,
            132069);
    /** The request is malformed in a way the bot can fix. */
    private static final Set<Integer> INVALID = Set.of(100, 131008, 131009, 131021, 131051, 131052, 131053);
    /** The business's own account or credentials: nothing the bot can fix, the operator must. */
    private static final Set<Integer> ACCOUNT = Set.of(0, 3, 10, 190, 200, 368, 131031, 131042, 131045, 133010);

    public static final int PAIR_RATE_LIMIT = 131056;
    public static final int THROUGHPUT = 130429;
    public static final int OUTSIDE_WINDOW = 131047;
    public static final int UNDELIVERABLE = 131026;
    public static final int MARKETING_STOPPED = 131050;
    /** This kind of message cannot go to a customer named only by business-scoped user id (docs/contracts.md §4). */
    public static final int NOT_FOR_USER_ID = 131062;

    private MetaErrors() {
    }

    /** What an error means for the message. */
    public sealed interface Verdict {
    }

    /** Try again after this long. */
    public record Retry(Duration after, String description) implements Verdict {
    }

    /** The message will never go: tell the bot this. */
    public record Definitive(Refusal refusal) implements Verdict {
    }

    /**
     * @param attempts how many attempts were made so far, this one included (1 after the first)
     */
    public static Verdict classify(MetaOutcome outcome, int attempts) {
        if (outcome instanceof MetaOutcome.Unreachable unreachable) {
            return new Retry(backoff(attempts), "Meta did not answer: " + unreachable.why());
        }
        if (outcome instanceof MetaOutcome.Uncertain uncertain) {
            // only for calls that are safe to repeat (a read receipt); sends never get here
            return new Retry(backoff(attempts), "Meta's answer was unclear: " + uncertain.why());
        }
        if (!(outcome instanceof MetaOutcome.Error error)) {
            throw new IllegalArgumentException("not an error: " + outcome);
        }
        String described = "(#" + error.code() + ") " + text(error);
        int code = error.code();
        if (code == PAIR_RATE_LIMIT) {
            return new Retry(Duration.ofSeconds(pow4(attempts)), described);
        }
        if (code == THROUGHPUT) {
            // the number is over Meta's rate, not this message: it goes again once the pacer,
            // paused and slowed by this answer, has a slot (docs/queue.md)
            return new Retry(Duration.ofSeconds(Math.min(1L << Math.min(Math.max(attempts - 1, 0), 4), 15)), described);
        }
        if (RETRYABLE.contains(code) || error.httpStatus() >= 500 || error.httpStatus() == 429) {
            return new Retry(backoff(attempts), described);
        }
        Refusal refusal;
        if (code == OUTSIDE_WINDOW) {
            refusal = new Refusal(Reason.NOT_ALLOWED, "(#131047) more than 24 hours since the customer last replied; "
                    + "send a template.", Refusal.Kind.UNPROCESSABLE);
        } else if (code == UNDELIVERABLE) {
            refusal = new Refusal(Reason.GATEWAY_DESTINATION_NOT_FOUND, "(#131026) message undeliverable: the number "
                    + "may not be on WhatsApp or may not have accepted the latest terms. " + text(error),
                    Refusal.Kind.UNPROCESSABLE);
        } else if (code == MARKETING_STOPPED) {
            refusal = new Refusal(Reason.NOT_ALLOWED, "(#131050) the customer has stopped marketing messages from this "
                    + "business; their marketing opt-in is revoked.", Refusal.Kind.UNPROCESSABLE);
        } else if (code == NOT_FOR_USER_ID) {
            refusal = new Refusal(Reason.NOT_ALLOWED, "(#131062) this kind of message cannot be sent to a customer known "
                    + "only by business-scoped user id (authentication templates with one-tap, zero-tap or copy-code "
                    + "buttons need a phone number). " + text(error), Refusal.Kind.UNPROCESSABLE);
        } else if (TEMPLATE.contains(code)) {
            refusal = new Refusal(Reason.INVALID_ARGUMENT, described, Refusal.Kind.UNPROCESSABLE);
        } else if (INVALID.contains(code)) {
            refusal = new Refusal(Reason.INVALID_ARGUMENT, described, Refusal.Kind.INVALID);
        } else if (ACCOUNT.contains(code)) {
            // docs/contracts.md §3.3: a definitive Meta error answers 4xx; this one is the operator's to
            // fix (token, permissions, account), so 403 with 87 rather than a 5xx a bot would retry
            refusal = new Refusal(Reason.GATEWAY_UNAUTHORIZED_SENDER, described, Refusal.Kind.FORBIDDEN);
        } else {
            // a code wagw has no rule for (e.g. #131049, Meta chose not to deliver): still for good, still 4xx
            refusal = new Refusal(Reason.GATEWAY_ERROR, described, Refusal.Kind.UNPROCESSABLE);
        }
        return new Definitive(refusal);
    }

    /**
     * The answer to a bot whose request needed Meta at once (no retry queue behind it): a
     * definitive error as classified, a passing one as "try again" (503).
     */
    public static Refusal refusalNow(MetaOutcome failure) {
        Verdict verdict = classify(failure, 1);
        if (verdict instanceof Definitive definitive) {
            return definitive.refusal();
        }
        return new Refusal(Reason.GATEWAY_ERROR, ((Retry) verdict).description() + "; try again.",
                Refusal.Kind.UNAVAILABLE);
    }

    /**
     * The answer to a bot asking for a media file wagw has no copy of, when Meta would not give it
     * (docs/contracts.md §11): one Meta refuses (4xx: unknown, expired, another number's) is not
     * found; anything else is Meta's passing trouble, to try again.
     */
    public static Refusal mediaRefusal(String mediaId, MetaOutcome failure) {
        if (failure instanceof MetaOutcome.Error error && error.httpStatus() / 100 == 4) {
            return new Refusal(Reason.RESOURCE_NOT_FOUND, "Meta has no media " + mediaId + " (#" + error.code() + ")"
                    + (error.message() == null ? "" : ": " + error.message()), Refusal.Kind.NOT_FOUND);
        }
        return new Refusal(Reason.GATEWAY_ERROR, "Meta did not give media " + mediaId + " just now; try again.",
                Refusal.Kind.UNAVAILABLE);
    }

    /** 15 s, 30 s, 1 min, ... capped at 15 min: a day of retries is ~100 attempts at most. */
    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(15), Duration.ofMinutes(15));

    static Duration backoff(int attempts) {
        return BACKOFF.after(attempts);
    }

    /**
     * Meta's advice for 131056 (pair rate limit): wait 4^n seconds before the n-th retry to the
     * same recipient. Capped at 4^7 (~4.5 h) so that a day still holds retries.
     */
    private static long pow4(int attempts) {
        return 1L << (2 * Math.min(Math.max(attempts, 1), 7));
    }

    private static String text(MetaOutcome.Error error) {
        String message = error.message() == null ? "Meta refused the message" : error.message();
        return error.details() == null || error.details().isBlank() ? message : message + ": " + error.details();
    }
}
