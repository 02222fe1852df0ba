package net.wagw.functions;

import java.util.UUID;

import org.jboss.logging.Logger;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What a bot is told when something other than its request failed: a reason and a reference to
 * find the logged cause by, never the cause itself (no stack traces, no internals leave).
 */
public final class Failures {
    private static final Logger LOG = Logger.getLogger(Failures.class);

    private Failures() {
    }

    /** An outage of DynamoDB (throttling, timeouts, 5xx): the caller may try again. Bad values are not. */
    static boolean isStorage(RuntimeException e) {
        return e instanceof SdkException && !isUnstorable(e);
    }

    /**
     * DynamoDB refused the values themselves (ValidationException: a key over 2,048 bytes, an item over
     * 400 KB, ...): the request's fault, answered 400, never taken for an outage (docs/contracts.md §3).
     */
    public static boolean isUnstorable(RuntimeException e) {
        return e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                && service.awsErrorDetails() != null
                && "ValidationException".equals(service.awsErrorDetails().errorCode());
    }

    static Refusal of(RuntimeException e, String where) {
        String reference = UUID.randomUUID().toString();
        if (isUnstorable(e)) {
            LOG.warnf(e, "DynamoDB refused a value in %s (reference %s)", where, reference);
            return new Refusal(Reason.INVALID_ARGUMENT, "A value in the request is too large or malformed to be "
                    + "stored (ids at most " + net.wagw.domain.Bounds.ENVELOPE_ID + " characters, texts at most "
                    + net.wagw.domain.Bounds.TEXT + "); reference " + reference + ".", Refusal.Kind.INVALID);
        }
        if (isStorage(e)) {
            LOG.errorf(e, "DynamoDB call failed in %s (reference %s)", where, reference);
            return new Refusal(Reason.PROCESSING_ERROR,
                    "Storage is unavailable just now. Try again (reference " + reference + ").");
        }
        LOG.errorf(e, "Unexpected failure in %s (reference %s)", where, reference);
        return new Refusal(Reason.PROCESSING_ERROR, "An unexpected error occurred (reference " + reference + ").");
    }
}
