package net.wagw.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import java.time.Instant;
import java.util.Optional;

import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.ContactStore;
import net.wagw.domain.contact.KnownContact;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** {@link ContactStore} on the accounts table. */
public final class DynamoContactStore implements ContactStore {
    static final TableSchema<ContactItem> SCHEMA = StaticTableSchema.builder(ContactItem.class)
            .newItemSupplier(ContactItem::new)
            .addAttribute(String.class, a -> a.name(Tables.PK).getter(ContactItem::getPk).setter(ContactItem::setPk)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("waId").getter(ContactItem::getWaId).setter(ContactItem::setWaId))
            .addAttribute(String.class,
                    a -> a.name("fullName").getter(ContactItem::getFullName).setter(ContactItem::setFullName))
            .addAttribute(Long.class,
                    a -> a.name("learnedAt").getter(ContactItem::getLearnedAt).setter(ContactItem::setLearnedAt))
            .addAttribute(String.class, a -> a.name("bsuid").getter(ContactItem::getBsuid).setter(ContactItem::setBsuid))
            .addAttribute(String.class,
                    a -> a.name("parentId").getter(ContactItem::getParentId).setter(ContactItem::setParentId))
            .addAttribute(String.class,
                    a -> a.name("username").getter(ContactItem::getUsername).setter(ContactItem::setUsername))
            .addAttribute(String.class,
                    a -> a.name("canonical").getter(ContactItem::getCanonical).setter(ContactItem::setCanonical))
            .build();

    private final DynamoDbTable<ContactItem> table;

    public DynamoContactStore(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(names.of(Tables.ACCOUNTS), SCHEMA);
    }

    @Override
    public Optional<KnownContact> find(String botId, ContactKey key) {
        ContactItem item = table.getItem(r -> r.key(Key.builder().partitionValue(Tables.key(botId, key.value())).build())
                .consistentRead(true));
        if (item == null) {
            return Optional.empty();
        }
        return Optional.of(new KnownContact(item.getWaId(), item.getFullName(),
                Instant.ofEpochMilli(item.getLearnedAt() == null ? 0 : item.getLearnedAt()), item.getBsuid(),
                item.getParentId(), item.getUsername(), item.getCanonical()));
    }

    @Override
    public void rememberWaId(String botId, ContactKey key, String waId, Instant learnedAt) {
        ContactItem item = new ContactItem();
        item.setPk(Tables.key(botId, key.value()));
        item.setWaId(waId);
        item.setLearnedAt(learnedAt.toEpochMilli());
        table.updateItem(r -> r.item(item).ignoreNulls(true));
    }

    @Override
    public void remember(String botId, ContactKey key, KnownContact contact) {
        ContactItem item = new ContactItem();
        item.setPk(Tables.key(botId, key.value()));
        item.setWaId(contact.waId());
        item.setFullName(contact.fullName());
        item.setLearnedAt(contact.learnedAt().toEpochMilli());
        item.setBsuid(contact.bsuid());
        item.setParentId(contact.parentId());
        item.setUsername(contact.username());
        item.setCanonical(contact.canonical());
        // one write that keeps what this learning does not know (a BSUID learned earlier, an alias)
        table.updateItem(r -> r.item(item).ignoreNulls(true));
    }
}
