package net.wagw.domain.optin;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One change of a customer's consent, kept forever as history (docs/contracts.md §5): who recorded it,
 * when, from where, what the customer was shown, and for which message categories.
 *
 * @param active     true for a consent, false for a revocation
 * @param categories the template categories consented to (MARKETING, UTILITY, AUTHENTICATION);
 *                   empty means all of them
 * @param source     where it came from: the bot's own source text, "api", "keyword", "meta"
 * @param text       what the customer was shown or sent, if known
 * @param by         who recorded it: the bot id, or "wagw" for the gateway's own revocations
 */
public record OptInChange(boolean active, Set<String> categories, String source, String text, String by, Instant at) {
    public OptInChange {
        categories = Set.copyOf(categories);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }

    /** Whether this consent covers a template of the given category (null: unknown category). */
    public boolean covers(String category) {
        return active && (categories.isEmpty() || category == null || categories.contains(category));
    }
}
