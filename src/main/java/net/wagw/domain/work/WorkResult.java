package net.wagw.domain.work;

import java.time.Duration;
import java.util.Objects;

/** What became of one try of a piece of work. */
public sealed interface WorkResult {

    /** Finished (done, failed for good, dead-lettered or nothing left to do): off the queue. */
    record Done() implements WorkResult {}

    /**
     * Try again after this long; the work keeps its place in its lane meanwhile.
     *
     * @param tried whether a try was made (false: the record says it is not due yet)
     */
    record Later(Duration after, boolean tried) implements WorkResult {
        public Later {
            Objects.requireNonNull(after, "after");
            after = after.isNegative() ? Duration.ZERO : after;
        }
    }

    WorkResult DONE = new Done();

    /** A try was made and another is due after {@code after}. */
    static WorkResult later(Duration after) {
        return new Later(after, true);
    }

    /** Nothing was tried: the work is due after {@code after}. */
    static WorkResult notYet(Duration after) {
        return new Later(after, false);
    }
}
