package net.wagw.domain.content;

import java.util.List;
import java.util.Objects;

/**
 * What a customer's message says, as Meta's webhook told it (docs/contracts.md §3.5), read once
 * by the webhook parser and rendered for the bot from these values.
 */
public sealed interface InboundContent permits InboundContent.Plain, InboundContent.MediaFile, Location, Reaction,
        InboundContent.Choice, InboundContent.Contacts, InboundContent.FlowAnswer, InboundContent.Other {

    /** A text. */
    record Plain(String body) implements InboundContent {
        public Plain {
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * An image, video, audio, document or sticker, fetched through the gateway by its media id.
     *
     * @param kind Meta's message type
     */
    record MediaFile(String kind, String mediaId, String mimeType, String caption, String filename)
            implements InboundContent {
        public MediaFile {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(mediaId, "mediaId");
        }
    }

    /**
     * A tap on one of the bot's options: a reply button, a list row, a carousel's quick reply, or a
     * template's quick-reply button.
     *
     * @param id          what the option was sent with (a template button's payload)
     * @param title       what the customer saw
     * @param description a list row's description; may be null
     */
    record Choice(Kind kind, String id, String title, String description) implements InboundContent {
        public enum Kind {
            BUTTON, LIST, TEMPLATE_BUTTON
        }

        public Choice {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
        }
    }

    /** Contact cards the customer shared. */
    record Contacts(List<ContactCard> cards) implements InboundContent {
        public Contacts {
            cards = List.copyOf(cards);
        }
    }

    /**
     * A WhatsApp Flow's answer ({@code nfm_reply}).
     *
     * @param responseJson the flow's {@code response_json}, parsed and written as a JSON object
     */
    record FlowAnswer(String name, String body, String responseJson) implements InboundContent {
        public FlowAnswer {
            Objects.requireNonNull(responseJson, "responseJson");
        }
    }

    /** No LIME counterpart (or not what its counterpart needs): the bot gets Meta's raw object. */
    record Other() implements InboundContent {
    }
}
