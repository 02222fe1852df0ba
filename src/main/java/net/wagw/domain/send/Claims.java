package net.wagw.domain.send;

import java.time.Duration;
import java.time.Instant;

/** Port: at most one claim of a thing per bot per period, across every function at once. */
public interface Claims {
    /** True for the first caller since {@code now - every}; false for every other until the period has passed. */
    boolean claim(String botId, String what, Instant now, Duration every);
}
