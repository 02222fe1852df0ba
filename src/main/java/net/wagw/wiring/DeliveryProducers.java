package net.wagw.wiring;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.config.WagwConfig;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.delivery.BotSecrets;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.delivery.BotNotifier;
import net.wagw.domain.work.WorkQueue;
import net.wagw.functions.Metrics;
import net.wagw.functions.ObservedDeliveries;
import net.wagw.lime.HttpBotEndpoint;
import net.wagw.lime.LimeNotifier;
import net.wagw.store.DynamoDeliveryStore;
import net.wagw.store.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Deliveries to bots: the outbox, its HTTP endpoint and the notifications it carries. */
@ApplicationScoped
public class DeliveryProducers {

    @Produces
    @Singleton
    Outbox outbox(DynamoDbClient dynamo, TableNames names, BotSecrets secrets, BotDirectory bots, WorkQueue queue,
            WagwConfig config, Clock clock, Metrics metrics) {
        Duration timeout = Duration.ofSeconds(config.http().botTimeoutSeconds());
        return new Outbox(ObservedDeliveries.store(new DynamoDeliveryStore(dynamo, names), metrics),
                ObservedDeliveries.endpoint(new HttpBotEndpoint(timeout), bots), secrets, queue, clock, timeout,
                Duration.ofDays(config.queue().deliveryRetryDays()));
    }

    @Produces
    @Singleton
    BotNotifier botNotifier(Outbox outbox, ObjectMapper json, WagwConfig config) {
        return new LimeNotifier(outbox, json, config.botDomain());
    }
}
