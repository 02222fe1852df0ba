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
final class Failures {
    private static final Logger LOG = Logger.getLogger(Failures.class);

    private Failures() {
    }

    static boolean isStorage(RuntimeException e) {
        return e instanceof SdkException;
    }

    static Refusal of(RuntimeException e, String where) {
        String reference = UUID.randomUUID().toString();
        if (isStorage(e)) {
            LOG.errorf(e, "DynamoDB call failed in %s (reference %s)", where, reference);
            return new Refusal(Reason.PROCESSING_ERROR,
                    "Storage is unavailable just now. Try again (reference " + reference + ").");
        }
        LOG.errorf(e, "Unexpected failure in %s (reference %s)", where, reference);
        return new Refusal(Reason.PROCESSING_ERROR, "An unexpected error occurred (reference " + reference + ").");
    }
}
