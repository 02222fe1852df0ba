package net.wagw.domain.contact;

import java.time.Instant;
import java.util.Objects;

/**
 * What wagw has learned about a customer from Meta: the wa_id WhatsApp uses for them (from a
 * send's {@code contacts[].wa_id} or an inbound message) and, when an inbound message carried
 * one, their profile name.
 */
public record KnownContact(String waId, String fullName, Instant learnedAt) {
    public KnownContact {
        Objects.requireNonNull(waId, "waId");
        Objects.requireNonNull(learnedAt, "learnedAt");
    }
}
