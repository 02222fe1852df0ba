package net.wagw.whatsapp.render;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;

/** Meta's limits on what a message may hold (Cloud API reference, "Messages"), checked before sending. */
final class Limits {
    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    static final int MAX_INTERACTIVE_BODY = 1024;
    static final int MAX_BUTTONS = 3;
    static final int MAX_ROWS = 10;
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_BUTTON_ID = 256;
    static final int MAX_ROW_TITLE = 24;
    static final int MAX_ROW_ID = 200;
    static final int MAX_LIST_BUTTON = 20;
    static final int MAX_CTA_DISPLAY_TEXT = 20;
    static final int MIN_CARDS = 2;
    static final int MAX_CARDS = 10;
    static final int MAX_CARD_BODY = 160;
    static final int MAX_CARD_REPLIES = 2;

    private Limits() {
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Refuses {@code text} longer than {@code max}, naming {@code what} ("A media caption", ...). */
    static String atMost(String text, int max, String what) {
        int length = length(text);
        if (length > max) {
            throw invalid(what + " holds at most " + max + " characters; this one has " + length + ".");
        }
        return text;
    }

    static Refusal invalid(String description) {
        return new Refusal(Reason.INVALID_ARGUMENT, description);
    }
}
