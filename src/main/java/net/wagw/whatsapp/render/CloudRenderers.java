package net.wagw.whatsapp.render;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.content.Carousel;
import net.wagw.domain.content.ContactCard;
import net.wagw.domain.content.Content;
import net.wagw.domain.content.DocumentList;
import net.wagw.domain.content.DocumentSelect;
import net.wagw.domain.content.Input;
import net.wagw.domain.content.Location;
import net.wagw.domain.content.Media;
import net.wagw.domain.content.NativeMessage;
import net.wagw.domain.content.Reaction;
import net.wagw.domain.content.Select;
import net.wagw.domain.content.TemplateMessage;
import net.wagw.domain.content.Text;
import net.wagw.domain.content.WebLink;

/** One content, one Cloud API message: each content family to its renderer. */
public final class CloudRenderers {
    private final Json json;
    private final TextRenderer text = new TextRenderer();
    private final MediaRenderer media = new MediaRenderer();
    private final SelectRenderer select = new SelectRenderer();
    private final LinkRenderer links = new LinkRenderer();
    private final DocumentSelectRenderer documents = new DocumentSelectRenderer(links);
    private final PlaceRenderer places = new PlaceRenderer();
    private final ContactsRenderer contacts = new ContactsRenderer();
    private final TemplateRenderer templates;
    private final NativeRenderer natives;

    public CloudRenderers(ObjectMapper mapper) {
        this.json = new Json(mapper);
        this.templates = new TemplateRenderer(json);
        this.natives = new NativeRenderer(json);
    }

    /** @param context the wamid this message replies to, or null */
    public String render(Content content, Map<String, String> metadata, String context) {
        ObjectNode payload = json.object();
        if (content instanceof Text t) {
            text.text(t.body(), payload);
        } else if (content instanceof Media m) {
            media.render(m, payload);
        } else if (content instanceof Select s) {
            select.render(s, metadata, payload);
        } else if (content instanceof Location l) {
            places.location(l, payload);
        } else if (content instanceof Reaction r) {
            places.reaction(r, payload);
        } else if (content instanceof WebLink w) {
            if (w.asText()) {
                text.webLink(w, payload);
            } else {
                links.ctaUrl(w, payload, interactive -> {
                });
            }
        } else if (content instanceof Input i) {
            if (i.kind() == Input.Kind.LOCATION) {
                links.locationRequest(i, payload);
            } else {
                text.text(i.label(), payload);
            }
        } else if (content instanceof DocumentSelect d) {
            documents.render(d, payload);
        } else if (content instanceof Carousel c) {
            documents.carousel(c, payload);
        } else if (content instanceof DocumentList l) {
            text.list(l, payload);
        } else if (content instanceof ContactCard c) {
            contacts.render(c, payload);
        } else if (content instanceof TemplateMessage t) {
            templates.render(t, payload);
        } else if (content instanceof NativeMessage n) {
            natives.render(n, payload);
        } else {
            throw new Refusal(Reason.UNSUPPORTED_CONTENT_TYPE, "A " + content.getClass().getSimpleName()
                    + " is not one WhatsApp message.");
        }
        if (context != null) {
            payload.putObject("context").put("message_id", context);
        }
        return json.write(payload);
    }
}
