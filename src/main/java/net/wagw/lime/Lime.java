package net.wagw.lime;

import net.wagw.domain.delivery.Notification;

/**
 * LIME as wagw speaks it, declared once: the content types it reads and writes (LIME's own and
 * wagw's {@code application/vnd.wagw.*} resources: docs/contracts.md §3.1, §3.3, §3.5, §5, §6, §7)
 * and the notification events (docs/contracts.md §3.4).
 */
public final class Lime {
    public static final String TEXT = "text/plain";
    public static final String JSON = "application/json";
    public static final String MEDIA_LINK = "application/vnd.lime.media-link+json";
    public static final String SELECT = "application/vnd.lime.select+json";
    public static final String LOCATION = "application/vnd.lime.location+json";
    public static final String REACTION = "application/vnd.lime.reaction+json";
    public static final String REPLY = "application/vnd.lime.reply+json";
    public static final String WEB_LINK = "application/vnd.lime.web-link+json";
    public static final String INPUT = "application/vnd.lime.input+json";
    public static final String COLLECTION = "application/vnd.lime.collection+json";
    public static final String CONTAINER = "application/vnd.lime.container+json";
    public static final String DOCUMENT_SELECT = "application/vnd.lime.document-select+json";
    public static final String LIST = "application/vnd.lime.list+json";
    public static final String CONTACT = "application/vnd.lime.contact+json";
    public static final String CHATSTATE = "application/vnd.lime.chatstate+json";
    public static final String ACCOUNT = "application/vnd.lime.account+json";
    public static final String GROUP = "application/vnd.lime.group+json";

    // wagw's own resources and events
    public static final String GROUP_EVENT = "application/vnd.wagw.group-event+json";
    public static final String WHATSAPP_EVENT = "application/vnd.wagw.whatsapp-event+json";
    public static final String JOIN_REQUEST = "application/vnd.wagw.join-request+json";
    public static final String MESSAGE_TEMPLATE = "application/vnd.wagw.message-template+json";
    public static final String USAGE = "application/vnd.wagw.usage+json";
    public static final String DEAD_LETTER = "application/vnd.wagw.dead-letter+json";
    public static final String BOT = "application/vnd.wagw.bot+json";
    public static final String OPT_IN = "application/vnd.wagw.opt-in+json";

    // notification events
    public static final String ACCEPTED = "accepted";
    public static final String DISPATCHED = "dispatched";
    public static final String RECEIVED = "received";
    public static final String CONSUMED = "consumed";
    public static final String FAILED = "failed";

    private Lime() {
    }

    /** LIME's word for a notification's event. */
    public static String event(Notification.Event event) {
        return switch (event) {
            case ACCEPTED -> ACCEPTED;
            case DISPATCHED -> DISPATCHED;
            case RECEIVED -> RECEIVED;
            case CONSUMED -> CONSUMED;
            case FAILED -> FAILED;
        };
    }
}
