package net.wagw.domain;

/**
 * A request wagw will not carry out, with the LIME reason and a sentence a person understands.
 * Thrown before anything is written or sent, so a refusal never changes state.
 */
public class Refusal extends RuntimeException {
    private final Reason reason;

    public Refusal(Reason reason, String description) {
        super(description, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String description() {
        return getMessage();
    }
}
