package net.wagw.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.wagw.domain.send.Template;
import net.wagw.domain.send.TemplateCatalog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link TemplateCatalog} on the templates table: pk bot id, sk name#language. */
public final class DynamoTemplateCatalog implements TemplateCatalog {
    /** When Meta made the last change applied by a template webhook (epoch seconds). */
    private static final String CHANGED_AT = "changedAt";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoTemplateCatalog(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.table = names.of(Tables.TEMPLATES);
    }

    @Override
    public List<Template> all(String botId) {
        return dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :bot")
                .expressionAttributeValues(Map.of(":bot", AttributeValue.fromS(botId))))
                .items().stream().map(DynamoTemplateCatalog::read).toList();
    }

    /** Writes only what changed: an unchanged catalog (the sweep's usual case) costs the one read. */
    @Override
    public void replace(String botId, List<Template> templates) {
        Map<String, Template> stored = new HashMap<>();
        all(botId).forEach(template -> stored.put(template.name() + "#" + template.language(), template));
        Set<String> keep = new HashSet<>();
        for (Template template : templates) {
            String sk = template.name() + "#" + template.language();
            keep.add(sk);
            if (template.equals(stored.get(sk))) {
                continue;
            }
            Map<String, AttributeValue> parameters = new HashMap<>();
            template.parameters().forEach((k, v) -> parameters.put(k, AttributeValue.fromN(Integer.toString(v))));
            Map<String, AttributeValue> item = Item.create().s(Tables.PK, botId).s(Tables.SK, sk)
                    .s("name", template.name()).s("language", template.language()).s("status", template.status())
                    .s("category", template.category()).build();
            item.put("parameters", AttributeValue.fromM(parameters));
            dynamo.putItem(r -> r.tableName(table).item(item));
        }
        for (String sk : stored.keySet()) {
            if (!keep.contains(sk)) {
                dynamo.deleteItem(r -> r.tableName(table).key(Map.of(Tables.PK, AttributeValue.fromS(botId),
                        Tables.SK, AttributeValue.fromS(sk))));
            }
        }
    }

    @Override
    public int update(String botId, String name, String language, String status, String category, Instant at) {
        if (status == null && category == null) {
            return 0;
        }
        int changed = 0;
        for (Template template : all(botId)) {
            if (!template.name().equals(name) || (language != null && !template.language().equals(language))) {
                continue;
            }
            List<String> sets = new java.util.ArrayList<>();
            Map<String, AttributeValue> values = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            String condition = null;
            if (at != null) {
                // same second: applied in the order they came, as without a time
                sets.add("#changedAt = :at");
                names.put("#changedAt", CHANGED_AT);
                values.put(":at", AttributeValue.fromN(Long.toString(at.getEpochSecond())));
                condition = "attribute_not_exists(#changedAt) OR #changedAt <= :at";
            }
            if (status != null) {
                sets.add("#status = :status");
                names.put("#status", "status");
                values.put(":status", AttributeValue.fromS(status));
            }
            if (category != null) {
                sets.add("category = :category");
                values.put(":category", AttributeValue.fromS(category));
            }
            String when = condition;
            try {
                dynamo.updateItem(r -> r.tableName(table).key(Map.of(Tables.PK, AttributeValue.fromS(botId), Tables.SK,
                        AttributeValue.fromS(template.name() + "#" + template.language())))
                        .updateExpression("SET " + String.join(", ", sets))
                        .conditionExpression(when)
                        .expressionAttributeNames(names.isEmpty() ? null : names)
                        .expressionAttributeValues(values));
                changed++;
            } catch (ConditionalCheckFailedException changedLater) {
                // a later change of Meta's was applied first: it stands
            }
        }
        return changed;
    }

    private static Template read(Map<String, AttributeValue> values) {
        Item i = Item.of(values);
        Map<String, Integer> parameters = new HashMap<>();
        AttributeValue stored = values.get("parameters");
        if (stored != null && stored.m() != null) {
            stored.m().forEach((k, v) -> parameters.put(k, Integer.parseInt(v.n())));
        }
        return new Template(i.s("name"), i.s("language"), i.s("status"), i.s("category"), parameters);
    }
}
