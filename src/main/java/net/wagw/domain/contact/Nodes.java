package net.wagw.domain.contact;

import java.util.Objects;

/**
 * LIME node names on the WhatsApp domain (docs/contracts.md §3.1): customers are {@code {waId}@domain},
 * the gateway itself {@code postmaster@domain}. The domain is configurable, BLiP's by default.
 */
public record Nodes(String domain) {
    public Nodes {
        Objects.requireNonNull(domain, "domain");
    }

    public String customer(String digits) {
        return digits + "@" + domain;
    }

    /** Groups are {@code {groupId}@groups.<domain>} (docs/contracts.md §3.1). */
    public String groupsDomain() {
        return "groups." + domain;
    }

    public String postmaster() {
        return "postmaster@" + domain;
    }
}
