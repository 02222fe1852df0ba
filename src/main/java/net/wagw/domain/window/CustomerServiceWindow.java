package net.wagw.domain.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * WhatsApp's customer-service window: a business may send free-form (non-template) messages to a
 * customer only within 24 hours of that customer's last message to it. Outside it Meta accepts
 * the send and fails it later with 131047, so wagw refuses it up front, free of charge.
 * Source: developers.facebook.com/docs/whatsapp/cloud-api/guides/send-messages#customer-service-windows
 */
public final class CustomerServiceWindow {
    public static final Duration LENGTH = Duration.ofHours(24);

    private CustomerServiceWindow() {
    }

    /** Open while less than 24 hours have passed since the customer's last message. */
    public static boolean isOpen(Optional<Instant> lastInbound, Instant now) {
        return lastInbound.map(last -> now.isBefore(last.plus(LENGTH))).orElse(false);
    }
}
