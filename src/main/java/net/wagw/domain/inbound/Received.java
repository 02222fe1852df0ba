package net.wagw.domain.inbound;

import java.util.Map;
import java.util.Objects;

import net.wagw.domain.content.InboundContent;

/**
 * A customer message's content and what Meta says around it (docs/contracts.md §3.5).
 *
 * @param contextId           the wamid of the message it quotes or answers; may be null
 * @param quotes              it answers the message {@code contextId} names (rather than asking about a product)
 * @param forwarded           WhatsApp marked it forwarded
 * @param frequentlyForwarded WhatsApp marked it forwarded many times
 * @param referral            a Click-to-WhatsApp ad's fields (source_url, ...), empty when none
 * @param referredProduct     the catalog product a question is about (catalog_id, product_retailer_id), empty when none
 * @param sentTimestamp       Meta's timestamp exactly as sent
 */
public record Received(InboundContent content, String contextId, boolean quotes, boolean forwarded,
        boolean frequentlyForwarded, Map<String, String> referral, Map<String, String> referredProduct,
        String sentTimestamp) {
    public Received {
        Objects.requireNonNull(content, "content");
        referral = Map.copyOf(referral);
        referredProduct = Map.copyOf(referredProduct);
    }
}
