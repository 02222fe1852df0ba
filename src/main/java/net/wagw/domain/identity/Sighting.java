package net.wagw.domain.identity;

/**
 * Who a webhook says a customer is (docs/contracts.md §4): any of the wa_id, the business-scoped user id
 * (BSUID), its parent and the username, each null when Meta left it out.
 */
public record Sighting(String waId, String bsuid, String parentId, String username, String profileName) {
    public boolean pairs() {
        return waId != null && bsuid != null;
    }
}
