package net.wagw.lime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The customer's 2026 ids for the bot (docs/contracts.md §4): BSUID, parent BSUID, username. */
final class IdentityMetadata {
    static final String BSUID = "#wa.bsuid";
    static final String PARENT_ID = "#wa.parentId";
    static final String USERNAME = "#wa.username";

    private IdentityMetadata() {
    }

    static void put(ObjectNode meta, String bsuid, String parentId, String username) {
        if (bsuid != null) {
            meta.put(BSUID, bsuid);
        }
        if (parentId != null) {
            meta.put(PARENT_ID, parentId);
        }
        if (username != null) {
            meta.put(USERNAME, username);
        }
    }
}
