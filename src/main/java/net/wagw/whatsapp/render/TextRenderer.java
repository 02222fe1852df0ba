package net.wagw.whatsapp.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.content.Content;
import net.wagw.domain.content.DocumentList;
import net.wagw.domain.content.Media;
import net.wagw.domain.content.Text;
import net.wagw.domain.content.WebLink;

/** Whatever WhatsApp shows as a text: text, a web link as text, a LIME list, a text input's label. */
final class TextRenderer {
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://\\S");

    void text(String body, ObjectNode payload) {
        Limits.atMost(body, Limits.MAX_TEXT, "A WhatsApp text");
        payload.put("type", "text");
        ObjectNode text = payload.putObject("text");
        text.put("preview_url", URL.matcher(body).find());
        text.put("body", body);
    }

    void webLink(WebLink link, ObjectNode payload) {
        text(lines(link), payload);
    }

    /** docs/contracts.md §3.3: a list is a text, its header first, then one line per item. */
    void list(DocumentList list, ObjectNode payload) {
        List<String> lines = new ArrayList<>();
        if (list.header() != null) {
            lines.add(describe(list.header()));
        }
        list.items().forEach(item -> lines.add(describe(item)));
        text(String.join("\n", lines), payload);
    }

    /** A document as text a person reads. */
    static String describe(Content document) {
        if (document instanceof Text text) {
            return text.body();
        }
        if (document instanceof WebLink link) {
            return lines(link);
        }
        if (document instanceof Media media) {
            return join(media.title(), media.text(), media.uri());
        }
        throw Limits.invalid("WhatsApp cannot show a " + document.getClass().getSimpleName()
                + " inside a text; use text, web links or media links.");
    }

    private static String lines(WebLink link) {
        return join(link.title(), link.text(), link.uri());
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join("\n", present);
    }
}
