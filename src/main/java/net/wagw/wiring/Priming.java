package net.wagw.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import net.wagw.config.MediaConfig;
import net.wagw.config.WagwConfig;
import net.wagw.domain.media.MediaRecord;
import net.wagw.functions.HttpGateway;
import net.wagw.functions.Route;
import net.wagw.functions.ScheduledFunctions;
import net.wagw.queue.QueueConnection;
import net.wagw.store.TableDefinition;
import net.wagw.store.TableNames;
import net.wagw.store.Tables;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Cold start: what a function's first request would otherwise build and load happens during the
 * Lambda init phase instead ({@code wagw.priming}, on by default). The function's beans are built
 * (the DynamoDB, SQS and S3 clients, the Cloud API REST client, the bots' HTTP client); one request
 * runs through the HTTP path and its JSON, refused for want of a key (nothing stored); and each
 * AWS client makes one call its IAM policy allows and that changes nothing: a DynamoDB read of an
 * item that cannot exist, the work queue's attributes (dispatch), an absent media object (webhook).
 *
 * <p>With SnapStart the same happens in the CRaC {@code beforeCheckpoint} hook, so that the
 * snapshot holds a primed function, its AWS calls {@link #SNAPSHOT_ROUNDS} times over: Lambda's JVM
 * compiles a method (C1 only) once it has run a few hundred times, and a snapshot of the SDK's
 * request path (most of a warm request's CPU) run once holds it interpreted, so every restored
 * environment would spend its first few hundred requests interpreting and compiling it
 * (bench/deployed.sh measures rounds). The HTTP path runs once: each run writes a request line (its
 * refusal is counted in no metric: {@code HttpGateway.prime}). Two rules: the last round's calls ask the server to close their connection (the
 * calls before them were sequential, so each SDK client's Apache pool holds one connection per
 * host, reused by every call, the bots table's read at start included, and that one is closed), so
 * that no connection is in the snapshot; and no route whose check reads a secret (Meta's webhook, the operator's routes) is
 * primed, so that no secret is in it either: those are read by the first request after the
 * restore, as they must be.
 */
@ApplicationScoped
public class Priming implements Resource {
    private static final Logger LOG = Logger.getLogger(Priming.class);
    /** A partition key no item has: the priming read finds nothing. */
    static final String ABSENT_KEY = "#priming";
    /**
     * The table each function reads by key anyway: its IAM policy allows GetItem on it
     * (SamTemplateTest holds this against the template).
     */
    public static final Map<String, TableDefinition> READS = Map.of(
            "verify", Tables.ACCOUNTS, "commands", Tables.ACCOUNTS, "send", Tables.ACCOUNTS,
            "webhook", Tables.ACCOUNTS, "groups", Tables.GROUPS, "dispatch", Tables.DELIVERIES);
    /** The functions that may read the work queue's attributes, and read media objects. */
    static final Set<String> QUEUE_READERS = Set.of("dispatch");
    static final Set<String> MEDIA_READERS = Set.of("webhook");
    /** Rounds of priming's AWS calls before a snapshot, unless {@code wagw.priming-rounds} says otherwise; one at an on-demand init. */
    static final int SNAPSHOT_ROUNDS = 300;
    /** The functions whose requests are checked against a secret before anything else. */
    static final Set<String> SECRET_CHECKED = Set.of("webhook", "admin");

    private final HttpGateway gateway;
    private final ScheduledFunctions scheduled;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final S3Client s3;
    private final QueueConnection queue;
    private final TableNames tables;
    private final ObjectMapper json;
    private final String bucket;
    private final boolean enabled;
    private final OptionalInt rounds;
    private final Optional<String> function;

    public Priming(HttpGateway gateway, ScheduledFunctions scheduled, DynamoDbClient dynamo, SqsClient sqs, S3Client s3,
            QueueConnection queue, TableNames tables, ObjectMapper json, MediaConfig media, WagwConfig config,
            @ConfigProperty(name = "quarkus.funqy.export") Optional<String> function) {
        this.gateway = gateway;
        this.scheduled = scheduled;
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.s3 = s3;
        this.queue = queue;
        this.tables = tables;
        this.json = json;
        this.bucket = media.bucket();
        this.enabled = config.priming();
        this.rounds = config.primingRounds();
        this.function = function;
    }

    /** After the other start observers (the bots table's read): the priming calls come last. */
    void atStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent startup) {
        if (LaunchMode.current() != LaunchMode.NORMAL || function.isEmpty() || !enabled) {
            return; // dev and test runs start every function in one process, and start them often
        }
        if ("snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            Core.getGlobalContext().register(this); // the bean keeps this resource reachable
        } else {
            prime(false);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime(true);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to reopen: the priming kept no connection
    }

    /** Primes the function; a failure only costs the first request its warmth. */
    void prime(boolean forSnapshot) {
        String name = function.orElseThrow();
        long started = System.nanoTime();
        int times = Math.max(1, rounds.orElse(forSnapshot ? SNAPSHOT_ROUNDS : 1));
        try {
            if (!forSnapshot || !SECRET_CHECKED.contains(name)) {
                // Meta's routes: the subscription check (GET), which stores nothing whatever it is sent
                Arrays.stream(Route.values()).filter(r -> r.function().equals(name))
                        .filter(r -> !r.isMetas() || r.method().equals("GET")).findFirst()
                        .ifPresent(this::primeHttp);
            }
            if (name.equals("dispatch")) {
                scheduled.dispatch(json.readTree("{\"Records\":[]}")); // Lambda's SQS event, parsed and answered
            }
            for (int round = 1; round <= times; round++) {
                primeAws(name, forSnapshot && round == times);
            }
            LOG.debugf("%s primed in %d ms (%d rounds of AWS calls)", name, (System.nanoTime() - started) / 1_000_000, times);
        } catch (RuntimeException | IOException e) {
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
            json.writeValueAsBytes(gateway.prime(route.function(), read));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One harmless call per AWS client the function may make it with; {@code closing} (the last
     * round before a snapshot) each asks for its connection to be closed (at an on-demand init the
     * open connection serves the first request).
     */
    private void primeAws(String name, boolean closing) {
        AwsRequestOverrideConfiguration close = closing
                ? AwsRequestOverrideConfiguration.builder().putHeader("Connection", "close").build()
                : AwsRequestOverrideConfiguration.builder().build();
        TableDefinition table = READS.get(name);
        if (table != null) {
            Map<String, AttributeValue> key = new HashMap<>();
            key.put(table.partitionKey(), AttributeValue.fromS(ABSENT_KEY));
            table.sortKeyAttribute().ifPresent(sk -> key.put(sk, AttributeValue.fromS(ABSENT_KEY)));
            quietly("DynamoDB", () -> dynamo.getItem(GetItemRequest.builder().tableName(tables.of(table)).key(key)
                    .overrideConfiguration(close).build()));
        }
        if (QUEUE_READERS.contains(name) && queue.url().isPresent()) {
            quietly("SQS", () -> sqs.getQueueAttributes(r -> r.queueUrl(queue.url().get())
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES).overrideConfiguration(close)));
        }
        if (MEDIA_READERS.contains(name)) {
            // under the media prefix, the only keys the function's policy lets it read (infra/template.yaml)
            quietly("S3", () -> s3.headObject(r -> r.bucket(bucket).key(MediaRecord.key("priming", ABSENT_KEY))
                    .overrideConfiguration(close)));
        }
    }

    /** An answer such as "not found" primes the client as well as a found item would. */
    private static void quietly(String service, Runnable call) {
        try {
            call.run();
        } catch (SdkException e) {
            LOG.debugf("priming call to %s: %s", service, e.toString());
        }
    }
}
