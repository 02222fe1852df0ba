package net.wagw.domain.inbound;

import net.wagw.domain.identity.Sighting;

/** A webhook's {@code contacts[]} (or a status's recipient ids) showed who a customer is (docs/contracts.md §4). */
public record CustomerSeen(String phoneNumberId, Sighting sighting) {
}
