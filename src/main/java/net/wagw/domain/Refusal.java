package net.wagw.domain;

import java.util.Optional;

/**
 * A request wagw will not carry out, with the LIME reason and a sentence a person understands.
 * A rule's refusal is thrown before anything is written or sent, so it changes nothing; a refusal
 * that comes after Meta answered (a send Meta refused for good, a group call Meta declined) is
 * thrown once that answer is recorded, so a repeat of the request is answered the same.
 */
public class Refusal extends RuntimeException {
    /** What kind of "no" this is, where the reason alone does not say (e.g. 66 is 409 or 422). */
    public enum Kind {
        INVALID, UNAUTHORIZED_CALLER, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE, UNPROCESSABLE, TOO_MANY, UNAVAILABLE,
        UPSTREAM
    }

    private final Reason reason;
    private final Kind kind;

    public Refusal(Reason reason, String description) {
        this(reason, description, null);
    }

    public Refusal(Reason reason, String description, Kind kind) {
        super(description, null, false, false);
        this.reason = reason;
        this.kind = kind;
    }

    public Reason reason() {
        return reason;
    }

    public String description() {
        return getMessage();
    }

    public Optional<Kind> kind() {
        return Optional.ofNullable(kind);
    }
}
