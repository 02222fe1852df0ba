package net.wagw.domain;

import java.time.Duration;

/**
 * An outcome beside {@link Refusal}: Meta told wagw about something it has not recorded yet (a
 * group webhook overtaking the create request's answer), so Meta is to send it again later.
 * Nothing about the event was changed. (A status overtaking its send's write is kept instead and
 * applied when the send's record lands: docs/contracts.md §3.4.)
 */
public final class NotYetKnown extends RuntimeException {
    /**
     * How far a webhook may overtake wagw's own write of what it is about; for this long Meta is
     * asked to send it again, and after that it is of something wagw never recorded (sent outside
     * wagw, say) and dropped.
     */
    public static final Duration RACE_WINDOW = Duration.ofMinutes(2);

    public NotYetKnown(String id) {
        super("nothing with id " + id + " is known yet", null, false, false);
    }
}
