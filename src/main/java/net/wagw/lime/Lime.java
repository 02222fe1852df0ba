package net.wagw.lime;

/** LIME's content types as wagw reads and writes them (docs/contracts.md §3.1, §3.3, §3.5). */
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
    public static final String COLLECTION = LimeCollection.TYPE;
    public static final String CONTAINER = "application/vnd.lime.container+json";
    public static final String DOCUMENT_SELECT = "application/vnd.lime.document-select+json";
    public static final String LIST = "application/vnd.lime.list+json";
    public static final String CONTACT = "application/vnd.lime.contact+json";
    public static final String CHATSTATE = "application/vnd.lime.chatstate+json";

    private Lime() {
    }
}
