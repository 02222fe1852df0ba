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

    /**
     * A group's id as a bot may name it: the id itself, or its identity {@code {id}@groups.<domain>}
     * (with or without an instance), as BLiP names groups (docs/contracts.md §3.2).
     */
    public String groupId(String idOrIdentity) {
        String suffix = "@" + groupsDomain();
        String id = idOrIdentity;
        int slash = id.indexOf('/');
        if (slash >= 0 && id.indexOf('@') >= 0 && slash > id.indexOf('@')) {
            id = id.substring(0, slash);
        }
        return id.toLowerCase(java.util.Locale.ROOT).endsWith(suffix.toLowerCase(java.util.Locale.ROOT))
                ? id.substring(0, id.length() - suffix.length()) : idOrIdentity;
    }

    public String postmaster() {
        return "postmaster@" + domain;
    }
}
