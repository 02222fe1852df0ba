package net.wagw.domain.bot;

import java.util.Objects;

/**
 * A bot configured on this gateway (DESIGN.md 10). Secrets are not part of it: the access-key
 * hash stays with the authenticator.
 *
 * @param id                 the bot id, also the prefix of every key it owns in DynamoDB
 * @param verificationQuota  verifications allowed per UTC day (DESIGN.md 4)
 */
public record Bot(String id, long verificationQuota) {
    public Bot {
        Objects.requireNonNull(id, "id");
        if (verificationQuota < 0) {
            throw new IllegalArgumentException("verificationQuota must not be negative");
        }
    }
}
