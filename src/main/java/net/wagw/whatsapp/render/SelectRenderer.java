package net.wagw.whatsapp.render;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.content.Select;

/** A select as reply buttons (1-3 options) or a list (4-10 rows), docs/contracts.md §3.3. */
final class SelectRenderer {
    /** Metadata key: the label of the button that opens a list. */
    static final String LIST_BUTTON = "#wa.list.button";
    static final String DEFAULT_LIST_BUTTON = "Options";
    static final String LIST_SECTION_TITLE = "Options";

    void render(Select select, Map<String, String> metadata, ObjectNode payload) {
        Limits.atMost(select.text(), Limits.MAX_INTERACTIVE_BODY, "A select's text");
        int count = select.options().size();
        if (count > Limits.MAX_ROWS) {
            throw Limits.invalid("A select offers at most " + Limits.MAX_ROWS + " options; this one has " + count + ".");
        }
        boolean buttons = count <= Limits.MAX_BUTTONS;
        int maxTitle = buttons ? Limits.MAX_BUTTON_TITLE : Limits.MAX_ROW_TITLE;
        int maxId = buttons ? Limits.MAX_BUTTON_ID : Limits.MAX_ROW_ID;
        String what = buttons ? "a reply button" : "a list row";
        Set<String> titles = new HashSet<>();
        for (Select.Option option : select.options()) {
            String title = option.text();
            int titleLength = Limits.length(title);
            if (titleLength > maxTitle) {
                throw Limits.invalid("Option \"" + title + "\" is too long for " + what + ": WhatsApp allows " + maxTitle
                        + " characters, it has " + titleLength + ".");
            }
            if (Limits.length(option.id()) > maxId) {
                throw Limits.invalid("The value of option \"" + title + "\" is too long for " + what
                        + ": WhatsApp allows " + maxId + " characters.");
            }
            if (buttons && !titles.add(title)) {
                throw Limits.invalid("Two options of the select are both called \"" + title + "\"; reply buttons need"
                        + " different texts.");
            }
        }
        payload.put("type", "interactive");
        ObjectNode interactive = payload.putObject("interactive");
        interactive.put("type", buttons ? "button" : "list");
        interactive.putObject("body").put("text", select.text());
        ObjectNode action = interactive.putObject("action");
        if (buttons) {
            ArrayNode list = action.putArray("buttons");
            select.options().forEach(option -> replyButton(list, option.id(), option.text()));
            return;
        }
        String label = metadata.get(LIST_BUTTON);
        label = label == null || label.isBlank() ? DEFAULT_LIST_BUTTON : label.strip();
        if (Limits.length(label) > Limits.MAX_LIST_BUTTON) {
            throw Limits.invalid("The list button label \"" + label + "\" is too long: WhatsApp allows "
                    + Limits.MAX_LIST_BUTTON + " characters.");
        }
        action.put("button", label);
        ObjectNode section = action.putArray("sections").addObject();
        section.put("title", LIST_SECTION_TITLE);
        ArrayNode rows = section.putArray("rows");
        select.options().forEach(option -> {
            ObjectNode row = rows.addObject();
            row.put("id", option.id());
            row.put("title", option.text());
        });
    }

    static void replyButton(ArrayNode buttons, String id, String title) {
        ObjectNode button = buttons.addObject();
        button.put("type", "reply");
        ObjectNode reply = button.putObject("reply");
        reply.put("id", id);
        reply.put("title", title);
    }
}
