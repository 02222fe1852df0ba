package net.wagw.wiring;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.config.WagwConfig;
import net.wagw.domain.contact.Customers;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.group.GroupService;
import net.wagw.domain.group.GroupsApi;
import net.wagw.lime.LimeGroupNotifier;
import net.wagw.store.DynamoGroupStore;
import net.wagw.store.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** WhatsApp groups: their store, Meta's Groups API and the events told to the bot. */
@ApplicationScoped
public class GroupProducers {

    @Produces
    @Singleton
    GroupService groupService(DynamoDbClient dynamo, TableNames names, GroupsApi meta, ObjectMapper json,
            WagwConfig config, Outbox outbox, Nodes nodes, Customers customers, Clock clock) {
        return new GroupService(new DynamoGroupStore(dynamo, names), meta,
                new LimeGroupNotifier(outbox, json, nodes, config.botDomain()), customers, clock);
    }
}
