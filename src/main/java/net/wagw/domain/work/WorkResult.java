package net.wagw.domain.work;

import java.time.Duration;
import java.util.Objects;

/** What became of one try of a piece of work. */
public sealed interface WorkResult {

    /** Finished (done, failed for good, dead-lettered or nothing left to do): off the queue. */
    record Done() implements WorkResult {}

    /** Try again after this long; the work keeps its place in its lane meanwhile. */
    record Later(Duration after) implements WorkResult {
        public Later {
            Objects.requireNonNull(after, "after");
            after = after.isNegative() ? Duration.ZERO : after;
        }
    }

    WorkResult DONE = new Done();

    static WorkResult later(Duration after) {
        return new Later(after);
    }
}
