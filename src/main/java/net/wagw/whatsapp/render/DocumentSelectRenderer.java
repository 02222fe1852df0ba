package net.wagw.whatsapp.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.content.Carousel;
import net.wagw.domain.content.DocumentSelect;
import net.wagw.domain.content.Media;
import net.wagw.domain.content.Text;
import net.wagw.domain.content.WebLink;

/**
 * A document select as a header and buttons; a collection of them as a carousel of cards
 * (docs/contracts.md §3.3, Meta's "Interactive media carousel messages").
 */
final class DocumentSelectRenderer {
    private final LinkRenderer links;

    DocumentSelectRenderer(LinkRenderer links) {
        this.links = links;
    }

    /**
     * Text options become reply buttons (up to 3); a single web-link option a link button; web links
     * beside reply buttons are written into the body, where WhatsApp makes them tappable.
     */
    void render(DocumentSelect select, ObjectNode payload) {
        List<DocumentSelect.Option> replies = replies(select);
        List<WebLink> webLinks = webLinks(select);
        if (replies.isEmpty() && webLinks.size() == 1) {
            WebLink only = webLinks.get(0);
            String text = only.text() != null ? only.text() : bodyOf(select, List.of());
            links.ctaUrl(new WebLink(only.uri(), only.title(), text, false), payload, interactive -> header(select,
                    interactive));
            return;
        }
        if (replies.isEmpty()) {
            throw Limits.invalid("WhatsApp shows one link button per message; this document select has "
                    + webLinks.size() + " web links and no replies.");
        }
        if (replies.size() > Limits.MAX_BUTTONS) {
            throw Limits.invalid("A document select offers at most " + Limits.MAX_BUTTONS
                    + " reply options on WhatsApp; this one has " + replies.size() + ".");
        }
        payload.put("type", "interactive");
        ObjectNode interactive = payload.putObject("interactive");
        interactive.put("type", "button");
        header(select, interactive);
        interactive.putObject("body").put("text", Limits.atMost(bodyOf(select, webLinks),
                Limits.MAX_INTERACTIVE_BODY, "A document select's text"));
        ArrayNode buttons = interactive.putObject("action").putArray("buttons");
        Set<String> titles = new HashSet<>();
        for (DocumentSelect.Option option : replies) {
            String title = buttonTitle(option);
            if (!titles.add(title)) {
                throw Limits.invalid("Two options of the document select are both called \"" + title
                        + "\"; reply buttons need different texts.");
            }
            SelectRenderer.replyButton(buttons, buttonId(option), title);
        }
    }

    void carousel(Carousel carousel, ObjectNode payload) {
        int count = carousel.cards().size();
        if (count < Limits.MIN_CARDS || count > Limits.MAX_CARDS) {
            throw Limits.invalid("A carousel holds " + Limits.MIN_CARDS + " to " + Limits.MAX_CARDS
                    + " cards; this one has " + count + ".");
        }
        String shape = shape(carousel.cards().get(0));
        payload.put("type", "interactive");
        ObjectNode interactive = payload.putObject("interactive");
        interactive.put("type", "carousel");
        interactive.putObject("body").put("text",
                Limits.atMost(carousel.text(), Limits.MAX_INTERACTIVE_BODY, "A carousel's text"));
        ArrayNode cards = interactive.putObject("action").putArray("cards");
        for (int i = 0; i < count; i++) {
            DocumentSelect card = carousel.cards().get(i);
            String cardShape = shape(card);
            if (!cardShape.equals(shape)) {
                throw Limits.invalid("All cards of a carousel need the same buttons (Meta's rule): card 1 has "
                        + shape + ", card " + (i + 1) + " has " + cardShape + ".");
            }
            cards.add(card(card, i));
        }
    }

    private ObjectNode card(DocumentSelect select, int index) {
        Media media = (Media) select.header();
        String kind = MediaRenderer.kind(media.mimeType());
        if (!kind.equals("image") && !kind.equals("video")) {
            throw Limits.invalid("A carousel card's header is an image or a video; card " + (index + 1) + " has "
                    + media.mimeType() + ".");
        }
        ObjectNode card = new ObjectNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance);
        card.put("card_index", index);
        List<DocumentSelect.Option> replies = replies(select);
        card.put("type", replies.isEmpty() ? "cta_url" : "button");
        ObjectNode header = card.putObject("header");
        header.put("type", kind);
        header.putObject(kind).put("link", media.uri());
        // as in a single document select, links beside quick replies are written into the text
        List<String> lines = new ArrayList<>();
        if (media.text() != null) {
            lines.add(media.text());
        }
        if (!replies.isEmpty()) {
            webLinks(select).forEach(link -> lines.add(TextRenderer.describe(link)));
        }
        if (!lines.isEmpty()) {
            card.putObject("body").put("text", Limits.atMost(String.join("\n", lines), Limits.MAX_CARD_BODY,
                    "A carousel card's text"));
        }
        ObjectNode action = card.putObject("action");
        if (replies.isEmpty()) {
            WebLink link = webLinks(select).get(0);
            action.put("name", "cta_url");
            ObjectNode parameters = action.putObject("parameters");
            parameters.put("display_text", LinkRenderer.displayText(link));
            parameters.put("url", link.uri());
            return card;
        }
        ArrayNode buttons = action.putArray("buttons");
        for (DocumentSelect.Option option : replies) {
            ObjectNode button = buttons.addObject();
            button.put("type", "quick_reply");
            ObjectNode reply = button.putObject("quick_reply");
            reply.put("id", buttonId(option));
            reply.put("title", buttonTitle(option));
        }
        return card;
    }

    /**
     * What Meta compares between cards: one link button, or so many quick replies (links beside
     * them go in the card's text).
     */
    private static String shape(DocumentSelect card) {
        List<DocumentSelect.Option> replies = replies(card);
        List<WebLink> webLinks = webLinks(card);
        if (replies.isEmpty() && webLinks.size() == 1) {
            return "one link button";
        }
        if (replies.isEmpty()) {
            throw Limits.invalid("A carousel card has one link button or up to " + Limits.MAX_CARD_REPLIES
                    + " quick replies; one has " + webLinks.size() + " links and no replies.");
        }
        if (replies.size() > Limits.MAX_CARD_REPLIES) {
            throw Limits.invalid("A carousel card offers at most " + Limits.MAX_CARD_REPLIES
                    + " quick replies; one has " + replies.size() + ".");
        }
        return replies.size() + (replies.size() == 1 ? " quick reply" : " quick replies");
    }

    private static List<DocumentSelect.Option> replies(DocumentSelect select) {
        return select.options().stream().filter(option -> option.label() instanceof Text).toList();
    }

    private static List<WebLink> webLinks(DocumentSelect select) {
        return select.options().stream().map(DocumentSelect.Option::label).filter(WebLink.class::isInstance)
                .map(WebLink.class::cast).toList();
    }

    private static void header(DocumentSelect select, ObjectNode interactive) {
        if (select.header() instanceof Media media) {
            MediaRenderer.header(media, interactive);
        }
    }

    /** The header's text (a media caption, else its title), then any web links, one per line. */
    private static String bodyOf(DocumentSelect select, List<WebLink> webLinks) {
        List<String> lines = new ArrayList<>();
        if (select.header() instanceof Media media) {
            String text = media.text() != null ? media.text() : media.title();
            if (text != null) {
                lines.add(text);
            }
        } else {
            lines.add(TextRenderer.describe(select.header()));
        }
        webLinks.forEach(link -> lines.add(TextRenderer.describe(link)));
        if (lines.isEmpty()) {
            throw Limits.invalid("A document select needs a text for WhatsApp: give its media header a text or a"
                    + " title.");
        }
        return String.join("\n", lines);
    }

    private static String buttonTitle(DocumentSelect.Option option) {
        String title = ((Text) option.label()).body();
        int length = Limits.length(title);
        if (length > Limits.MAX_BUTTON_TITLE) {
            throw Limits.invalid("Option \"" + title + "\" is too long for a reply button: WhatsApp allows "
                    + Limits.MAX_BUTTON_TITLE + " characters, it has " + length + ".");
        }
        return title;
    }

    private static String buttonId(DocumentSelect.Option option) {
        if (Limits.length(option.id()) > Limits.MAX_BUTTON_ID) {
            throw Limits.invalid("The value of option \"" + ((Text) option.label()).body()
                    + "\" is too long for a reply button: WhatsApp allows " + Limits.MAX_BUTTON_ID + " characters.");
        }
        return option.id();
    }
}
