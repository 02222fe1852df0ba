package net.wagw.store;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.wagw.domain.group.Group;
import net.wagw.domain.group.GroupStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link GroupStore} on the groups table: the group under sk "group#id", and pointer items under
 * "request#..." and "meta#..." so webhooks, which name Meta's ids, find it in one read more.
 */
public final class DynamoGroupStore implements GroupStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoGroupStore(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.table = names.of(Tables.GROUPS);
    }

    @Override
    public void save(Group g) {
        Map<String, AttributeValue> item = Item.create().s(Tables.PK, g.botId()).s(Tables.SK, "group#" + g.id())
                .s("id", g.id()).s("metaGroupId", g.metaGroupId()).s("requestId", g.requestId()).s("name", g.name())
                .s("description", g.description()).s("joinApprovalMode", g.joinApprovalMode())
                .s("status", g.status().name()).s("inviteLink", g.inviteLink()).s("failure", g.failure())
                .millis("createdAt", g.createdAt()).millis("updatedAt", g.updatedAt()).build();
        if (!g.participants().isEmpty()) {
            item.put("participants", AttributeValue.fromSs(List.copyOf(g.participants())));
        }
        dynamo.putItem(r -> r.tableName(table).item(item));
        if (g.requestId() != null) {
            pointer(g.botId(), "request#" + g.requestId(), g.id());
        }
        if (g.metaGroupId() != null) {
            pointer(g.botId(), "meta#" + g.metaGroupId(), g.id());
        }
    }

    @Override
    public Optional<Group> find(String botId, String id) {
        Map<String, AttributeValue> item = get(botId, "group#" + id);
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(botId, item));
    }

    @Override
    public Optional<Group> findByRequest(String botId, String requestId) {
        return follow(botId, "request#" + requestId);
    }

    @Override
    public Optional<Group> findByMetaId(String botId, String metaGroupId) {
        return follow(botId, "meta#" + metaGroupId);
    }

    @Override
    public List<Group> all(String botId) {
        return dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :bot AND begins_with(sk, :group)")
                .expressionAttributeValues(Map.of(":bot", AttributeValue.fromS(botId), ":group", AttributeValue.fromS("group#"))))
                .items().stream().map(item -> read(botId, item)).toList();
    }

    private void pointer(String botId, String sk, String id) {
        dynamo.putItem(r -> r.tableName(table).item(Item.create().s(Tables.PK, botId).s(Tables.SK, sk).s("id", id).build()));
    }

    private Optional<Group> follow(String botId, String sk) {
        Map<String, AttributeValue> pointer = get(botId, sk);
        return pointer == null || pointer.isEmpty() ? Optional.empty() : find(botId, pointer.get("id").s());
    }

    private Map<String, AttributeValue> get(String botId, String sk) {
        return dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(Tables.PK, AttributeValue.fromS(botId),
                Tables.SK, AttributeValue.fromS(sk)))).item();
    }

    private static Group read(String botId, Map<String, AttributeValue> values) {
        Item i = Item.of(values);
        AttributeValue participants = values.get("participants");
        return new Group(botId, i.s("id"), i.s("metaGroupId"), i.s("requestId"), i.s("name"), i.s("description"),
                i.s("joinApprovalMode"), Group.Status.valueOf(i.s("status")), i.s("inviteLink"),
                participants == null ? java.util.Set.of() : new HashSet<>(participants.ss()), i.s("failure"),
                i.millis("createdAt"), i.millis("updatedAt"));
    }
}
