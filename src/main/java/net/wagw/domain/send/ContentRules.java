package net.wagw.domain.send;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import net.wagw.domain.content.Carousel;
import net.wagw.domain.content.Collection;
import net.wagw.domain.content.Content;
import net.wagw.domain.content.DocumentSelect;
import net.wagw.domain.content.Input;
import net.wagw.domain.content.NativeMessage;
import net.wagw.domain.content.Select;
import net.wagw.domain.content.TemplateMessage;
import net.wagw.domain.content.TypedValue;
import net.wagw.domain.content.WebLink;

/** What WhatsApp's rules make of a content (docs/contracts.md §3.3): its kind and template use. */
public final class ContentRules {
    private ContentRules() {
    }

    public static MessageKind kind(Content content) {
        if (content instanceof TemplateMessage) {
            return MessageKind.TEMPLATE;
        }
        if (content instanceof Collection collection) {
            return collection.items().stream().anyMatch(item -> kind(item) == MessageKind.INTERACTIVE)
                    ? MessageKind.INTERACTIVE : MessageKind.SESSION;
        }
        boolean interactive = content instanceof Select || content instanceof Carousel
                || content instanceof DocumentSelect
                || content instanceof WebLink link && !link.asText()
                || content instanceof Input input && input.kind() == Input.Kind.LOCATION
                || content instanceof NativeMessage raw && raw.type().equals("interactive");
        return interactive ? MessageKind.INTERACTIVE : MessageKind.SESSION;
    }

    /** What each option of a content returns to the bot when tapped, by the id WhatsApp hands back. */
    public static Map<String, TypedValue> replies(Content content) {
        Map<String, TypedValue> replies = new LinkedHashMap<>();
        if (content instanceof Select select) {
            select.options().forEach(option -> replies.put(option.id(), option.value()));
        } else if (content instanceof DocumentSelect select) {
            select.options().forEach(option -> replies.put(option.id(), option.value()));
        } else if (content instanceof Carousel carousel) {
            carousel.cards().forEach(card -> card.options().forEach(option -> replies.put(option.id(), option.value())));
        }
        return replies;
    }

    /** What a message sent under an envelope id was, as told back with replies to it. */
    public static SentMessage sent(String envelopeId, Content content) {
        return new SentMessage(envelopeId, content.getClass().getSimpleName(), replies(content));
    }

    public static Optional<TemplateUse> template(Content content) {
        return content instanceof TemplateMessage template
                ? Optional.of(new TemplateUse(template.name(), template.language(), template.parameters()))
                : Optional.empty();
    }
}
