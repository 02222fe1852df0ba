package net.wagw.domain;

/**
 * An outcome beside {@link Refusal}: Meta told wagw about something it has not recorded yet (a
 * status overtaking its send's write, a group webhook overtaking the create request's answer), so
 * Meta is to send it again later. Nothing about the event was changed.
 */
public final class NotYetKnown extends RuntimeException {
    public NotYetKnown(String id) {
        super("nothing with id " + id + " is known yet", null, false, false);
    }
}
