package net.wagw.domain.contact;

import java.time.Instant;
import java.util.Objects;

/**
 * What wagw has learned about a customer from Meta: the wa_id WhatsApp uses for them (from a
 * send's {@code contacts[].wa_id} or an inbound message) and, when an inbound message carried
 * one, their profile name; since 2026 also their business-scoped user id, its parent and their
 * username (docs/contracts.md §4).
 *
 * @param waId      null for a customer known only by BSUID
 * @param canonical when this record is an alias: the key the customer's state lives under, else null
 */
public record KnownContact(String waId, String fullName, Instant learnedAt, String bsuid, String parentId,
        String username, String canonical) {
    public KnownContact {
        Objects.requireNonNull(learnedAt, "learnedAt");
    }

    public KnownContact(String waId, String fullName, Instant learnedAt) {
        this(waId, fullName, learnedAt, null, null, null, null);
    }

    /** Whom Meta is to be sent to: the wa_id when known (Meta prefers numbers), else the BSUID. */
    public java.util.Optional<String> sendTarget() {
        return java.util.Optional.ofNullable(waId != null ? waId : bsuid);
    }
}
