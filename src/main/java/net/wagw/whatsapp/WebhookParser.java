package net.wagw.whatsapp;

import static net.wagw.json.JsonScalars.text;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.Bounds;
import net.wagw.domain.group.GroupChange;
import net.wagw.domain.group.GroupEvent;
import net.wagw.domain.inbound.CustomerSeen;
import net.wagw.domain.inbound.FieldEvent;
import net.wagw.domain.inbound.IdentityChange;
import net.wagw.domain.inbound.InboundMessage;
import net.wagw.domain.send.MessageStatus;
import net.wagw.domain.send.StatusUpdate;
import net.wagw.domain.inbound.WebhookBatch;
import net.wagw.domain.send.CallbackData;

/**
 * Reads the body of a Meta webhook POST (docs/contracts.md §7) into a {@link WebhookBatch}: every
 * {@code entry[]}'s every {@code changes[]}'s {@code messages[]} and {@code statuses[]}, in order, and
 * the {@code groups[]} of the group webhooks (docs/contracts.md §6: fields {@code group_lifecycle_update},
 * {@code group_participants_update} (also as Meta's OpenAPI file misspells it, {@code group_participant_update}),
 * {@code group_settings_update}, {@code group_status_update}) as {@link GroupEvent}s. Changes of any other
 * field are only counted in {@link WebhookBatch#others()}.
 *
 * <p>Written against Meta's payloads as they arrive, not as the OpenAPI file describes them
 * (Meta's OpenAPI and its webhook examples disagree): ids may be JSON strings or numbers and are
 * always read as strings (exact digits); unknown fields are ignored; optional parts may be missing.
 * Only a body that is not a WhatsApp Business Account webhook at all is refused, with an
 * {@link IllegalArgumentException} (the caller answers 400). A single message or status that
 * cannot be used (no {@code id}, no {@code status}, no usable {@code timestamp}, no phone number id)
 * (or group change without a usable {@code timestamp}) is skipped and counted in {@link WebhookBatch#others()},
 * so one bad item never makes Meta
 * retry the good ones for seven days.
 *
 * <p>One pass over one JSON tree; a batch of 1,000 updates is a few milliseconds.
 */
public class WebhookParser {
    static final String OBJECT = "whatsapp_business_account";
    static final String MESSAGES_FIELD = "messages";
    /** The field of the events wagw keeps for what it could not read in a messages change. */
    public static final String UNPROCESSABLE = "unprocessable";
    static final String GROUP_PARTICIPANTS_FIELD = "group_participants_update";
    /** The name Meta's OpenAPI file gives {@value #GROUP_PARTICIPANTS_FIELD}; read as that. */
    static final String GROUP_PARTICIPANTS_FIELD_MISSPELT = "group_participant_update";
    static final Set<String> GROUP_FIELDS = Set.of("group_lifecycle_update", GROUP_PARTICIPANTS_FIELD,
            "group_settings_update", "group_status_update");
    /** Settings updates nest each changed setting in an object of its own (with its own errors). */
    private static final List<String> SETTINGS = List.of("group_subject", "group_description", "profile_picture",
            "subject", "description");

    private final ObjectMapper json;
    private final InboundContentParser contents;

    public WebhookParser(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
        this.contents = new InboundContentParser(json);
    }

    public WebhookBatch parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("webhook body is empty");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook body is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("webhook body is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("webhook body is not a JSON object");
        }
        JsonNode object = root.get("object");
        if (object == null || !object.isTextual() || !OBJECT.equals(object.asText())) {
            throw new IllegalArgumentException("webhook body is not a WhatsApp Business Account webhook: "
                    + "\"object\" must be \"" + OBJECT + "\", was " + (object == null ? "missing" : object));
        }
        JsonNode entries = root.get("entry");
        if (entries == null || !entries.isArray()) {
            throw new IllegalArgumentException("webhook body has no \"entry\" array");
        }

        Accumulator out = new Accumulator();
        for (int e = 0; e < entries.size(); e++) {
            JsonNode entry = entries.get(e);
            if (!entry.isObject()) {
                throw new IllegalArgumentException("webhook entry[" + e + "] is not an object");
            }
            JsonNode changes = entry.get("changes");
            if (changes == null || changes.isNull()) {
                continue;
            }
            if (!changes.isArray()) {
                throw new IllegalArgumentException("webhook entry[" + e + "].changes is not an array");
            }
            for (int c = 0; c < changes.size(); c++) {
                JsonNode change = changes.get(c);
                if (!change.isObject()) {
                    throw new IllegalArgumentException("webhook entry[" + e + "].changes[" + c + "] is not an object");
                }
                String field = text(change.get("field"));
                if (GROUP_PARTICIPANTS_FIELD_MISSPELT.equals(field)) {
                    field = GROUP_PARTICIPANTS_FIELD;
                }
                boolean groups = field != null && GROUP_FIELDS.contains(field);
                JsonNode value = change.get("value");
                if (!groups && !MESSAGES_FIELD.equals(field)) {
                    // every other field is kept and told to the bot (docs/contracts.md §7), unknown ones included
                    WebhookFields.fieldEvents(text(entry.get("id")), field == null ? "unknown" : field,
                            value, text(entry.get("time")), this::compact, out.fieldEvents);
                    continue;
                }
                if (value == null || !value.isObject()) {
                    out.others++;
                    continue;
                }
                if (groups) {
                    groupChange(field, value, out);
                } else {
                    change(value, text(entry.get("id")), "entry[" + e + "].changes[" + c + "]", out);
                }
            }
        }
        return new WebhookBatch(out.messages, out.statuses, out.groupEvents, out.others, out.seen,
                out.identityChanges, out.fieldEvents);
    }

    /**
     * A group webhook's {@code value}: one {@link GroupEvent} per element of {@code groups[]}. A change without
     * a {@code groups} array, and any element that is not an object or has no usable timestamp (or a change
     * without phone number id), is counted in others rather than refused: Meta's docs and OpenAPI file disagree
     * on these payloads, and refusing would make Meta retry the whole batch.
     */
    private void groupChange(String field, JsonNode value, Accumulator out) {
        String phoneNumberId = text(value.path("metadata").get("phone_number_id"));
        JsonNode errors = value.get("errors");
        if (errors != null && errors.isArray()) {
            out.others += errors.size();
        }
        JsonNode groups = value.get("groups");
        if (groups == null || !groups.isArray()) {
            out.others++;
            return;
        }
        for (JsonNode group : groups) {
            GroupEvent g = group(phoneNumberId, field, group);
            if (g == null) {
                out.others++;
            } else {
                out.groupEvents.add(g);
            }
        }
    }

    private GroupEvent group(String phoneNumberId, String field, JsonNode group) {
        if (!group.isObject()) {
            return null;
        }
        Instant timestamp = epochSeconds(group.get("timestamp"));
        if (phoneNumberId == null || timestamp == null) {
            return null;
        }
        String subject = settingText(group, "subject", "group_subject");
        String description = settingText(group, "description", "group_description");
        List<String> joinRequests = new ArrayList<>();
        String single = text(group.get("join_request_id"));
        if (single != null) {
            joinRequests.add(single);
        }
        JsonNode requests = group.get("join_requests");
        if (requests != null && requests.isArray()) {
            for (JsonNode request : requests) {
                String id = request.isObject() ? text(request.get("join_request_id")) : text(request);
                if (id != null && !joinRequests.contains(id)) {
                    joinRequests.add(id);
                }
            }
        }
        // The change's own errors (failed create, delete, removal, settings); else, on a partly failed
        // settings update, the first failed setting's.
        JsonNode error = group.path("errors").path(0);
        for (int i = 0; !error.isObject() && i < SETTINGS.size(); i++) {
            error = group.path(SETTINGS.get(i)).path("errors").path(0);
        }
        int errorCode = 0;
        String errorText = null;
        if (error.isObject()) {
            errorCode = integer(error.get("code"));
            errorText = groupErrorText(error);
        }
        String type = text(group.get("type"));
        String groupId = text(group.get("group_id"));
        String requestId = text(group.get("request_id"));
        // ids become keys and texts parts of one item: what DynamoDB could not store would fail the whole batch
        if (!Bounds.fits(groupId, Bounds.META_ID) || !Bounds.fits(requestId, Bounds.META_ID)
                || !Bounds.fits(subject, Bounds.TEXT) || !Bounds.fits(description, Bounds.TEXT)) {
            return null;
        }
        return new GroupEvent(phoneNumberId, changeOf(field, type), type, groupId,
                requestId, timestamp, subject, description,
                settingText(group, "invite_link", null), settingText(group, "join_approval_mode", null),
                participants(group.get("added_participants")), participants(group.get("removed_participants")),
                joinRequests, errorCode, errorText, compact(group));
    }

    /**
     * A setting's new value: {@code name} as a string or as an object's {@code text} (settings updates nest
     * them, {@code {"group_subject": {"text": ..., "update_successful": true}}}), else {@code nested} the same way.
     * A nested value whose {@code update_successful} is false did not take effect: null (its error is read, and
     * the value stays in the raw JSON).
     */
    private static String settingText(JsonNode group, String name, String nested) {
        String s = nestedText(group.get(name));
        if (s == null && nested != null) {
            s = nestedText(group.get(nested));
        }
        return s;
    }

    private static String nestedText(JsonNode node) {
        if (node != null && node.isObject()) {
            JsonNode successful = node.get("update_successful");
            boolean failed = successful != null && (successful.isBoolean() ? !successful.booleanValue()
                    : "false".equalsIgnoreCase(text(successful)));
            return failed ? null : text(node.get("text"));
        }
        return text(node);
    }

    /** wa_ids of a participant list ({@code input} for a participant without one); ids as strings. */
    private static List<String> participants(JsonNode list) {
        List<String> ids = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode participant : list) {
                String id;
                if (participant.isObject()) {
                    id = text(participant.get("wa_id"));
                    if (id == null) {
                        id = text(participant.get("input"));
                    }
                } else {
                    id = text(participant);
                }
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /**
     * {@code title + ": " + (error_data.details, else message)}, whichever exist; {@code message} stands for
     * a missing title, and is not repeated when it only says what the title says.
     */
    private static String groupErrorText(JsonNode error) {
        String title = text(error.get("title"));
        String message = text(error.get("message"));
        String details = text(error.path("error_data").get("details"));
        String head = title != null ? title : message;
        String tail = details != null ? details : (title != null && !title.equals(message) ? message : null);
        if (head != null && tail != null) {
            return head + ": " + tail;
        }
        return head != null ? head : tail;
    }

    private void change(JsonNode value, String wabaId, String where, Accumulator out) {
        String phoneNumberId = text(value.path("metadata").get("phone_number_id"));
        JsonNode messages = array(value, "messages", where);
        JsonNode statuses = array(value, "statuses", where);
        // Change-level errors (Meta could not deliver some update to us): nothing to forward, but kept in the count.
        JsonNode errors = value.get("errors");
        if (errors != null && errors.isArray()) {
            out.others += errors.size();
        }
        if (messages != null && messages.size() > 0) {
            Contacts contacts = new Contacts(value.get("contacts"));
            for (JsonNode message : messages) {
                InboundMessage m = message(phoneNumberId, message, contacts);
                if (m == null) {
                    unreadable(value, wabaId, message, out);
                } else {
                    out.messages.add(m);
                    IdentityChange change = WebhookFields.identityChange(phoneNumberId, message);
                    if (change != null) {
                        out.identityChanges.add(change);
                    }
                }
            }
        }
        if (statuses != null) {
            for (JsonNode status : statuses) {
                StatusUpdate s = status(phoneNumberId, status);
                if (s == null) {
                    unreadable(value, wabaId, status, out);
                } else {
                    out.statuses.add(s);
                    WebhookFields.statusRecipient(phoneNumberId, status, out.seen);
                }
            }
        }
    }

    /**
     * A message or status wagw cannot use (no id, no timestamp, an id too long to store, ...): counted, and
     * kept as an unprocessable event of the {@code messages} field, acknowledged and told to the bot its
     * phone number id names, or without one to the bots of its business account (the entry's id), as an
     * account-wide field is (docs/contracts.md §7: never a 5xx for content).
     */
    private void unreadable(JsonNode value, String wabaId, JsonNode item, Accumulator out) {
        out.others++;
        ObjectNode kept = json.createObjectNode();
        kept.set("metadata", value.path("metadata").isObject() ? value.get("metadata") : json.nullNode());
        kept.set("item", item);
        WebhookFields.fieldEvents(wabaId, UNPROCESSABLE, kept, null, this::compact, out.fieldEvents);
    }

    /**
     * A coexistence echo ({@code smb_message_echoes}) as the message it is: what the business typed in the
     * WhatsApp Business app, its content read as a customer's would be (docs/contracts.md §7).
     */
    public InboundMessage echo(FieldEvent event) {
        JsonNode raw;
        try {
            raw = json.readTree(event.rawJson());
        } catch (IOException e) {
            throw new IllegalStateException("a kept webhook element is not JSON", e);
        }
        String type = text(raw.get("type"));
        if (type == null) {
            type = "unknown";
        }
        return new InboundMessage(event.phoneNumberId() == null ? "" : event.phoneNumberId(), text(raw.get("id")),
                null, null, null, event.timestamp() == null ? Instant.EPOCH : event.timestamp(), type, null, null,
                event.rawJson(), contents.parse(type, raw), null, null);
    }

    private InboundMessage message(String phoneNumberId, JsonNode message, Contacts contacts) {
        if (!message.isObject()) {
            return null;
        }
        String wamid = text(message.get("id"));
        Instant timestamp = epochSeconds(message.get("timestamp"));
        if (phoneNumberId == null || wamid == null || timestamp == null || !Bounds.fits(wamid, Bounds.META_ID)) {
            return null;
        }
        String from = text(message.get("from"));
        String fromUserId = text(message.get("from_user_id"));
        JsonNode contact = contacts.of(from, fromUserId);
        if (from == null && contact != null) {
            // A user who hides the number behind a username (2026) may come with no "from" at all.
            from = text(contact.get("wa_id"));
        }
        String profileName = contact == null ? null : text(contact.path("profile").get("name"));
        String userId = contact == null ? null : text(contact.get("user_id"));
        if (userId == null) {
            userId = fromUserId;
        }
        String type = text(message.get("type"));
        if (type == null) {
            type = "unknown";
        }
        String body = "text".equals(type) ? text(message.path("text").get("body")) : null;
        String groupId = text(message.get("group_id"));
        String parentUserId = contact == null ? null : text(contact.get("parent_user_id"));
        String username = contact == null ? null : text(contact.path("profile").get("username"));
        return new InboundMessage(phoneNumberId, wamid, from, profileName, userId, timestamp, type, body, groupId,
                compact(message), contents.parse(type, message), parentUserId, username);
    }

    private StatusUpdate status(String phoneNumberId, JsonNode status) {
        if (!status.isObject()) {
            return null;
        }
        String wamid = text(status.get("id"));
        MessageStatus state = messageStatus(text(status.get("status")));
        Instant timestamp = epochSeconds(status.get("timestamp"));
        if (phoneNumberId == null || wamid == null || state == null || timestamp == null
                || !Bounds.fits(wamid, Bounds.META_ID)) {
            return null;
        }
        String recipientId = text(status.get("recipient_id"));
        String participantId = text(status.get("recipient_participant_id"));
        if (participantId == null) {
            participantId = text(status.get("participant_recipient_id"));
        }
        // Meta's OpenAPI file describes group statuses as {recipient_id: participant, group_id: group}
        // where the docs say {recipient_id: group, recipient_type: group, recipient_participant_id}.
        // Either way: recipientId is the group, participantId the participant.
        String groupId = text(status.get("group_id"));
        if (groupId != null && !groupId.equals(recipientId)) {
            if (participantId == null) {
                participantId = recipientId;
            }
            recipientId = groupId;
        }
        int errorCode = 0;
        String errorText = null;
        if (state == MessageStatus.FAILED) {
            JsonNode error = status.path("errors").path(0);
            if (error.isObject()) {
                errorCode = integer(error.get("code"));
                errorText = errorText(error);
            }
        }
        String callbackData = text(status.get("biz_opaque_callback_data"));
        return new StatusUpdate(phoneNumberId, wamid, state, timestamp, recipientId, participantId, errorCode,
                errorText, text(status.get("recipient_user_id")), pricing(status),
                Bounds.fits(callbackData, CallbackData.MAX) ? callbackData : null);
    }

    /** Meta's group field (one of {@link #GROUP_FIELDS}) and element type as what happened (docs/contracts.md §6). */
    static GroupChange changeOf(String field, String type) {
        return switch (field) {
            case "group_lifecycle_update" -> "group_create".equals(type) ? GroupChange.CREATE
                    : "group_delete".equals(type) ? GroupChange.DELETE : GroupChange.LIFECYCLE;
            case GROUP_PARTICIPANTS_FIELD -> GroupChange.PARTICIPANTS;
            case "group_settings_update" -> GroupChange.SETTINGS;
            case "group_status_update" -> type != null && type.endsWith("_cleared") ? GroupChange.SUSPENSION_CLEARED
                    : GroupChange.SUSPEND;
            default -> throw new IllegalArgumentException("not a group field: " + field);
        };
    }

    /** Meta's status words (docs/contracts.md §3.4); null when there is none. */
    static MessageStatus messageStatus(String word) {
        if (word == null) {
            return null;
        }
        return switch (word) {
            case "sent" -> MessageStatus.SENT;
            case "delivered" -> MessageStatus.DELIVERED;
            case "read" -> MessageStatus.READ;
            case "played" -> MessageStatus.PLAYED;
            case "failed" -> MessageStatus.FAILED;
            default -> MessageStatus.OTHER;
        };
    }

    /**
     * docs/contracts.md §3.4: {@code pricing} and {@code conversation} as the bot's metadata, every scalar under its
     * path ({@code #wa.pricing.category}, {@code #wa.conversation.origin.type}, ...), each bounded.
     */
    private static Map<String, String> pricing(JsonNode status) {
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        flatten("#wa.pricing", status.get("pricing"), metadata, 0);
        flatten("#wa.conversation", status.get("conversation"), metadata, 0);
        return metadata;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, int depth) {
        if (node == null || depth > 3 || out.size() >= 16) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().length() <= 64) {
                    flatten(prefix + "." + e.getKey(), e.getValue(), out, depth + 1);
                }
            });
            return;
        }
        String value = node.isBoolean() ? Boolean.toString(node.booleanValue()) : text(node);
        if (value != null && value.length() <= 256) {
            out.put(prefix, value);
        }
    }

    /** {@code title + ": " + error_data.details}, whichever exist ({@code message} when there is no title). */
    private static String errorText(JsonNode error) {
        String title = text(error.get("title"));
        if (title == null) {
            title = text(error.get("message"));
        }
        String details = text(error.path("error_data").get("details"));
        if (title != null && details != null) {
            return title + ": " + details;
        }
        return title != null ? title : details;
    }

    private String compact(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-serialise a parsed webhook item", e);
        }
    }

    private static JsonNode array(JsonNode value, String name, String where) {
        JsonNode node = value.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("webhook " + where + ".value." + name + " is not an array");
        }
        return node;
    }

    /** The last second of 9999: Meta's timestamps are seconds, and one past this is milliseconds or garbage. */
    private static final long LATEST_EPOCH_SECOND = 253_402_300_799L;

    /** Epoch seconds, as a string or a number; null when missing, not a number, or not a second of years 1970-9999. */
    static Instant epochSeconds(JsonNode node) {
        String s = text(node);
        if (s == null) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(s.trim());
            // out of range it would overflow the stores' milliseconds (a 500 on every retry) or, in
            // milliseconds, hold a customer's 24-hour window open for ever
            if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(LATEST_EPOCH_SECOND)) > 0) {
                return null;
            }
            return Instant.ofEpochSecond(seconds.longValue());
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** Meta's error codes are integers; some docs show them as strings. Anything else: 0. */
    private static int integer(JsonNode node) {
        String s = text(node);
        if (s == null) {
            return 0;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A change's {@code contacts[]}, found by wa_id (or by user_id for username-only senders). */
    private static final class Contacts {
        private final Map<String, JsonNode> byWaId = new HashMap<>();
        private final Map<String, JsonNode> byUserId = new HashMap<>();
        private final JsonNode only;

        Contacts(JsonNode contacts) {
            JsonNode single = null;
            int count = 0;
            if (contacts != null && contacts.isArray()) {
                for (JsonNode contact : contacts) {
                    if (!contact.isObject()) {
                        continue;
                    }
                    count++;
                    single = contact;
                    String waId = text(contact.get("wa_id"));
                    if (waId != null) {
                        byWaId.putIfAbsent(waId, contact);
                    }
                    String userId = text(contact.get("user_id"));
                    if (userId != null) {
                        byUserId.putIfAbsent(userId, contact);
                    }
                }
            }
            this.only = count == 1 ? single : null;
        }

        JsonNode of(String from, String fromUserId) {
            JsonNode contact = from == null ? null : byWaId.get(from);
            if (contact == null && fromUserId != null) {
                contact = byUserId.get(fromUserId);
            }
            return contact != null ? contact : only;
        }
    }

    private static final class Accumulator {
        final List<InboundMessage> messages = new ArrayList<>();
        final List<StatusUpdate> statuses = new ArrayList<>();
        final List<GroupEvent> groupEvents = new ArrayList<>();
        final List<CustomerSeen> seen = new ArrayList<>();
        final List<IdentityChange> identityChanges = new ArrayList<>();
        final List<FieldEvent> fieldEvents = new ArrayList<>();
        int others;
    }
}
