package net.wagw.domain.send;

import java.util.Optional;

import net.wagw.domain.content.Carousel;
import net.wagw.domain.content.Collection;
import net.wagw.domain.content.Content;
import net.wagw.domain.content.DocumentSelect;
import net.wagw.domain.content.Input;
import net.wagw.domain.content.NativeMessage;
import net.wagw.domain.content.Select;
import net.wagw.domain.content.TemplateMessage;
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

    public static Optional<TemplateUse> template(Content content) {
        return content instanceof TemplateMessage template
                ? Optional.of(new TemplateUse(template.name(), template.language(), template.parameters()))
                : Optional.empty();
    }
}
