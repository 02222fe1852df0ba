package net.wagw.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import net.wagw.domain.send.SentMessage;
import net.wagw.domain.send.StatusStore;
import net.wagw.domain.send.StatusUpdate;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link StatusStore} on the message items themselves (docs/storage.md): a sent message's rank,
 * moved by one conditional update per status (forward only), lives on its messages item, found by
 * the envelope id its status's callback data names, else through the sparse "wamid" index. A
 * status of a message not tracked yet is kept on that item ({@code kept*}) and handed back by
 * {@link DynamoMessageStore#recordSent}.
 *
 * <p>The statuses table holds what a message item cannot: each group participant's rank (pk
 * bot#wamid#participant), and by wamid alone (pk bot#wamid) a send whose callback data did not fit
 * ({@link #track}), a status of a message no item knows (kept there), and the messages tracked there
 * before their items tracked themselves.
 *
 * <p>A participant's status of a message not tracked yet is kept on its participant item and its
 * participant listed ({@code keptParticipants}, at most {@value #MAX_KEPT_PARTICIPANTS}) on the item
 * the send's record hands back, with that status as the one kept there if none is: {@link #applyKept}
 * then moves each listed participant to its kept rank.
 */
public final class DynamoStatusStore implements StatusStore {
    private static final Duration KEEP = Duration.ofDays(30);
    private static final String MESSAGE_ID = "messageId";
    /** Meta's groups have at most 8 participants: the list is bounded well above that. */
    static final int MAX_KEPT_PARTICIPANTS = 32;

    private final DynamoDbClient dynamo;
    private final String table;
    private final String messages;
    private final Clock clock;

    public DynamoStatusStore(DynamoDbClient dynamo, TableNames names, Clock clock) {
        this.dynamo = dynamo;
        this.table = names.of(Tables.STATUSES);
        this.messages = names.of(Tables.MESSAGES);
        this.clock = clock;
    }

    @Override
    public Optional<StatusUpdate> track(String botId, String wamid, String recipientNode, SentMessage sent) {
        StringBuilder update = new StringBuilder("SET messageId = :m, recipient = :r, #rank = if_not_exists(#rank, :zero), "
                + "#content = :content, #expiresAt = :expiresAt");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":m", AttributeValue.fromS(sent.envelopeId()),
                ":r", AttributeValue.fromS(recipientNode), ":zero", AttributeValue.fromN("0"),
                ":content", AttributeValue.fromS(sent.contentKind()), ":expiresAt", expiry()));
        Map<String, String> names = new HashMap<>(Map.of("#rank", MessageTracking.RANK, "#expiresAt",
                Tables.EXPIRES_AT, "#content", MessageTracking.CONTENT));
        if (!sent.replies().isEmpty()) {
            update.append(", #replies = :replies");
            values.put(":replies", MessageTracking.replies(sent.replies()));
            names.put("#replies", MessageTracking.REPLIES);
        }
        Map<String, AttributeValue> old = dynamo.updateItem(r -> r.tableName(table)
                .key(key(Tables.key(botId, wamid)))
                .updateExpression(update.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        if (old == null || !old.containsKey(MessageTracking.KEPT) || !old.get(MessageTracking.KEPT).hasM()
                || old.containsKey(MESSAGE_ID)) {
            return Optional.empty();
        }
        return Optional.of(MessageTracking.kept(wamid, old.get(MessageTracking.KEPT)));
    }

    @Override
    public Keep keep(String botId, String envelopeId, StatusUpdate status, int rank, boolean priced) {
        if (status.participantId() != null) {
            return keepParticipant(botId, envelopeId, status, rank);
        }
        if (envelopeId != null) {
            Optional<Keep> onMessage = keepOnMessage(Tables.key(botId, envelopeId), status, rank, priced);
            if (onMessage.isPresent()) {
                return onMessage.get();
            }
        }
        return keepByWamid(botId, status, rank) ? new Kept(Billed.NOT_MARKED) : new TrackedMeanwhile();
    }

    /**
     * Kept on the message item the callback data names, unless its wamid is set (tracked: the
     * status is advanced instead) or one as far is kept already. A priced one marks it billed.
     *
     * @return empty when no such item exists (the status is then kept by wamid)
     */
    private Optional<Keep> keepOnMessage(String pk, StatusUpdate status, int rank, boolean priced) {
        Map<String, String> names = new HashMap<>(Map.of("#wk", Tables.WAMID_KEY, "#kept", MessageTracking.KEPT,
                "#keptRank", MessageTracking.KEPT_RANK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":kept", MessageTracking.kept(status),
                ":rank", AttributeValue.fromN(Integer.toString(rank))));
        StringBuilder update = new StringBuilder("SET #kept = :kept, #keptRank = :rank");
        String billedToken = markBilledOnce(priced, update, names, values);
        String expression = update.toString();
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(r -> r.tableName(messages).key(key(pk))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#wk) AND "
                            + "(attribute_not_exists(#keptRank) OR #keptRank < :rank)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(new Kept(billed(billedToken, item)));
        } catch (ConditionalCheckFailedException notKept) {
            Map<String, AttributeValue> item = read(messages, pk);
            if (item == null) {
                return Optional.empty();
            }
            if (item.containsKey(Tables.WAMID_KEY)) {
                return Optional.of(new TrackedMeanwhile());
            }
            // one as far was kept before
            return Optional.of(new Kept(priced ? markBilledOnce(messages, pk, item) : Billed.NOT_MARKED));
        }
    }

    private boolean keepByWamid(String botId, StatusUpdate status, int rank) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(Tables.key(botId, status.wamid())))
                    .updateExpression("SET kept = :kept, keptRank = :rank, #expiresAt = :expiresAt")
                    .conditionExpression("attribute_not_exists(messageId) AND "
                            + "(attribute_not_exists(keptRank) OR keptRank < :rank)")
                    .expressionAttributeNames(Map.of("#expiresAt", Tables.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":kept", MessageTracking.kept(status),
                            ":rank", AttributeValue.fromN(Integer.toString(rank)), ":expiresAt", expiry())));
            return true;
        } catch (ConditionalCheckFailedException notKept) {
            return !tracked(read(table, Tables.key(botId, status.wamid())));
        }
    }

    /**
     * Kept on the participant's item (forward only, unless that participant is tracked), then the
     * participant listed on the message item the callback data names (else the wamid's item),
     * unless that message is tracked: kept first, so a record that comes between finds the status
     * (the listing is refused, and the status advanced instead), and listed even when one as far
     * was kept, whose writer may have stopped before listing it.
     */
    private Keep keepParticipant(String botId, String envelopeId, StatusUpdate status, int rank) {
        String wamidKey = Tables.key(botId, status.wamid());
        String pk = wamidKey + "#" + status.participantId();
        AttributeValue kept = MessageTracking.kept(status);
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(pk))
                    .updateExpression("SET #kept = :kept, #keptRank = :rank, #expiresAt = :expiresAt")
                    .conditionExpression("attribute_not_exists(messageId) AND "
                            + "(attribute_not_exists(#keptRank) OR #keptRank < :rank)")
                    .expressionAttributeNames(Map.of("#kept", MessageTracking.KEPT, "#keptRank",
                            MessageTracking.KEPT_RANK, "#expiresAt", Tables.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":kept", kept,
                            ":rank", AttributeValue.fromN(Integer.toString(rank)), ":expiresAt", expiry())));
        } catch (ConditionalCheckFailedException notKept) {
            if (tracked(read(table, pk))) {
                return new TrackedMeanwhile();
            }
        }
        Map<String, String> names = new HashMap<>(Map.of("#kept", MessageTracking.KEPT,
                "#kp", MessageTracking.KEPT_PARTICIPANTS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":kept", kept,
                ":p", AttributeValue.fromSs(List.of(status.participantId())),
                ":pid", AttributeValue.fromS(status.participantId()),
                ":max", AttributeValue.fromN(Integer.toString(MAX_KEPT_PARTICIPANTS))));
        String bounded = "(attribute_not_exists(#kp) OR size(#kp) < :max OR contains(#kp, :pid))";
        if (envelopeId != null) {
            String messagePk = Tables.key(botId, envelopeId);
            Map<String, String> onMessage = new HashMap<>(names);
            onMessage.put("#wk", Tables.WAMID_KEY);
            try {
                dynamo.updateItem(r -> r.tableName(messages).key(key(messagePk))
                        .updateExpression("ADD #kp :p SET #kept = if_not_exists(#kept, :kept)")
                        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#wk) AND " + bounded)
                        .expressionAttributeNames(onMessage)
                        .expressionAttributeValues(values));
                return new Kept(Billed.NOT_MARKED);
            } catch (ConditionalCheckFailedException notListed) {
                Map<String, AttributeValue> item = read(messages, messagePk);
                if (item != null) {
                    // tracked meanwhile; else more participants than any group has: not listed
                    return item.containsKey(Tables.WAMID_KEY) ? new TrackedMeanwhile() : new Kept(Billed.NOT_MARKED);
                }
            }
        }
        names.put("#expiresAt", Tables.EXPIRES_AT);
        values.put(":expiresAt", expiry());
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(wamidKey))
                    .updateExpression("ADD #kp :p SET #kept = if_not_exists(#kept, :kept), "
                            + "#expiresAt = if_not_exists(#expiresAt, :expiresAt)")
                    .conditionExpression("attribute_not_exists(messageId) AND " + bounded)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return new Kept(Billed.NOT_MARKED);
        } catch (ConditionalCheckFailedException notListed) {
            return tracked(read(table, wamidKey)) ? new TrackedMeanwhile() : new Kept(Billed.NOT_MARKED);
        }
    }

    /**
     * The status handed back is advanced as any (on the message item, whose new image lists the
     * participants kept: no more calls when there are none); then each listed participant's item
     * moves to its kept rank if that is further, in one conditional update that hands back the
     * status kept, so it is told once even while a copy of it is advanced.
     */
    @Override
    public List<Applied> applyKept(String botId, StatusUpdate kept, String envelopeId) {
        List<Applied> applied = new ArrayList<>();
        AtomicReference<Map<String, AttributeValue>> seen = new AtomicReference<>();
        String anchorTable = envelopeId == null ? table : messages;
        String anchorPk = Tables.key(botId, envelopeId == null ? kept.wamid() : envelopeId);
        if (kept.participantId() == null) {
            Advance advance = advance(botId, kept.wamid(), envelopeId, null, kept.status().rank(), false,
                    item -> {
                        if (anchorPk.equals(MessageTracking.s(item, Tables.PK)) && envelopeId != null) {
                            seen.set(item);
                        }
                    });
            if (advance instanceof Advanced advanced) {
                applied.add(new Applied(kept, advanced));
            }
        }
        Map<String, AttributeValue> anchor = seen.get() != null ? seen.get() : read(anchorTable, anchorPk);
        if (anchor == null || !anchor.containsKey(MessageTracking.KEPT_PARTICIPANTS)) {
            return applied;
        }
        String wamidKey = Tables.key(botId, kept.wamid());
        AttributeValue messageId = anchor.get(envelopeId == null ? MESSAGE_ID : "id");
        AttributeValue recipient = anchor.get("recipient");
        if (messageId == null || recipient == null
                || envelopeId != null && !wamidKey.equals(MessageTracking.s(anchor, Tables.WAMID_KEY))) {
            return applied; // not tracked under this wamid
        }
        for (String participant : anchor.get(MessageTracking.KEPT_PARTICIPANTS).ss()) {
            try {
                Map<String, AttributeValue> old = dynamo.updateItem(r -> r.tableName(table)
                        .key(key(wamidKey + "#" + participant))
                        .updateExpression("SET #rank = #keptRank, messageId = :m, recipient = :r, "
                                + "#expiresAt = :expiresAt REMOVE #kept")
                        .conditionExpression("attribute_exists(#keptRank) AND "
                                + "(attribute_not_exists(#rank) OR #rank < #keptRank)")
                        .expressionAttributeNames(Map.of("#rank", MessageTracking.RANK, "#keptRank",
                                MessageTracking.KEPT_RANK, "#kept", MessageTracking.KEPT, "#expiresAt",
                                Tables.EXPIRES_AT))
                        .expressionAttributeValues(Map.of(":m", messageId, ":r", recipient, ":expiresAt", expiry()))
                        .returnValues(ReturnValue.ALL_OLD)).attributes();
                if (old != null && old.containsKey(MessageTracking.KEPT)) {
                    applied.add(new Applied(MessageTracking.kept(kept.wamid(), old.get(MessageTracking.KEPT)),
                            new Advanced(messageId.s(), recipient.s())));
                }
            } catch (ConditionalCheckFailedException toldOrFurther) {
                // moved as far by a copy of it, or further by a later status: nothing to tell
            }
        }
        return applied;
    }

    /** The newest message item sent under this wamid, through the "wamid" index (eventually consistent). */
    private Optional<Map<String, AttributeValue>> indexed(String botId, String wamid) {
        return dynamo.query(r -> r.tableName(messages).indexName(Tables.WAMID_INDEX)
                .keyConditionExpression("#wk = :wk")
                .expressionAttributeNames(Map.of("#wk", Tables.WAMID_KEY))
                .expressionAttributeValues(Map.of(":wk", AttributeValue.fromS(Tables.key(botId, wamid))))
                .scanIndexForward(false).limit(1)).items().stream().findFirst();
    }

    @Override
    public Optional<SentMessage> sent(String botId, String wamid) {
        Optional<Map<String, AttributeValue>> message = indexed(botId, wamid);
        if (message.isPresent()) {
            return Optional.of(sentMessage(MessageTracking.s(message.get(), "id"), message.get()));
        }
        Map<String, AttributeValue> item = read(table, Tables.key(botId, wamid));
        if (!tracked(item)) {
            return Optional.empty();
        }
        return Optional.of(sentMessage(item.get(MESSAGE_ID).s(), item));
    }

    private static SentMessage sentMessage(String envelopeId, Map<String, AttributeValue> item) {
        AttributeValue content = item.get(MessageTracking.CONTENT);
        return new SentMessage(envelopeId, content == null ? "" : content.s(),
                MessageTracking.replies(item.get(MessageTracking.REPLIES)));
    }

    /** A priced status also sets {@code billed} to a token of its own if unset: the message is billed by this write. */
    @Override
    public Advance advance(String botId, String wamid, String envelopeId, String participant, int rank,
            boolean priced) {
        return advance(botId, wamid, envelopeId, participant, rank, priced, item -> { });
    }

    /** @param seen given the message item as written or read, when one was */
    private Advance advance(String botId, String wamid, String envelopeId, String participant, int rank,
            boolean priced, Consumer<Map<String, AttributeValue>> seen) {
        String wamidKey = Tables.key(botId, wamid);
        if (participant != null) {
            return advanceParticipant(botId, wamid, envelopeId, participant, rank);
        }
        if (envelopeId != null) {
            Optional<Advance> onMessage = advanceMessage(Tables.key(botId, envelopeId), wamidKey, rank, priced,
                    seen);
            if (onMessage.isPresent()) {
                return onMessage.get();
            }
        } else {
            Optional<Map<String, AttributeValue>> message = indexed(botId, wamid);
            if (message.isPresent()) {
                Optional<Advance> onMessage = advanceMessage(message.get().get(Tables.PK).s(), wamidKey, rank, priced,
                        seen);
                if (onMessage.isPresent()) {
                    return onMessage.get();
                }
            }
        }
        return advanceByWamid(wamidKey, rank, "attribute_exists(messageId) AND #rank < :rank", Map.of(), priced);
    }

    /**
     * One conditional update of the message item: further than its rank, and sent under this wamid.
     *
     * @return empty when the item was sent before messages tracked themselves (its statuses item
     *         holds the rank)
     */
    private Optional<Advance> advanceMessage(String pk, String wamidKey, int rank, boolean priced,
            Consumer<Map<String, AttributeValue>> seen) {
        Map<String, String> names = new HashMap<>(Map.of("#wk", Tables.WAMID_KEY, "#rank", MessageTracking.RANK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":wk", AttributeValue.fromS(wamidKey),
                ":rank", AttributeValue.fromN(Integer.toString(rank))));
        StringBuilder update = new StringBuilder("SET #rank = :rank");
        String billedToken = markBilledOnce(priced, update, names, values);
        String expression = update.toString();
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(r -> r.tableName(messages).key(key(pk))
                    .updateExpression(expression)
                    .conditionExpression("#wk = :wk AND #rank < :rank")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            seen.accept(item);
            return Optional.of(new Advanced(item.get("id").s(), item.get("recipient").s(), billed(billedToken, item)));
        } catch (ConditionalCheckFailedException notForward) {
            Map<String, AttributeValue> item = read(messages, pk);
            if (item != null) {
                seen.accept(item);
            }
            if (item != null && wamidKey.equals(MessageTracking.s(item, Tables.WAMID_KEY))) {
                return Optional.of(new Stale(priced ? markBilledOnce(messages, pk, item) : Billed.NOT_MARKED));
            }
            String wamid = wamidKey.substring(wamidKey.indexOf('#') + 1);
            if (item != null && wamid.equals(MessageTracking.s(item, "wamid"))) {
                return Optional.empty(); // sent before its item tracked it
            }
            return Optional.of(new Unknown());
        }
    }

    /**
     * A late priced status of a tracked message whose earlier statuses brought no pricing: marked
     * billed now, once.
     */
    private Billed markBilledOnce(String tableName, String pk, Map<String, AttributeValue> item) {
        if (item.containsKey(MessageTracking.BILLED)) {
            return Billed.BEFORE;
        }
        try {
            dynamo.updateItem(r -> r.tableName(tableName).key(key(pk))
                    .updateExpression("SET #billed = :billed")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#billed)")
                    .expressionAttributeNames(Map.of("#billed", MessageTracking.BILLED))
                    .expressionAttributeValues(Map.of(":billed", AttributeValue.fromS(UUID.randomUUID().toString()))));
            return Billed.NOW;
        } catch (ConditionalCheckFailedException counted) {
            return Billed.BEFORE;
        }
    }

    private Advance advanceParticipant(String botId, String wamid, String envelopeId, String participant, int rank) {
        String wamidKey = Tables.key(botId, wamid);
        AttributeValue messageId;
        AttributeValue recipient;
        Map<String, AttributeValue> message = envelopeId == null
                ? indexed(botId, wamid).orElse(null)
                : read(messages, Tables.key(botId, envelopeId));
        if (message != null && wamidKey.equals(MessageTracking.s(message, Tables.WAMID_KEY))) {
            messageId = message.get("id");
            recipient = message.get("recipient");
        } else {
            Map<String, AttributeValue> byWamid = read(table, wamidKey);
            if (!tracked(byWamid)) {
                return new Unknown();
            }
            messageId = byWamid.get(MESSAGE_ID);
            recipient = byWamid.get("recipient");
        }
        // the participant's item is made on its first status, carrying the message's ids along
        return advanceByWamid(wamidKey + "#" + participant, rank, "attribute_not_exists(#rank) OR #rank < :rank",
                Map.of(MESSAGE_ID, messageId, "recipient", recipient), false);
    }

    /**
     * Marks a message tracked by wamid billed, once: {@code true} for the first status that brings
     * its pricing (the guard of statuses whose message no item tracks).
     */
    boolean markBilled(String botId, String wamid) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(Tables.key(botId, wamid)))
                    .updateExpression("SET billed = :yes, #expiresAt = if_not_exists(#expiresAt, :expiresAt)")
                    .conditionExpression("attribute_not_exists(billed)")
                    .expressionAttributeNames(Map.of("#expiresAt", Tables.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true), ":expiresAt", expiry())));
            return true;
        } catch (ConditionalCheckFailedException counted) {
            return false;
        }
    }

    private Advance advanceByWamid(String pk, int rank, String condition, Map<String, AttributeValue> copied,
            boolean priced) {
        StringBuilder update = new StringBuilder("SET #rank = :rank, #expiresAt = :expiresAt");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":rank", AttributeValue.fromN(Integer.toString(rank)), ":expiresAt", expiry()));
        copied.forEach((name, value) -> {
            update.append(", ").append(name).append(" = :").append(name);
            values.put(":" + name, value);
        });
        Map<String, String> names = new HashMap<>(Map.of("#rank", MessageTracking.RANK, "#expiresAt", Tables.EXPIRES_AT));
        String billedToken = markBilledOnce(priced, update, names, values);
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(r -> r.tableName(table)
                    .key(key(pk))
                    .updateExpression(update.toString())
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return new Advanced(item.get(MESSAGE_ID).s(), item.get("recipient").s(), billed(billedToken, item));
        } catch (ConditionalCheckFailedException notForward) {
            return tracked(read(table, pk)) ? new Stale() : new Unknown();
        }
    }

    /**
     * A priced status marks its message billed once: the update sets a fresh token only where none
     * is, and the token handed back tells whether this update was the one ({@link #billed}).
     *
     * @return the token, or null when the status is not priced
     */
    private static String markBilledOnce(boolean priced, StringBuilder update, Map<String, String> names,
            Map<String, AttributeValue> values) {
        if (!priced) {
            return null;
        }
        String token = UUID.randomUUID().toString();
        update.append(", #billed = if_not_exists(#billed, :billed)");
        names.put("#billed", MessageTracking.BILLED);
        values.put(":billed", AttributeValue.fromS(token));
        return token;
    }

    private static Billed billed(String billedToken, Map<String, AttributeValue> item) {
        if (billedToken == null) {
            return Billed.NOT_MARKED;
        }
        AttributeValue billed = item.get(MessageTracking.BILLED);
        return billed != null && billedToken.equals(billed.s()) ? Billed.NOW : Billed.BEFORE;
    }

    /** Whether an item of the statuses table is a tracked message (not just a kept status). */
    private static boolean tracked(Map<String, AttributeValue> item) {
        return item != null && item.containsKey(MESSAGE_ID);
    }

    private Map<String, AttributeValue> read(String tableName, String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(tableName).consistentRead(true)
                .key(key(pk))).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private AttributeValue expiry() {
        return AttributeValue.fromN(Long.toString(clock.instant().plus(KEEP).getEpochSecond()));
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of(Tables.PK, AttributeValue.fromS(pk));
    }
}
