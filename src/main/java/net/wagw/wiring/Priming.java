package net.wagw.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import net.wagw.functions.HttpGateway;
import net.wagw.functions.Route;
import net.wagw.functions.ScheduledFunctions;
import net.wagw.store.TableDefinition;
import net.wagw.store.TableNames;
import net.wagw.store.Tables;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Cold start: what a function's first request would otherwise build and load happens during the
 * Lambda init phase instead. The beans of the function are built (the DynamoDB clients, the Cloud
 * API REST client, the bots' HTTP client), one request that needs no key runs through the HTTP
 * path and its JSON (answered 401/403, nothing stored), and one DynamoDB read of an item that
 * cannot exist, on a table the function reads anyway (its IAM policy allows it), loads the SDK's
 * request pipeline. With SnapStart the same happens in the CRaC {@code beforeCheckpoint} hook, so
 * the snapshot holds a primed function: the priming read asks DynamoDB to close its connection
 * and reads no secret, so that no connection and no secret is in the snapshot.
 */
@ApplicationScoped
public class Priming implements Resource {
    private static final Logger LOG = Logger.getLogger(Priming.class);
    /** A partition key no item has: the priming read finds nothing. */
    static final String ABSENT_KEY = "#priming";
    /** The table each function reads by key anyway (sweep only syncs, every 15 minutes: no read). */
    static final Map<String, TableDefinition> READS = Map.of(
            "verify", Tables.ACCOUNTS, "commands", Tables.ACCOUNTS, "send", Tables.ACCOUNTS,
            "webhook", Tables.ACCOUNTS, "groups", Tables.GROUPS, "dispatch", Tables.OPT_INS);

    private final HttpGateway gateway;
    private final ScheduledFunctions scheduled;
    private final DynamoDbClient dynamo;
    private final TableNames tables;
    private final ObjectMapper json;
    private final Optional<String> function;

    public Priming(HttpGateway gateway, ScheduledFunctions scheduled, DynamoDbClient dynamo, TableNames tables,
            ObjectMapper json, @ConfigProperty(name = "quarkus.funqy.export") Optional<String> function) {
        this.gateway = gateway;
        this.scheduled = scheduled;
        this.dynamo = dynamo;
        this.tables = tables;
        this.json = json;
        this.function = function;
    }

    void atStartup(@Observes StartupEvent startup) {
        if (LaunchMode.current() != LaunchMode.NORMAL || function.isEmpty()) {
            return; // dev and test runs start every function in one process, and start them often
        }
        if ("snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            Core.getGlobalContext().register(this); // the bean keeps this resource reachable
        } else {
            prime();
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to reopen: the priming kept no connection
    }

    /** Primes the function; a failure only costs the first request its warmth. */
    void prime() {
        String name = function.orElseThrow();
        long started = System.nanoTime();
        try {
            // Meta's routes: the subscription check (GET), which stores nothing whatever it is sent
            Arrays.stream(Route.values()).filter(r -> r.function().equals(name))
                    .filter(r -> !r.isMetas() || r.method().equals("GET")).findFirst()
                    .ifPresentOrElse(this::primeHttp, scheduled::toString);
            primeDynamo(name);
            LOG.debugf("%s primed in %d ms", name, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warnf("priming %s failed (%s); the first request loads what it needs", name, e.toString());
        }
    }

    /** A request without the bot's key (or, for Meta's routes, without the verify token): refused, nothing stored. */
    private void primeHttp(Route route) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(route.method());
        http.setPath(route.path());
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(route.routeKey());
        event.setRawPath(route.path());
        event.setHeaders(Map.of("content-type", "application/json"));
        event.setRequestContext(context);
        try {
            byte[] serialized = json.writeValueAsBytes(event);
            APIGatewayV2HTTPEvent read = json.readValue(serialized, APIGatewayV2HTTPEvent.class);
            json.writeValueAsBytes(gateway.handle(route.function(), read));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void primeDynamo(String name) {
        TableDefinition table = READS.get(name);
        if (table == null) {
            return;
        }
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(table.partitionKey(), AttributeValue.fromS(ABSENT_KEY));
        table.sortKeyAttribute().ifPresent(sk -> key.put(sk, AttributeValue.fromS(ABSENT_KEY)));
        try {
            dynamo.getItem(GetItemRequest.builder().tableName(tables.of(table)).key(key)
                    .overrideConfiguration(c -> c.putHeader("Connection", "close")).build());
        } catch (SdkException e) {
            LOG.debugf("priming read of %s: %s", tables.of(table), e.toString());
        }
    }
}
