package net.wagw.whatsapp.render;

import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.content.Input;
import net.wagw.domain.content.WebLink;

/**
 * Buttons that leave the chat or ask for something: a web link as a {@code cta_url} button, a
 * location input as a {@code location_request_message} (docs/contracts.md §3.3).
 */
final class LinkRenderer {
    static final String DEFAULT_LINK_LABEL = "Open link";

    /** @param header set on the interactive object before, or nothing */
    void ctaUrl(WebLink link, ObjectNode payload, java.util.function.Consumer<ObjectNode> header) {
        payload.put("type", "interactive");
        ObjectNode interactive = payload.putObject("interactive");
        interactive.put("type", "cta_url");
        header.accept(interactive);
        String body = link.text() != null ? link.text() : link.uri();
        interactive.putObject("body").put("text", Limits.atMost(body, Limits.MAX_INTERACTIVE_BODY, "A web link's text"));
        ObjectNode action = interactive.putObject("action");
        action.put("name", "cta_url");
        ObjectNode parameters = action.putObject("parameters");
        parameters.put("display_text", displayText(link));
        parameters.put("url", link.uri());
    }

    static String displayText(WebLink link) {
        String label = link.title() != null ? link.title() : DEFAULT_LINK_LABEL;
        int length = Limits.length(label);
        if (length > Limits.MAX_CTA_DISPLAY_TEXT) {
            throw Limits.invalid("A link button's label (the web link's title) holds at most "
                    + Limits.MAX_CTA_DISPLAY_TEXT + " characters; \"" + label + "\" has " + length + ".");
        }
        return label;
    }

    void locationRequest(Input input, ObjectNode payload) {
        payload.put("type", "interactive");
        ObjectNode interactive = payload.putObject("interactive");
        interactive.put("type", "location_request_message");
        interactive.putObject("body").put("text",
                Limits.atMost(input.label(), Limits.MAX_INTERACTIVE_BODY, "An input's label"));
        interactive.putObject("action").put("name", "send_location");
    }
}
