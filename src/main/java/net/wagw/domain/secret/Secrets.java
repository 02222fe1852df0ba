package net.wagw.domain.secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Secrets read at run time (docs/contracts.md §9), each kept for at most the maximum age and read
 * again before it is used after that, or at once when a caller learns the value it holds was
 * replaced (Meta answering 190 to an access token rotated in Secrets Manager, say). A read that
 * fails while a value is held keeps the held value: a rotation is noticed on the next try.
 */
public final class Secrets {
    private final SecretSource source;
    private final Clock clock;
    private final Duration maxAge;
    private final ConcurrentMap<String, Held> held = new ConcurrentHashMap<>();

    private record Held(Optional<String> value, Instant readAt) {
    }

    public Secrets(SecretSource source, Clock clock, Duration maxAge) {
        this.source = source;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The secret's value, empty when the reference is null or names no secret. */
    public Optional<String> get(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Held current = held.get(reference);
        if (current != null && !now.isBefore(current.readAt()) && now.isBefore(current.readAt().plus(maxAge))) {
            return current.value();
        }
        return read(reference, current).value();
    }

    /**
     * Reads the secret again, now: the caller holds a value that no longer works.
     *
     * @return whether the value read differs from the one held, so that trying again may help
     */
    public boolean reread(String reference, String notWorking) {
        if (reference == null || reference.isBlank()) {
            return false;
        }
        Held fresh = read(reference, held.get(reference));
        return fresh.value().isPresent() && !fresh.value().get().equals(notWorking);
    }

    private Held read(String reference, Held previous) {
        Held fresh;
        try {
            fresh = new Held(source.read(reference), clock.instant());
        } catch (RuntimeException unreadable) {
            if (previous == null) {
                throw unreadable;
            }
            return previous;
        }
        held.put(reference, fresh);
        return fresh;
    }

    /** One secret, as its users hold it: the reference and the shared cache. */
    public Secret secret(String reference) {
        return new Secret(this, reference);
    }

    /** A secret bound to its reference, such as Meta's access token. */
    public record Secret(Secrets secrets, String reference) {
        public Optional<String> value() {
            return secrets.get(reference);
        }

        public String valueOrEmpty() {
            return value().orElse("");
        }

        /** @return whether a different value was read (see {@link Secrets#reread}) */
        public boolean reread(String notWorking) {
            return secrets.reread(reference, notWorking);
        }
    }
}
