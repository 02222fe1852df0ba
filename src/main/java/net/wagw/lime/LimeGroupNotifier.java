package net.wagw.lime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.group.Group;
import net.wagw.domain.group.GroupNotifier;

/**
 * Group events as LIME messages of type {@code application/vnd.wagw.group-event+json} from the
 * group's node: {@code {event, group, meta}} with Meta's webhook element whole. The delivery id
 * is derived from that element, so Meta's redeliveries of it reach the bot once.
 */
public final class LimeGroupNotifier implements GroupNotifier {
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Nodes nodes;
    private final String botDomain;

    public LimeGroupNotifier(Outbox outbox, ObjectMapper json, Nodes nodes, String botDomain) {
        this.outbox = outbox;
        this.json = json;
        this.nodes = nodes;
        this.botDomain = botDomain;
    }

    @Override
    public Optional<Delivery> enqueue(Bot bot, Group group, String event, String rawJson) {
        String id = "group:" + group.id() + ":" + event + ":" + digest(rawJson == null ? event : rawJson);
        ObjectNode message = json.createObjectNode();
        message.put("id", id);
        message.put("from", group.id() + "@" + nodes.groupsDomain());
        message.put("to", bot.node(botDomain));
        message.put("type", Lime.GROUP_EVENT);
        ObjectNode content = message.putObject("content");
        content.put("event", event);
        content.set("group", json.valueToTree(GroupResource.of(group, nodes)));
        try {
            if (rawJson != null) {
                content.set("meta", json.readTree(rawJson));
            }
            // the group's lane, shared with its messages: a group's events reach the bot in order
            return outbox.enqueue(bot, id, Delivery.Target.MESSAGES, json.writeValueAsString(message),
                    "group:" + group.id());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("group event not serialisable", e);
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
