package net.wagw.lime;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.content.ContactCard;
import net.wagw.domain.content.InboundContent;
import net.wagw.domain.content.Location;
import net.wagw.domain.content.Reaction;
import net.wagw.domain.content.TypedValue;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.inbound.InboundMessage;
import net.wagw.domain.inbound.Received;
import net.wagw.domain.send.SentMessage;
import net.wagw.domain.send.StatusStore;

/**
 * Turns an inbound WhatsApp message into the LIME message the bot receives (docs/contracts.md
 * §3.5): {@code {id, from, to, type, content, metadata}}, compact, nulls omitted, from the content
 * the webhook parser read (no JSON is parsed again here).
 *
 * <p>A tap on one of the bot's options, and a quoted reply, come as
 * {@code application/vnd.lime.reply+json} whose {@code inReplyTo.id} is the bot's own envelope id
 * of the message answered (BLiP's form since November 2023), or, for a bot configured
 * {@code inbound-replies=select}, as the chosen option's value itself (BLiP's menu documentation).
 * Anything without a LIME counterpart goes as {@code application/json} with Meta's own object.
 */
public class InboundRenderer {
    public static final String TIMESTAMP = "#wa.timestamp";
    public static final String CONTACT_NAME = "#wa.contact.name";
    public static final String PHONE_NUMBER_ID = "#wa.phone_number_id";
    public static final String CONTEXT_ID = "#wa.context.id";
    public static final String USER_ID = "#wa.user_id";
    public static final String GROUP = "#wa.group";
    public static final String AUTHOR = "#wa.author";
    public static final String REPLY_TITLE = "#wa.reply.title";
    public static final String REPLY_DESCRIPTION = "#wa.reply.description";
    public static final String BUTTON_ID = "#wa.interactive.button.id";
    public static final String LIST_ID = "#wa.interactive.list.id";
    public static final String FORWARDED = "#wa.forwarded";
    public static final String FREQUENTLY_FORWARDED = "#wa.frequently_forwarded";
    public static final String FLOW_NAME = "#wa.flow.name";
    public static final String FLOW_BODY = "#wa.flow.body";
    public static final String REFERRAL_PREFIX = "#wa.referral.";
    public static final String PRODUCT_PREFIX = "#wa.referred_product.";

    /** The gateway's media route ({@code GET /media/{id}}), after the configured public base URL. */
    public static final String MEDIA_PATH = "/media/";

    private final ObjectMapper json;
    private final Nodes nodes;
    private final PublicBase base;
    private final StatusStore sent;

    /** A renderer that knows nothing of what was sent and writes media uris from the root. */
    public InboundRenderer(ObjectMapper json, Nodes nodes) {
        this(json, nodes, new PublicBase(Optional.empty()), null);
    }

    /**
     * @param base          where bots reach the gateway, for absolute media uris
     * @param sent          what wagw sent, for the envelope ids and option values of replies; may be null
     */
    public InboundRenderer(ObjectMapper json, Nodes nodes, PublicBase base, StatusStore sent) {
        this.json = Objects.requireNonNull(json, "json");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.base = Objects.requireNonNull(base, "base");
        this.sent = sent;
    }

    /** As delivered to a bot with default settings that wagw cannot look up sent messages for. */
    public String render(InboundMessage m, String botNode) {
        return render(m, null, botNode);
    }

    /** @param bot whose settings and sent messages shape replies; null for defaults and no look-up */
    public String render(InboundMessage m, Bot bot, String botNode) {
        Objects.requireNonNull(m, "message");
        Received received = m.received();
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", m.wamid());
        String sender = sender(m);
        if (m.groupId() != null) {
            envelope.put("from", "groups@" + nodes.domain());
        } else if (sender != null) {
            envelope.put("from", sender);
        }
        if (botNode != null) {
            envelope.put("to", botNode);
        }
        ObjectNode meta = json.createObjectNode();
        content(m, bot, envelope, meta);

        ObjectNode metadata = envelope.putObject("metadata");
        metadata.put(TIMESTAMP, received.sentTimestamp() != null ? received.sentTimestamp()
                : Long.toString(m.timestamp().getEpochSecond()));
        putIfPresent(metadata, CONTACT_NAME, m.profileName());
        metadata.put(PHONE_NUMBER_ID, m.phoneNumberId());
        putIfPresent(metadata, CONTEXT_ID, received.contextId());
        putIfPresent(metadata, USER_ID, m.userId());
        IdentityMetadata.put(metadata, m.userId(), m.parentUserId(), m.username());
        if (m.groupId() != null) {
            metadata.put(GROUP, m.groupId() + "@" + nodes.groupsDomain());
            putIfPresent(metadata, AUTHOR, sender);
        }
        if (received.forwarded()) {
            metadata.put(FORWARDED, "true");
        }
        if (received.frequentlyForwarded()) {
            metadata.put(FREQUENTLY_FORWARDED, "true");
        }
        metadata.setAll(meta);
        received.referral().forEach((field, value) -> metadata.put(REFERRAL_PREFIX + field, value));
        received.referredProduct().forEach((field, value) -> metadata.put(PRODUCT_PREFIX + field, value));
        try {
            return json.writeValueAsString(envelope);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a LIME envelope", e);
        }
    }

    /** Sets {@code type} and {@code content}, and adds type-specific metadata. */
    private void content(InboundMessage m, Bot bot, ObjectNode envelope, ObjectNode meta) {
        InboundContent content = m.received().content();
        String contextId = m.received().contextId();
        if (content instanceof InboundContent.Plain plain) {
            if (!m.received().quotes()) {
                plain(envelope, plain.body());
            } else {
                reply(bot, envelope, contextId, new TypedValue(Lime.TEXT, textJson(plain.body())), false);
            }
        } else if (content instanceof InboundContent.MediaFile media) {
            ObjectNode link = json.createObjectNode();
            putIfPresent(link, "type", media.mimeType());
            link.put("uri", base.url() + MEDIA_PATH + media.mediaId());
            putIfPresent(link, "text", media.caption());
            putIfPresent(link, "title", media.filename());
            set(envelope, Lime.MEDIA_LINK, link);
        } else if (content instanceof Location location) {
            ObjectNode place = json.createObjectNode();
            place.put("latitude", location.latitude());
            place.put("longitude", location.longitude());
            putIfPresent(place, "text", location.text() != null ? location.text() : location.address());
            putIfPresent(place, "address", location.address());
            putIfPresent(place, "url", location.url());
            set(envelope, Lime.LOCATION, place);
        } else if (content instanceof Reaction reaction) {
            ObjectNode body = json.createObjectNode();
            ArrayNode values = body.putObject("emoji").putArray("values");
            for (int codePoint : reaction.codePoints()) {
                values.add(codePoint);
            }
            ObjectNode to = body.putObject("inReactionTo");
            Optional<SentMessage> original = lookUp(bot, reaction.messageId());
            to.put("id", original.map(SentMessage::envelopeId).orElse(reaction.messageId()));
            original.ifPresent(o -> to.put("direction", "sent"));
            set(envelope, Lime.REACTION, body);
        } else if (content instanceof InboundContent.Choice choice) {
            putIfPresent(meta, REPLY_TITLE, choice.title());
            putIfPresent(meta, REPLY_DESCRIPTION, choice.description());
            switch (choice.kind()) {
                case BUTTON -> meta.put(BUTTON_ID, choice.id());
                case LIST -> meta.put(LIST_ID, choice.id());
                default -> {
                    // a template's button: its payload is the reply
                }
            }
            Optional<TypedValue> value = contextId == null ? Optional.empty()
                    : lookUp(bot, contextId).map(s -> s.replies().get(choice.id()));
            TypedValue replied = value.orElseGet(() -> new TypedValue(Lime.TEXT, textJson(choice.id())));
            if (contextId == null) {
                plain(envelope, choice.id());
            } else {
                reply(bot, envelope, contextId, replied, true);
            }
        } else if (content instanceof InboundContent.Contacts contacts) {
            if (contacts.cards().size() == 1) {
                set(envelope, Lime.CONTACT, contact(contacts.cards().get(0)));
            } else {
                ObjectNode collection = json.createObjectNode();
                collection.put("itemType", Lime.CONTACT);
                collection.put("total", contacts.cards().size());
                ArrayNode items = collection.putArray("items");
                contacts.cards().forEach(card -> items.add(contact(card)));
                set(envelope, Lime.COLLECTION, collection);
            }
        } else if (content instanceof InboundContent.FlowAnswer flow) {
            putIfPresent(meta, FLOW_NAME, flow.name());
            putIfPresent(meta, FLOW_BODY, flow.body());
            envelope.put("type", Lime.JSON);
            envelope.putRawValue("content", new RawValue(flow.responseJson()));
        } else {
            envelope.put("type", Lime.JSON);
            envelope.putRawValue("content", new RawValue(m.rawJson()));
        }
    }

    /**
     * docs/contracts.md §3.5: {@code {replied: {type, value}, inReplyTo: {id, type?, direction: sent}}},
     * or for a bot that asked for the older form, the chosen value as the message itself.
     */
    private void reply(Bot bot, ObjectNode envelope, String contextId, TypedValue replied, boolean choice) {
        if (choice && bot != null && bot.inboundReplies() == Bot.InboundReplies.SELECT) {
            envelope.put("type", replied.type());
            envelope.putRawValue("content", new RawValue(replied.json()));
            return;
        }
        ObjectNode reply = json.createObjectNode();
        ObjectNode chosen = reply.putObject("replied");
        chosen.put("type", replied.type());
        chosen.putRawValue("value", new RawValue(replied.json()));
        ObjectNode to = reply.putObject("inReplyTo");
        Optional<SentMessage> original = lookUp(bot, contextId);
        to.put("id", original.map(SentMessage::envelopeId).orElse(contextId));
        original.map(o -> limeType(o.contentKind())).ifPresent(type -> to.put("type", type));
        to.put("direction", "sent");
        set(envelope, Lime.REPLY, reply);
    }

    private Optional<SentMessage> lookUp(Bot bot, String wamid) {
        return bot == null || sent == null ? Optional.empty() : sent.sent(bot.id(), wamid);
    }

    /** The LIME type of a content kind of the domain model, when it has one. */
    private static String limeType(String contentKind) {
        return switch (contentKind) {
            case "Select" -> Lime.SELECT;
            case "DocumentSelect" -> Lime.DOCUMENT_SELECT;
            case "Carousel", "Collection" -> Lime.COLLECTION;
            case "Text" -> Lime.TEXT;
            case "Media" -> Lime.MEDIA_LINK;
            case "WebLink" -> Lime.WEB_LINK;
            case "Location" -> Lime.LOCATION;
            case "TemplateMessage", "NativeMessage" -> Lime.JSON;
            default -> null;
        };
    }

    /** A LIME contact document ({@code Lime.Messaging.Resources.Contact}'s fields). */
    private ObjectNode contact(ContactCard card) {
        ObjectNode contact = json.createObjectNode();
        contact.put("name", card.name());
        card.phones().stream().filter(p -> p.waId() != null).findFirst()
                .ifPresent(p -> contact.put("identity", nodes.customer(p.waId())));
        if (!card.phones().isEmpty()) {
            contact.put("phoneNumber", card.phones().get(0).number());
        }
        if (card.phones().size() > 1) {
            contact.put("cellPhoneNumber", card.phones().get(1).number());
        }
        if (!card.emails().isEmpty()) {
            contact.put("email", card.emails().get(0));
        }
        putIfPresent(contact, "address", card.address());
        ObjectNode extras = json.createObjectNode();
        putIfPresent(extras, "organization", card.organization());
        for (int i = 0; i < card.urls().size(); i++) {
            extras.put("url" + (i == 0 ? "" : Integer.toString(i + 1)), card.urls().get(i));
        }
        if (!extras.isEmpty()) {
            contact.set("extras", extras);
        }
        return contact;
    }

    private String textJson(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a JSON string", e);
        }
    }

    private static void set(ObjectNode envelope, String type, JsonNode content) {
        envelope.put("type", type);
        envelope.set("content", content);
    }

    private static void plain(ObjectNode envelope, String text) {
        envelope.put("type", Lime.TEXT);
        envelope.put("content", text);
    }

    /** The customer node of the sender: its wa_id, or its user id when Meta withholds the number. */
    private String sender(InboundMessage m) {
        if (m.from() != null) {
            return nodes.customer(m.from());
        }
        return m.userId() == null ? null : nodes.customer(m.userId());
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
