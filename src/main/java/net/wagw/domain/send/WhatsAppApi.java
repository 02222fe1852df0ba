package net.wagw.domain.send;

import java.util.List;

import net.wagw.domain.meta.MetaOutcome;

/** Port: Meta's WhatsApp Cloud API. */
public interface WhatsAppApi {
    /**
     * Sends a message: the rendered payload with {@code messaging_product}, {@code recipient_type}
     * ("individual" or "group"), {@code to} and, when not null, {@code biz_opaque_callback_data}
     * ({@link CallbackData}: whatever the payload had there is replaced) added.
     */
    MetaOutcome send(String phoneNumberId, String to, boolean group, String payloadJson, String callbackData);

    /** Marks an inbound message read (blue ticks). */
    MetaOutcome markRead(String phoneNumberId, String wamid);

    /** Marks an inbound message read and shows the customer that the business is typing. */
    MetaOutcome typing(String phoneNumberId, String wamid);

    /** The account's whole template catalog, every page of it. */
    List<Template> templates(String wabaId);
}
