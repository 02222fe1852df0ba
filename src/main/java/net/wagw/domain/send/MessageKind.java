package net.wagw.domain.send;

/**
 * What WhatsApp's rules care about in an outbound message (docs/contracts.md §3.3): a template may go
 * outside the customer-service window, anything else needs it open; interactive messages cannot
 * go to groups.
 */
public enum MessageKind {
    /** Text, media, location, reaction: free-form, inside the 24-hour window only. */
    SESSION,
    /** Reply buttons and lists: free-form, and not supported in groups. */
    INTERACTIVE,
    /** An approved template: may open a conversation outside the window. */
    TEMPLATE
}
