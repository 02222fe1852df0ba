package net.wagw.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.funqy.Funq;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import net.wagw.config.WagwConfig;
import net.wagw.functions.HttpFunctions;
import net.wagw.functions.Route;
import net.wagw.functions.ScheduledFunctions;
import net.wagw.store.TableDefinition;
import net.wagw.store.Tables;
import net.wagw.wiring.Priming;

/**
 * Holds {@code infra/template.yaml} equal to the code it deploys (docs/contracts.md §1 and §9): the route
 * table's routes and functions, the scheduled functions, the table list with its indexes,
 * least-privilege policies, no secrets (only references to Secrets Manager and SSM), and the
 * environment the configuration reads.
 *
 * <p>Jackson's YAML parser keeps CloudFormation's short-form tags ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, ...) only as type ids and would otherwise drop them, so that {@code !Ref HttpApi}
 * and a literal {@code HttpApi} would read the same. The template is therefore read into a tree
 * where each tagged node becomes its long form ({@code {"Ref": "HttpApi"}},
 * {@code {"Fn::GetAtt": ["AccountsTable", "Arn"]}}), exactly as CloudFormation reads it.
 */
class SamTemplateTest {
    private static final Path TEMPLATE = Path.of("infra", "template.yaml");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
    private static final String DYNAMODB_TABLE = "AWS::DynamoDB::Table";
    private static final String TABLE_PREFIX = "${AWS::StackName}-";
    /** How the policies name a table (by ARN, so that ExistingTables=true can serve retained ones). */
    private static final Pattern TABLE_ARN = Pattern.compile(
            "arn:\\$\\{AWS::Partition}:dynamodb:\\$\\{AWS::Region}:\\$\\{AWS::AccountId}:table/\\$\\{AWS::StackName}-"
                    + "([\\w-]+)(?:/index/([\\w.-]+|\\*))?");
    private static final String SECRET_ARN_PREFIX =
            "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:wagw/${AWS::StackName}/";
    private static final String SCHEDULE = "Schedule";
    private static final String HTTP_API = "HttpApi";
    /** docs/queue.md: dispatch consumes the work queue; its schedule is only a backstop. */
    private static final String DISPATCH_RATE = "rate(15 minutes)";

    /**
     * What each function's code does to each table (net.wagw.store.Dynamo* as wired by
     * net.wagw.wiring and reached from the function's routes or schedule); an index is
     * {@code <table>/index/<index>}. A missing action is an outage in production, an extra one is
     * more privilege than needed: the template must grant exactly these.
     */
    /** BotDirectory: the bots table read whole (a Scan) when the cached copy is too old. */
    private static final Set<String> BOTS_READ = Set.of("dynamodb:Scan");
    private static final Map<String, Map<String, Set<String>>> DYNAMODB_ACCESS = Map.of(
            // accounts (Contacts.find; the current opt-in read and set on the customer's item), counters
            // (quota ADD), opt-ins (the history: written, listed)
            "verify", Map.of(
                    Tables.BOTS.name(), BOTS_READ,
                    Tables.ACCOUNTS.name(), Set.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
                    Tables.COUNTERS.name(), Set.of("dynamodb:UpdateItem"),
                    Tables.OPT_INS.name(), Set.of("dynamodb:PutItem", "dynamodb:Query")),
            // the routes marked viaCommands: verify's, get /message-templates (catalog read), get /usage
            // (DynamoUsageCounter.between: one GetItem per day), the dead letters (Outbox.deadLetters: the
            // "dead" index; Outbox.redrive: find, replace) and the groups' (as "groups" below)
            "commands", Map.of(
                    Tables.BOTS.name(), BOTS_READ,
                    Tables.ACCOUNTS.name(), Set.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
                    Tables.COUNTERS.name(), Set.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
                    Tables.OPT_INS.name(), Set.of("dynamodb:PutItem", "dynamodb:Query"),
                    Tables.TEMPLATES.name(), Set.of("dynamodb:Query"),
                    Tables.DELIVERIES.name(), Set.of("dynamodb:GetItem", "dynamodb:PutItem"),
                    Tables.DELIVERIES.name() + "/index/" + Tables.DEAD_INDEX, Set.of("dynamodb:Query"),
                    Tables.GROUPS.name(), Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query")),
            // GroupsResource -> GroupService: DynamoGroupStore.save (the group and its request#/meta#
            // pointers: PutItem), find (GetItem), all (Query). Group events are queued by webhook
            // (GroupService.onEvent), never by these routes: no deliveries.
            "groups", Map.of(
                    Tables.BOTS.name(), BOTS_READ,
                    Tables.GROUPS.name(), Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query")),
            // SendService.send (idempotent take, window, opt-in, catalog with on-demand sync, the
            // recipient's known wa_id, wa_id learning, marketing revocation on 131050, the sent
            // message tracked for its statuses) and the Outbox notifications it queues; the dead
            // letters (list through the "dead" index, re-drive: find, replace). The customer's item:
            // read (GetItem), the wa_id learned (UpdateItem). A message to a
            // group reads the group (GroupService.sendable -> DynamoGroupStore.find: GetItem). Meta's
            // outcome is the message's UpdateItem that also tracks it and hands back a status kept on it
            // before, which is then applied (StatusEffects: advance UpdateItem/GetItem, billed once, the
            // day's counter ADD); one that names no envelope id through the "wamid" index and, for sends
            // whose callback data did not fit or earlier versions' messages, the statuses table.
            // Counters: get /usage (GetItem per day) and the on-demand template sync claim (UpdateItem).
            "send", Map.ofEntries(
                    Map.entry(Tables.BOTS.name(), BOTS_READ),
                    Map.entry(Tables.MESSAGES.name(), Set.of("dynamodb:GetItem", "dynamodb:PutItem",
                            "dynamodb:UpdateItem")),
                    Map.entry(Tables.MESSAGES.name() + "/index/" + Tables.WAMID_INDEX, Set.of("dynamodb:Query")),
                    Map.entry(Tables.DELIVERIES.name(), Set.of("dynamodb:GetItem", "dynamodb:PutItem")),
                    Map.entry(Tables.DELIVERIES.name() + "/index/" + Tables.DEAD_INDEX, Set.of("dynamodb:Query")),
                    Map.entry(Tables.OPT_INS.name(), Set.of("dynamodb:PutItem")),
                    Map.entry(Tables.TEMPLATES.name(), Set.of("dynamodb:Query", "dynamodb:PutItem", "dynamodb:DeleteItem")),
                    Map.entry(Tables.ACCOUNTS.name(), Set.of("dynamodb:GetItem", "dynamodb:UpdateItem")),
                    Map.entry(Tables.STATUSES.name(), Set.of("dynamodb:GetItem", "dynamodb:UpdateItem")),
                    Map.entry(Tables.COUNTERS.name(), Set.of("dynamodb:GetItem", "dynamodb:UpdateItem")),
                    Map.entry(Tables.GROUPS.name(), Set.of("dynamodb:GetItem")),
                    // POST /media records the upload; a media-link to one is looked up
                    Map.entry(Tables.MEDIA.name(), Set.of("dynamodb:GetItem", "dynamodb:PutItem"))),
            // Queued work (SendService.retry, Outbox.attempt): the message or delivery read by its
            // key, then leased and updated (messages: UpdateItem); a retried send that Meta accepts is
            // tracked in that update (DynamoMessageStore.recordSent) and teaches the wa_id (Contacts.learnWaId:
            // UpdateItem, under the customer's own key, so an alias is read first: GetItem). A status
            // kept before the send's record is applied as in send (statuses GetItem/UpdateItem, the
            // day's counter ADD). A retried send to a group goes to the Meta id stored with the
            // message: no groups read.
            "dispatch", Map.ofEntries(
                    Map.entry(Tables.BOTS.name(), BOTS_READ),
                    Map.entry(Tables.MESSAGES.name(), Set.of("dynamodb:GetItem", "dynamodb:UpdateItem")),
                    Map.entry(Tables.MESSAGES.name() + "/index/" + Tables.WAMID_INDEX, Set.of("dynamodb:Query")),
                    Map.entry(Tables.DELIVERIES.name(), Set.of("dynamodb:GetItem", "dynamodb:PutItem")),
                    Map.entry(Tables.ACCOUNTS.name(), Set.of("dynamodb:GetItem", "dynamodb:UpdateItem")),
                    Map.entry(Tables.OPT_INS.name(), Set.of("dynamodb:PutItem")),
                    Map.entry(Tables.STATUSES.name(), Set.of("dynamodb:GetItem", "dynamodb:UpdateItem")),
                    Map.entry(Tables.COUNTERS.name(), Set.of("dynamodb:UpdateItem")),
                    // the queue's media copies
                    Map.entry(Tables.MEDIA.name(), Set.of("dynamodb:GetItem", "dynamodb:UpdateItem"))),
            // WebhookIngestion: a repeat this function kept is only queued again (no read).
            // InboundService: Identities.received/seen/moved on the customer's item
            // (contact, aliases, window and current opt-in: conditional UpdateItem,
            // GetItem when an alias is followed or two ids merge), stop keywords and 131050 (the
            // history item: PutItem; no history read), the store-once delivery (Outbox.storeOnce: an
            // UpdateItem that hands back the one a repeat finds; group events: PutItem), then queued
            // (Outbox.enqueue: PutItem; a status's notification rides on the queue unstored),
            // statuses moved forward or kept for a message not tracked yet on the message item their
            // callback data names (DynamoStatusStore.advance, keep: UpdateItem, GetItem; an uncertain
            // send settled), else found through the "wamid" index (as replies are: Query), else by
            // wamid in the statuses table (UpdateItem, GetItem), priced ones billed once (the day's
            // counter ADD). FieldEvents: template webhooks update the catalog (Query, UpdateItem).
            // Group events (GroupService.onEvent: the request#/meta# pointer and the group
            // read, the group saved, the event queued through LimeGroupNotifier -> Outbox.enqueue)
            // and group messages (GroupService.ownId: Meta's group id to wagw's, GetItem).
            // Inbound media: recorded (conditional PutItem), copied (GetItem, UpdateItem), and read
            // by GET /media/{id}.
            "webhook", Map.ofEntries(
                    Map.entry(Tables.BOTS.name(), BOTS_READ),
                    Map.entry(Tables.ACCOUNTS.name(), Set.of("dynamodb:GetItem", "dynamodb:UpdateItem")),
                    Map.entry(Tables.COUNTERS.name(), Set.of("dynamodb:UpdateItem")),
                    Map.entry(Tables.TEMPLATES.name(), Set.of("dynamodb:Query", "dynamodb:UpdateItem")),
                    Map.entry(Tables.OPT_INS.name(), Set.of("dynamodb:PutItem")),
                    Map.entry(Tables.DELIVERIES.name(), Set.of("dynamodb:PutItem", "dynamodb:UpdateItem")),
                    Map.entry(Tables.STATUSES.name(), Set.of("dynamodb:GetItem", "dynamodb:UpdateItem")),
                    Map.entry(Tables.MESSAGES.name(), Set.of("dynamodb:GetItem", "dynamodb:UpdateItem")),
                    Map.entry(Tables.MESSAGES.name() + "/index/" + Tables.WAMID_INDEX, Set.of("dynamodb:Query")),
                    Map.entry(Tables.GROUPS.name(), Set.of("dynamodb:GetItem", "dynamodb:PutItem")),
                    Map.entry(Tables.MEDIA.name(), Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"))),
            // TemplateSync: catalog replace (put, list, delete stale)
            "sweep", Map.of(
                    Tables.BOTS.name(), BOTS_READ,
                    Tables.TEMPLATES.name(), Set.of("dynamodb:Query", "dynamodb:PutItem", "dynamodb:DeleteItem")),
            // AdminResource: the bots listed (Scan), read (GetItem), written and disabled (PutItem)
            "admin", Map.of(
                    Tables.BOTS.name(), Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Scan")));

    /**
     * The functions that deliver to the bot (Outbox.deliver/attempt), so sign with its callback
     * secret. Queuing alone (Outbox.enqueue, as group events are) signs nothing.
     */
    private static final Set<String> CALLBACK_SIGNERS = Set.of("send", "dispatch", "webhook");
    /**
     * The functions that call Meta's Cloud API with the access token (webhook: GET /media/{id};
     * groups, and commands for the groups routes it serves in-process: the Groups API).
     */
    private static final Set<String> META_CALLERS = Set.of("send", "dispatch", "sweep", "webhook", "groups",
            "commands");
    /** The function that receives Meta's webhooks: checks their signature and the verify token. */
    private static final Set<String> META_WEBHOOK_RECEIVERS = Set.of("webhook");

    // --- one sample deployment, for the environment tests ---
    /** One deployment's parameters (and pseudo parameters); none at its default unless it must be. */
    private static final Map<String, String> SAMPLE_DEPLOYMENT = Map.ofEntries(
            Map.entry("AWS::StackName", "wagw-test"),
            Map.entry("AWS::Region", "sa-east-1"),
            // what !Ref of an SQS queue gives: its URL
            Map.entry("WorkQueue", "https://sqs.sa-east-1.amazonaws.com/123456789012/wagw-test-work.fifo"),
            Map.entry("MetaApiVersion", "v99.0"),
            Map.entry("BotsCacheSeconds", "45"),
            Map.entry("SecretsCacheSeconds", "120"),
            Map.entry("ExistingTables", "false"),
            // a resource's Ref: the bucket's physical name
            Map.entry("MediaBucket", "wagw-test-mediabucket-1a2b3c"),
            Map.entry("MediaRetentionDays", "45"),
            Map.entry("PublicBaseUrl", "https://bots.example.com/wa"));
    /** What the deployment's secrets hold: none of it may reach a function's environment. */
    private static final List<String> SAMPLE_SECRET_VALUES = List.of("sample-callback-secret", "sample-meta-token",
            "sample-app-secret", "sample-verify-token", HexFormat.of().formatHex(sha256("sample-admin-key")));

    private final SamTemplate sam = SamTemplate.read();
    private final JsonNode template = sam.tree();

    @Test
    void everyRouteIsAnHttpApiEventOfTheFunctionThatServesItAndNoOtherEventExists() {
        List<String> expected = Arrays.stream(Route.values())
                .map(route -> route.routeKey() + " -> " + route.function())
                .toList();

        List<String> actual = new ArrayList<>();
        functions().forEach((id, function) -> {
            String export = funqyExport(function).orElse("<no QUARKUS_FUNQY_EXPORT on " + id + ">");
            httpApiEvents(function).forEach((eventId, properties) -> {
                assertThat(properties.path("ApiId"))
                        .as("%s event %s must attach to the template's HttpApi", id, eventId)
                        .isEqualTo(ref("HttpApi"));
                actual.add(properties.path("Method").asText() + " " + properties.path("Path").asText() + " -> " + export);
            });
        });

        assertThat(resource("HttpApi").path("Type").asText()).isEqualTo("AWS::Serverless::HttpApi");
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** What each function does in the media bucket (net.wagw.store.S3MediaFiles), on its media/ prefix only. */
    private static final Map<String, Set<String>> S3_ACCESS = Map.of(
            "send", Set.of("s3:PutObject"),
            "webhook", Set.of("s3:GetObject", "s3:PutObject"),
            "dispatch", Set.of("s3:PutObject"));

    @Test
    void theMediaBucketIsEncryptedPrivateTlsOnlyAndDeletesCopiesAfterTheRetention() {
        JsonNode bucket = template.path("Resources").path("MediaBucket");
        assertThat(bucket.path("Type").asText()).isEqualTo("AWS::S3::Bucket");
        JsonNode properties = bucket.path("Properties");
        assertThat(properties.path("BucketEncryption").path("ServerSideEncryptionConfiguration").path(0)
                .path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText()).isIn("AES256", "aws:kms");
        JsonNode blocked = properties.path("PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertThat(blocked.path(setting).asBoolean()).as(setting).isTrue();
        }
        List<JsonNode> expiring = StreamSupport.stream(properties.path("LifecycleConfiguration").path("Rules").spliterator(),
                false).filter(rule -> rule.has("ExpirationInDays")).toList();
        assertThat(expiring).hasSize(1);
        assertThat(expiring.get(0).path("Status").asText()).isEqualTo("Enabled");
        assertThat(expiring.get(0).path("Prefix").asText()).isEqualTo("media/");
        assertThat(expiring.get(0).path("ExpirationInDays").path("Ref").asText()).isEqualTo("MediaRetentionDays");
        assertThat(template.path("Parameters").path("MediaRetentionDays").path("Default").asInt()).isEqualTo(30);

        List<JsonNode> policies = resourcesOfType("AWS::S3::BucketPolicy").values().stream()
                .filter(policy -> "MediaBucket".equals(policy.path("Properties").path("Bucket").path("Ref").asText()))
                .toList();
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0).path("Properties").path("PolicyDocument").path("Statement")).anySatisfy(statement -> {
            assertThat(statement.path("Effect").asText()).isEqualTo("Deny");
            assertThat(statement.path("Principal").asText()).isEqualTo("*");
            assertThat(statement.path("Action").asText()).isEqualTo("s3:*");
            assertThat(statement.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
            assertThat(statement.path("Resource").toString()).contains("MediaBucket.Arn}/*").contains("\"MediaBucket\",\"Arn\"");
        });
    }

    @Test
    void onlyTheFunctionsThatStoreOrServeMediaReachTheBucketAndOnlyItsMediaPrefix() {
        Map<String, Set<String>> granted = new TreeMap<>();
        functions().forEach((id, function) -> {
            for (JsonNode policy : function.path("Properties").path("Policies")) {
                for (JsonNode statement : policy.path("Statement")) {
                    List<String> actions = texts(statement.path("Action")).stream()
                            .filter(action -> action.toLowerCase(Locale.ROOT).startsWith("s3:")).toList();
                    if (actions.isEmpty()) {
                        continue;
                    }
                    assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                    assertThat(statement.path("Resource").path("Fn::Sub").asText()).as("%s grants %s on", id, actions)
                            .isEqualTo("${MediaBucket.Arn}/media/*");
                    granted.computeIfAbsent(funqyExport(function).orElseThrow(), f -> new TreeSet<>()).addAll(actions);
                }
            }
        });
        assertThat(granted).isEqualTo(new TreeMap<>(S3_ACCESS));

        Map<String, String> deployment = new LinkedHashMap<>(SAMPLE_DEPLOYMENT);
        deployment.put("BotStopKeywords", "");
        configure(deployment).forEach(configured -> {
            if (S3_ACCESS.containsKey(configured.export())) {
                assertThat(configured.environment()).as(configured.id()).containsEntry("WAGW_MEDIA_BUCKET",
                        "wagw-test-mediabucket-1a2b3c").containsEntry("WAGW_MEDIA_RETENTION_DAYS", "45");
            } else {
                assertThat(configured.environment()).as(configured.id()).doesNotContainKey("WAGW_MEDIA_BUCKET");
            }
        });
    }

    @Test
    void theJvmHandlerIsFunqysLambdaStreamHandlerWithTheRequestIdInTheLogContext() throws ClassNotFoundException {
        // Globals.Function.Handler is !If [IsNative, <native placeholder>, <JVM handler>]
        JsonNode handler = template.path("Globals").path("Function").path("Handler").path("Fn::If");
        String jvmHandler = handler.get(2).asText();

        assertThat(jvmHandler).endsWith("::handleRequest");
        Class<?> handlerClass = Class.forName(jvmHandler.substring(0, jvmHandler.indexOf("::")));
        assertThat(io.quarkus.funqy.lambda.FunqyStreamHandler.class).isAssignableFrom(handlerClass);
        assertThat(handlerClass).isEqualTo(net.wagw.functions.LambdaHandler.class);
    }

    @Test
    void everyFunqyFunctionHasExactlyOneLambdaTheHttpOnesOnTheApiTheScheduledOnesOnASchedule() {
        Set<String> httpFunctions = funqyFunctions(HttpFunctions.class);
        Set<String> scheduledFunctions = funqyFunctions(ScheduledFunctions.class);
        assertThat(httpFunctions).as("the @Funq functions of HttpFunctions").isNotEmpty();
        assertThat(scheduledFunctions).as("the @Funq functions of ScheduledFunctions").contains("dispatch", "sweep");
        assertThat(httpFunctions).as("every function the route table names is an HTTP @Funq function")
                .containsAll(Route.functions());
        Set<String> allFunctions = new TreeSet<>(httpFunctions);
        allFunctions.addAll(scheduledFunctions);

        Map<String, List<String>> lambdasByExport = new LinkedHashMap<>();
        Set<String> httpExports = new TreeSet<>();
        functions().forEach((id, function) -> {
            Optional<String> export = funqyExport(function);
            assertThat(export).as("%s picks its function with QUARKUS_FUNQY_EXPORT", id).isPresent();
            assertThat(allFunctions).as("%s runs @Funq(\"%s\"), which must exist", id, export.get())
                    .contains(export.get());
            lambdasByExport.computeIfAbsent(export.get(), e -> new ArrayList<>()).add(id);
            if (!httpApiEvents(function).isEmpty()) {
                httpExports.add(export.get());
            }

            Set<String> eventTypes = new TreeSet<>();
            function.path("Properties").path("Events").forEach(event -> eventTypes.add(event.path("Type").asText()));
            if ("dispatch".equals(export.get())) {
                assertThat(eventTypes).as("%s (dispatch) is triggered by the work queue, a schedule as backstop", id)
                        .containsExactlyInAnyOrder("SQS", SCHEDULE);
            } else if (scheduledFunctions.contains(export.get())) {
                assertThat(eventTypes).as("%s (scheduled @Funq %s) is triggered by a schedule only", id, export.get())
                        .containsExactly(SCHEDULE);
            } else {
                assertThat(eventTypes).as("%s (HTTP @Funq %s) is triggered by the HTTP API only", id, export.get())
                        .containsExactly(HTTP_API);
            }
        });

        for (String name : allFunctions) {
            assertThat(lambdasByExport.getOrDefault(name, List.of()))
                    .as("the Lambda functions running @Funq(\"%s\")", name)
                    .hasSize(1);
        }
        assertThat(httpExports).as("the functions that HttpApi events invoke").isEqualTo(httpFunctions);
    }

    /**
     * docs/queue.md: the work queue is FIFO with a redrive policy to a FIFO dead-letter queue whose
     * depth and age raise alarms; dispatch consumes it with partial batch failures; exactly the
     * functions that queue work may send to it, and only dispatch may consume it.
     */
    @Test
    void theWorkQueueHasAWatchedDeadLetterQueueAndOnlyDispatchConsumesItReportingPartialFailures() {
        JsonNode resources = template.path("Resources");
        JsonNode queue = resources.path("WorkQueue").path("Properties");
        assertThat(resources.path("WorkQueue").path("Type").asText()).isEqualTo("AWS::SQS::Queue");
        assertThat(queue.path("FifoQueue").asBoolean()).as("FIFO: a lane's work in order").isTrue();
        assertThat(queue.path("VisibilityTimeout").asInt()).isEqualTo(net.wagw.queue.Queues.VISIBILITY_TIMEOUT_SECONDS);
        assertThat(queue.path("RedrivePolicy").path("maxReceiveCount").asInt())
                .isEqualTo(net.wagw.queue.Queues.MAX_RECEIVE_COUNT);
        assertThat(queue.path("RedrivePolicy").path("deadLetterTargetArn").path("Fn::GetAtt").path(0).asText())
                .isEqualTo("WorkDeadLetterQueue");
        assertThat(resources.path("WorkDeadLetterQueue").path("Properties").path("FifoQueue").asBoolean()).isTrue();
        Set<String> watched = new TreeSet<>();
        resourcesOfType("AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
            JsonNode properties = alarm.path("Properties");
            properties.path("Dimensions").forEach(d -> {
                if (d.path("Value").path("Fn::GetAtt").path(0).asText().equals("WorkDeadLetterQueue")) {
                    watched.add(properties.path("MetricName").asText());
                }
            });
        });
        assertThat(watched).as("alarms on the dead-letter queue")
                .contains("ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage");

        Map<String, Set<String>> sqsActions = new TreeMap<>();
        functions().forEach((id, function) -> {
            for (JsonNode policy : function.path("Properties").path("Policies")) {
                for (JsonNode statement : policy.path("Statement")) {
                    List<String> actions = texts(statement.path("Action")).stream()
                            .filter(a -> a.toLowerCase(Locale.ROOT).startsWith("sqs:")).toList();
                    if (!actions.isEmpty()) {
                        assertThat(statement.path("Resource").path("Fn::GetAtt").path(0).asText())
                                .as("%s may use only the work queue", id).isEqualTo("WorkQueue");
                        sqsActions.computeIfAbsent(funqyExport(function).orElseThrow(), e -> new TreeSet<>())
                                .addAll(actions);
                    }
                }
            }
            function.path("Properties").path("Events").forEach(event -> {
                if ("SQS".equals(event.path("Type").asText())) {
                    assertThat(funqyExport(function)).as("%s consumes the work queue", id).hasValue("dispatch");
                    assertThat(texts(event.path("Properties").path("FunctionResponseTypes")))
                            .containsExactly("ReportBatchItemFailures");
                }
            });
        });
        assertThat(sqsActions).isEqualTo(Map.of(
                "send", Set.of("sqs:SendMessage"),
                "webhook", Set.of("sqs:SendMessage"),
                "commands", Set.of("sqs:SendMessage"),
                "dispatch", Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
                        "sqs:GetQueueAttributes", "sqs:SendMessage")));
    }

    @Test
    void dispatchRunsEveryMinuteAndEveryScheduleIsAnEventBridgeExpression() {
        Map<String, List<String>> schedulesByExport = new TreeMap<>();
        functions().forEach((id, function) -> function.path("Properties").path("Events").properties().forEach(event -> {
            if (!SCHEDULE.equals(event.getValue().path("Type").asText())) {
                return;
            }
            JsonNode schedule = event.getValue().path("Properties").path("Schedule");
            String expression = schedule.has("Ref")
                    ? template.path("Parameters").path(schedule.path("Ref").asText()).path("Default").asText()
                    : schedule.asText();
            assertThat(expression).as("%s event %s: a literal or a parameter with a default", id, event.getKey())
                    .matches("(rate|cron)\\(.+\\)");
            schedulesByExport.computeIfAbsent(funqyExport(function).orElse(id), e -> new ArrayList<>()).add(expression);
        }));

        assertThat(schedulesByExport.get("dispatch")).as("dispatch's schedules").containsExactly(DISPATCH_RATE);
        JsonNode dispatchSchedule = functions().values().stream()
                .filter(function -> funqyExport(function).filter("dispatch"::equals).isPresent())
                .findFirst().orElseThrow()
                .path("Properties").path("Events").path("Backstop").path("Properties").path("Schedule");
        assertThat(dispatchSchedule.asText()).as("dispatch's schedule is fixed, not a parameter").isEqualTo(DISPATCH_RATE);
        assertThat(schedulesByExport.get("sweep")).as("sweep's schedules").hasSize(1);
    }

    @Test
    void everyTableOfTheCodeIsDeclaredWithItsKeysIndexesRecoveryEncryptionAndTtlAndNoOtherTableIs() {
        Map<String, JsonNode> tablesByName = new LinkedHashMap<>();
        resourcesOfType(DYNAMODB_TABLE).forEach((id, table) -> {
            JsonNode name = table.path("Properties").path("TableName");
            assertThat(name.path("Fn::Sub").asText())
                    .as("%s is named \"%s<name>\" like WAGW_DYNAMODB_TABLE_PREFIX says", id, TABLE_PREFIX)
                    .startsWith(TABLE_PREFIX);
            String logicalName = name.path("Fn::Sub").asText().substring(TABLE_PREFIX.length());
            assertThat(id).as("logical id of table %s", logicalName).isEqualTo(pascalCase(logicalName) + "Table");
            tablesByName.put(logicalName, table);
            assertThat(table.path("Condition").asText()).as("%s is created only when the stack does not adopt"
                    + " retained tables (ExistingTables=false)", id).isEqualTo("CreateTables");
            assertThat(table.path("DeletionPolicy").asText()).as("%s is kept when the stack is deleted", id)
                    .isEqualTo("Retain");
        });

        assertThat(tablesByName.keySet()).as("the template's tables")
                .containsExactlyInAnyOrderElementsOf(Tables.ALL.stream().map(TableDefinition::name).toList());

        for (TableDefinition definition : Tables.ALL) {
            JsonNode properties = tablesByName.get(definition.name()).path("Properties");
            String table = definition.name();

            ArrayNode keySchema = NODES.arrayNode().add(key(definition.partitionKey(), "HASH"));
            Map<String, String> attributeTypes = new LinkedHashMap<>();
            attributeTypes.put(definition.partitionKey(), "S");
            definition.sortKeyAttribute().ifPresent(sortKey -> {
                keySchema.add(key(sortKey, "RANGE"));
                attributeTypes.put(sortKey, "S");
            });
            ArrayNode indexes = NODES.arrayNode();
            for (TableDefinition.Index index : definition.indexes()) {
                attributeTypes.putIfAbsent(index.partitionKey(), "S");
                attributeTypes.putIfAbsent(index.numberSortKey(), "N");
                ObjectNode gsi = NODES.objectNode().put("IndexName", index.name());
                gsi.set("KeySchema", NODES.arrayNode()
                        .add(key(index.partitionKey(), "HASH"))
                        .add(key(index.numberSortKey(), "RANGE")));
                gsi.set("Projection", NODES.objectNode().put("ProjectionType", "ALL"));
                indexes.add(gsi);
            }
            ArrayNode attributes = NODES.arrayNode();
            attributeTypes.forEach((name, type) -> attributes.add(attribute(name, type)));

            assertThat(properties.path("KeySchema")).as("%s KeySchema", table).isEqualTo(keySchema);
            assertThat(set(properties.path("AttributeDefinitions"))).as("%s AttributeDefinitions", table)
                    .isEqualTo(set(attributes));
            if (indexes.isEmpty()) {
                assertThat(properties.has("GlobalSecondaryIndexes"))
                        .as("%s has no index in the code, so none in the template", table).isFalse();
            } else {
                assertThat(set(properties.path("GlobalSecondaryIndexes")))
                        .as("%s GlobalSecondaryIndexes (name, keys, projection ALL; on-demand, so no throughput)", table)
                        .isEqualTo(set(indexes));
            }
            assertThat(properties.has("LocalSecondaryIndexes")).as("%s LocalSecondaryIndexes", table).isFalse();
            assertThat(properties.path("BillingMode").asText()).as("%s BillingMode", table).isEqualTo("PAY_PER_REQUEST");
            assertThat(properties.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asText())
                    .as("%s point-in-time recovery", table).isEqualTo("true");
            assertThat(properties.path("SSESpecification").path("SSEEnabled").asText())
                    .as("%s encryption", table).isEqualTo("true");

            JsonNode ttl = properties.path("TimeToLiveSpecification");
            if (definition.ttl().isPresent()) {
                assertThat(ttl.path("AttributeName").asText()).as("%s TTL attribute", table).isEqualTo(definition.ttl().get());
                assertThat(ttl.path("Enabled").asText()).as("%s TTL enabled", table).isEqualTo("true");
            } else {
                assertThat(ttl.isMissingNode()).as("%s has no TTL in the code, so none in the template", table).isTrue();
            }
        }
    }

    @Test
    void functionsReachDynamoDbOnlyThroughInlineStatementsOnTheTemplatesTableAndIndexArns() {
        Map<String, JsonNode> tables = resourcesOfType(DYNAMODB_TABLE);
        functions().forEach((id, function) -> {
            JsonNode policies = function.path("Properties").path("Policies");
            assertThat(policies.isArray()).as("%s has a Policies list", id).isTrue();
            for (JsonNode policy : policies) {
                assertThat(policy.path("Statement").isArray())
                        .as("%s policy %s must be an inline Statement list (a managed policy or policy template is not"
                                + " least privilege this test can see)", id, policy)
                        .isTrue();
                for (JsonNode statement : policy.path("Statement")) {
                    assertThat(statement.has("NotAction") || statement.has("NotResource"))
                            .as("%s statement %s uses NotAction/NotResource", id, statement).isFalse();
                    List<String> actions = texts(statement.path("Action"));
                    boolean dynamo = actions.stream().anyMatch(a -> a.equals("*") || a.toLowerCase(Locale.ROOT).startsWith("dynamodb:"));
                    if (!dynamo) {
                        continue;
                    }
                    assertThat(actions).as("%s statement %s names its actions one by one", id, statement)
                            .allSatisfy(action -> assertThat(action).doesNotContain("*"));
                    JsonNode resources = statement.path("Resource");
                    List<JsonNode> resourceList = resources.isArray()
                            ? StreamSupport.stream(resources.spliterator(), false).toList()
                            : List.of(resources);
                    assertThat(resources.isMissingNode()).as("%s statement %s has a Resource", id, statement).isFalse();
                    for (JsonNode resource : resourceList) {
                        Optional<TableResource> target = tableOf(resource);
                        assertThat(target)
                                .as("%s grants %s on %s: must be !Sub \"arn:...:table/${AWS::StackName}-<name>[/index/<name>]\""
                                        + " of a table of this template", id, actions, resource)
                                .hasValueSatisfying(table -> assertThat(tables).containsKey(table.tableId()));
                        target.get().index().ifPresent(index -> {
                            // an index ARN only ever serves reads of the index: Query (or Scan)
                            assertThat(actions).as("%s grants %s on index %s", id, actions, resource)
                                    .isSubsetOf("dynamodb:Query", "dynamodb:Scan");
                            Set<String> declared = new TreeSet<>();
                            tables.get(target.get().tableId()).path("Properties").path("GlobalSecondaryIndexes")
                                    .forEach(gsi -> declared.add(gsi.path("IndexName").asText()));
                            assertThat(declared).as("%s grants on %s: the indexes of %s", id, resource,
                                    target.get().tableId()).isNotEmpty();
                            if (!index.equals("*")) {
                                assertThat(declared).as("%s grants on %s", id, resource).contains(index);
                            }
                        });
                    }
                }
            }
        });
    }

    /**
     * Each function may do exactly what its code does on each table, no more (least privilege) and
     * no less (an outage). A Query of an index is only allowed by a grant on the index's ARN
     * ({@code ${Table.Arn}/index/...}): a grant on the table's ARN does not cover its indexes.
     * This guards over-granting against the hand-written {@code DYNAMODB_ACCESS}; the other
     * direction, that the code calls nothing its policy does not grant, is
     * {@code DeployedArtifactIT.eachFunctionCallsDynamoDbOnlyAsItsPolicyInTheTemplateGrants}, which
     * records every call the deployed functions make.
     */
    @Test
    void eachFunctionMayDoExactlyWhatItsCodeDoesOnEachTableAndQueriesIndexesThroughTheirArns() {
        Map<String, String> tableNames = new LinkedHashMap<>();
        resourcesOfType(DYNAMODB_TABLE).forEach((id, table) -> tableNames.put(id,
                table.path("Properties").path("TableName").path("Fn::Sub").asText().substring(TABLE_PREFIX.length())));

        Map<String, Map<String, Set<String>>> granted = new TreeMap<>();
        functions().forEach((id, function) -> {
            String export = funqyExport(function).orElseThrow();
            Map<String, Set<String>> byTable = granted.computeIfAbsent(export, e -> new TreeMap<>());
            for (JsonNode policy : function.path("Properties").path("Policies")) {
                for (JsonNode statement : policy.path("Statement")) {
                    List<String> actions = texts(statement.path("Action")).stream()
                            .filter(action -> action.toLowerCase(Locale.ROOT).startsWith("dynamodb:")).toList();
                    if (actions.isEmpty()) {
                        continue;
                    }
                    assertThat(statement.path("Effect").asText()).as("%s statement %s", id, statement).isEqualTo("Allow");
                    assertThat(statement.has("Condition")).as("%s statement %s has a condition this test cannot read",
                            id, statement).isFalse();
                    JsonNode resources = statement.path("Resource");
                    for (JsonNode resource : resources.isArray() ? resources : NODES.arrayNode().add(resources)) {
                        TableResource target = tableOf(resource).orElseThrow(
                                () -> new AssertionError(id + " grants DynamoDB actions on " + resource));
                        String label = tableNames.get(target.tableId())
                                + target.index().map(index -> "/index/" + index).orElse("");
                        byTable.computeIfAbsent(label, t -> new TreeSet<>()).addAll(actions);
                    }
                }
            }
        });

        Map<String, Map<String, Set<String>>> expected = new TreeMap<>();
        DYNAMODB_ACCESS.forEach((function, tables) -> expected.put(function, new TreeMap<>(tables)));
        granted.forEach((function, tables) -> assertThat(tables)
                .as("what %s may do on each table (table, or table/index/name -> actions)", function)
                .isEqualTo(expected.getOrDefault(function, Map.of())));
        assertThat(granted.keySet()).as("the functions whose access this test knows")
                .isEqualTo(expected.keySet());
    }

    /** A priming read at init must be one the function's policy allows, or it is refused in AWS and primes nothing. */
    @Test
    void eachFunctionPrimesDynamoDbWithAReadItsPolicyAllows() {
        Priming.READS.forEach((function, table) -> assertThat(DYNAMODB_ACCESS.getOrDefault(function, Map.of())
                .getOrDefault(table.name(), Set.of())).as("what %s may do on %s", function, table.name())
                .contains("dynamodb:GetItem"));
    }

    /**
     * {@code commands} serves the viaCommands routes in-process (docs/contracts.md §3.2): a function all of
     * whose routes a bot may also reach as commands (verify, groups) needs nothing that commands
     * lacks, neither on a table nor Meta's access token. Keeps the hand-written expectations above
     * from drifting apart when such a function gains access.
     */
    @Test
    void commandsMayDoWhatEveryFunctionItServesWhollyInProcessMayDo() {
        Set<String> servedWholly = new TreeSet<>();
        for (String function : Route.functions()) {
            List<Route> routes = Arrays.stream(Route.values()).filter(r -> r.function().equals(function)).toList();
            if (routes.stream().allMatch(Route::viaCommands)) {
                servedWholly.add(function);
            }
        }
        assertThat(servedWholly).as("the functions whose every route is viaCommands").contains("verify", "groups");

        Map<String, Set<String>> commands = DYNAMODB_ACCESS.get("commands");
        for (String function : servedWholly) {
            DYNAMODB_ACCESS.getOrDefault(function, Map.of()).forEach((table, actions) -> assertThat(
                    commands.getOrDefault(table, Set.of()))
                    .as("commands serves %s's routes, so may do on %s what %s does", function, table, function)
                    .containsAll(actions));
            if (META_CALLERS.contains(function)) {
                assertThat(META_CALLERS).as("commands serves %s's routes, which call Meta", function).contains("commands");
            }
        }
    }

    /**
     * No secret value anywhere: no 64-hex-digit value (a key's hash), no dynamic reference (which
     * CloudFormation would resolve into the functions' environment, readable with
     * lambda:GetFunctionConfiguration), no parameter that could carry one.
     */
    @Test
    void theTemplateHoldsNoSecretAndNoDynamicReferenceThatWouldPutOneInAnEnvironment() {
        Pattern hexSha256 = Pattern.compile("(?i)(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])");
        walk(template, "", (path, scalar) -> {
            assertThat(hexSha256.matcher(scalar).find()).as("%s holds a 64-hex-digit value", path).isFalse();
            assertThat(scalar).as("%s is a dynamic reference, resolved into a value at deploy time", path)
                    .doesNotContain("{{resolve:");
        });
        Pattern secretName = Pattern.compile("(?i).*(access.?key|token|secret|password).*");
        // a String parameter could carry a secret value (a Number, such as SecretsCacheSeconds, cannot)
        template.path("Parameters").properties().forEach(parameter -> {
            if (!parameter.getValue().path("Type").asText().equals("Number")) {
                assertThat(parameter.getKey()).as("a parameter that looks like a secret").doesNotMatch(secretName);
            }
        });
    }

    /**
     * The rendered environment of every function, for one deployment, holds no secret value: only
     * the names of the Secrets Manager secrets the function reads at run time, under the stack's
     * prefix, and only those it uses.
     */
    @Test
    void noSecretValueAppearsInAnyFunctionsRenderedEnvironmentOnlyTheNamesOfTheSecretsItReads() {
        List<Configured> configured = configure(SAMPLE_DEPLOYMENT);
        assertThat(configured).isNotEmpty();
        for (Configured function : configured) {
            function.environment().forEach((variable, value) -> SAMPLE_SECRET_VALUES.forEach(secret -> assertThat(value)
                    .as("%s %s", function.id(), variable).doesNotContain(secret)));
            WagwConfig.Secrets secrets = function.wagw().secrets();
            assertThat(secrets.source()).as("%s reads secrets from", function.id()).isEqualTo("secrets-manager");
            String prefix = "wagw/wagw-test/";
            Map<String, String> named = new TreeMap<>();
            function.environment().forEach((variable, value) -> {
                if (variable.startsWith("WAGW_SECRETS_") && !variable.equals("WAGW_SECRETS_SOURCE")
                        && !variable.equals("WAGW_SECRETS_CACHE_SECONDS")) {
                    assertThat(value).as("%s %s names a secret of this stack", function.id(), variable).startsWith(prefix);
                    named.put(variable, value.substring(prefix.length()));
                }
            });
            Map<String, String> expected = new TreeMap<>();
            if (META_CALLERS.contains(function.export())) {
                expected.put("WAGW_SECRETS_META_ACCESS_TOKEN", "meta/access-token");
            }
            if (META_WEBHOOK_RECEIVERS.contains(function.export())) {
                expected.put("WAGW_SECRETS_META_APP_SECRET", "meta/app-secret");
                expected.put("WAGW_SECRETS_META_VERIFY_TOKEN", "meta/verify-token");
            }
            if (function.export().equals("admin")) {
                expected.put("WAGW_SECRETS_ADMIN_KEY_SHA256", "admin-key-sha256");
                expected.put("WAGW_SECRETS_BOT_CALLBACK_SECRET", "bots/{id}/callback-secret");
            }
            assertThat(named).as("the secrets %s is told of", function.id()).isEqualTo(expected);
            if (expected.containsKey("WAGW_SECRETS_META_ACCESS_TOKEN")) {
                assertThat(secrets.metaAccessToken()).isEqualTo(prefix + "meta/access-token");
            }
            if (expected.containsKey("WAGW_SECRETS_META_APP_SECRET")) {
                assertThat(secrets.metaAppSecret()).isEqualTo(prefix + "meta/app-secret");
                assertThat(secrets.metaVerifyToken()).isEqualTo(prefix + "meta/verify-token");
            }
            if (expected.containsKey("WAGW_SECRETS_ADMIN_KEY_SHA256")) {
                assertThat(secrets.adminKeySha256()).isEqualTo(prefix + "admin-key-sha256");
            }
            assertThat(function.wagw().meta().accessToken()).as("%s has no token value", function.id()).isEmpty();
            assertThat(function.wagw().meta().appSecret()).as("%s has no app secret value", function.id()).isEmpty();
        }
    }

    /**
     * Secrets Manager read only (GetSecretValue), only on the secrets each function reads: its named
     * ones (Secrets Manager appends "-" and six characters to a secret's ARN) and, for the functions
     * that sign deliveries, the bots' callback secrets under {@code bots/}.
     */
    @Test
    void eachFunctionMayReadExactlyTheSecretsItUsesByArnPrefix() {
        Map<String, JsonNode> functions = functions();
        Map<String, Set<String>> granted = new TreeMap<>();
        functions.forEach((id, function) -> {
            String export = funqyExport(function).orElseThrow();
            Set<String> resources = granted.computeIfAbsent(export, e -> new TreeSet<>());
            for (JsonNode policy : function.path("Properties").path("Policies")) {
                for (JsonNode statement : policy.path("Statement")) {
                    List<String> actions = texts(statement.path("Action"));
                    if (actions.stream().noneMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("secretsmanager:"))) {
                        continue;
                    }
                    assertThat(actions).as("%s: Secrets Manager read only", id).containsExactly("secretsmanager:GetSecretValue");
                    JsonNode list = statement.path("Resource");
                    for (JsonNode resource : list.isArray() ? list : NODES.arrayNode().add(list)) {
                        String arn = resource.path("Fn::Sub").asText();
                        assertThat(arn).as("%s grants a secret of this stack", id).startsWith(SECRET_ARN_PREFIX);
                        resources.add(arn.substring(SECRET_ARN_PREFIX.length()));
                    }
                }
            }
        });
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String export : granted.keySet()) {
            Set<String> names = new TreeSet<>();
            if (META_CALLERS.contains(export)) {
                names.add("meta/access-token-*");
            }
            if (META_WEBHOOK_RECEIVERS.contains(export)) {
                names.add("meta/app-secret-*");
                names.add("meta/verify-token-*");
            }
            if (CALLBACK_SIGNERS.contains(export)) {
                names.add("bots/*");
            }
            if (export.equals("admin")) {
                names.add("admin-key-sha256-*");
            }
            expected.put(export, names);
        }
        assertThat(granted).isEqualTo(expected);
    }

    @Test
    void everyFunctionHasALogGroupWithRetentionAndAnErrorsAlarm() {
        Map<String, JsonNode> logGroups = resourcesOfType("AWS::Logs::LogGroup");
        Map<String, JsonNode> alarms = resourcesOfType("AWS::CloudWatch::Alarm");
        functions().keySet().forEach(id -> {
            JsonNode logGroupName = NODES.objectNode().put("Fn::Sub", "/aws/lambda/${" + id + "}");
            assertThat(logGroups.values())
                    .as("a log group /aws/lambda/<%s> with RetentionInDays", id)
                    .anySatisfy(group -> {
                        assertThat(group.path("Properties").path("LogGroupName")).isEqualTo(logGroupName);
                        assertThat(group.path("Properties").path("RetentionInDays")).isEqualTo(ref("LogRetentionDays"));
                    });
            JsonNode dimension = NODES.objectNode().put("Name", "FunctionName").set("Value", ref(id));
            assertThat(alarms.values())
                    .as("an alarm on the Errors of %s", id)
                    .anySatisfy(alarm -> {
                        assertThat(alarm.path("Properties").path("Namespace").asText()).isEqualTo("AWS/Lambda");
                        assertThat(alarm.path("Properties").path("MetricName").asText()).isEqualTo("Errors");
                        assertThat(alarm.path("Properties").path("Dimensions")).contains(dimension);
                    });
        });
    }

    /** Left empty, the functions learn the API's address from its requests (net.wagw.lime.PublicBase). */
    @Test
    void thePublicBaseUrlIsOptionalAndAnEmptyOneConfiguresNone() {
        assertThat(template.path("Parameters").path("PublicBaseUrl").path("Default").asText("absent")).isEmpty();
        Map<String, String> deployment = new java.util.HashMap<>(SAMPLE_DEPLOYMENT);
        deployment.put("PublicBaseUrl", "");
        configure(deployment).forEach(configured -> assertThat(configured.wagw().publicBaseUrl())
                .as("%s public base URL", configured.id()).isEmpty());
    }

    /**
     * Evaluates each function's environment (Globals merged with its own) for one deployment, and
     * gives it to the real configuration: it must start (no unknown key), declare no bot (bots are
     * the table's), and name the stack's tables and the parameters' settings.
     */
    @Test
    void eachFunctionsEnvironmentConfiguresTheStacksTablesAndNoBot() {
        Set<String> exports = new TreeSet<>();
        configure(SAMPLE_DEPLOYMENT).forEach(configured -> {
            String id = configured.id();
            WagwConfig wagw = configured.wagw();
            exports.add(configured.export());
            assertThat(wagw.bots()).as("%s declares no bot in its environment", id).isEmpty();
            assertThat(wagw.dynamodb().tablePrefix()).as("%s table prefix", id).isEqualTo("wagw-test-");
            assertThat(wagw.meta().apiVersion()).as("%s Graph API version", id).isEqualTo("v99.0");
            assertThat(wagw.botsCacheSeconds()).as("%s bots cache", id).isEqualTo(45);
            assertThat(wagw.secrets().cacheSeconds()).as("%s secrets cache", id).isEqualTo(120);
            // every function may render a media link a bot follows (docs/contracts.md §3.5)
            assertThat(wagw.publicBaseUrl()).as("%s public base URL", id).contains("https://bots.example.com/wa");
        });
        assertThat(exports).as("the functions given the secrets exist").containsAll(CALLBACK_SIGNERS)
                .containsAll(META_CALLERS).containsAll(META_WEBHOOK_RECEIVERS).contains("admin");
    }

    /**
     * Meta's webhook routes must reach wagw unauthenticated by API Gateway (Meta sends no bot key:
     * the code checks its signature or verify token), and every route uses the HTTP API's payload
     * 2.0, whose responses pass {@code isBase64Encoded} through (binary media from GET /media/{id};
     * the HTTP API has no binary media types to configure). HTTP functions answer within the HTTP
     * API's 30-second integration limit.
     */
    @Test
    void theHttpApiHasNoAuthorizerUsesPayload2AndItsFunctionsAnswerWithinItsTimeout() {
        JsonNode api = resource("HttpApi").path("Properties");
        assertThat(api.path("Auth").path("EnableIamAuthorizer").asBoolean()).as("HttpApi offers IAM auth").isTrue();
        assertThat(api.path("Auth").has("DefaultAuthorizer"))
                .as("HttpApi has no default authorizer: it would turn Meta's webhooks away").isFalse();
        assertThat(api.has("DefinitionBody") || api.has("DefinitionUri"))
                .as("HttpApi has an OpenAPI definition (routes and authorizers beyond the route table)").isFalse();

        Set<String> routes = new TreeSet<>();
        long globalTimeout = template.path("Globals").path("Function").path("Timeout").asLong(3);
        functions().forEach((id, function) -> {
            Map<String, JsonNode> events = httpApiEvents(function);
            events.forEach((eventId, properties) -> {
                String routeKey = properties.path("Method").asText() + " " + properties.path("Path").asText();
                assertThat(properties.path("PayloadFormatVersion").asText("2.0"))
                        .as("%s event %s payload format (2.0 passes isBase64Encoded through)", id, eventId).isEqualTo("2.0");
                boolean admin = Route.byRouteKey(routeKey).map(Route::isAdmin).orElse(false);
                if (admin) {
                    assertThat(properties.path("Auth").path("Authorizer").asText())
                            .as("%s event %s (%s): the operator's routes want IAM credentials too", id, eventId, routeKey)
                            .isEqualTo("AWS_IAM");
                } else {
                    assertThat(properties.has("Auth"))
                            .as("%s event %s (%s) has an authorizer: bots and Meta authenticate in code", id, eventId, routeKey)
                            .isFalse();
                }
                routes.add(routeKey);
            });
            if (!events.isEmpty()) {
                assertThat(function.path("Properties").path("Timeout").asLong(globalTimeout))
                        .as("%s Timeout, seconds (the HTTP API waits at most 30)", id).isBetween(1L, 30L);
            }
        });
        List<String> metaRouteKeys = Arrays.stream(Route.values()).filter(Route::isMetas).map(Route::routeKey).toList();
        assertThat(metaRouteKeys).as("Meta's routes").isNotEmpty();
        assertThat(routes).as("the HTTP API's routes, all unguarded by API Gateway").containsAll(metaRouteKeys);
    }

    /**
     * The webhook function answers its own failures with 5xx (so Lambda's Errors never count them),
     * and Meta retries quietly for days: the API's access log counts the 5xx of Meta's routes, and an
     * alarm on that count pages someone when they persist.
     */
    @Test
    void metasWebhookRoutesAnswering5xxRaiseAnAlarm() throws IOException {
        String format = resource("HttpApi").path("Properties").path("AccessLogSettings").path("Format").asText();
        JsonNode sample = new ObjectMapper().readTree(
                format.replace("$context.status", "503").replaceAll("\\$context\\.([A-Za-z.]+)", "$1"));
        assertThat(sample.path("status").isInt() && sample.path("status").asInt() == 503)
                .as("the access log's status is $context.status as a JSON number (metric filters compare numbers only): %s",
                        format).isTrue();
        assertThat(sample.path("routeKey").asText()).as("the access log's routeKey is $context.routeKey").isEqualTo("routeKey");

        List<String> metaRouteKeys = Arrays.stream(Route.values()).filter(Route::isMetas).map(Route::routeKey).toList();
        assertThat(metaRouteKeys).as("Meta's routes").isNotEmpty();
        Map<String, JsonNode> filters = new LinkedHashMap<>();
        resourcesOfType("AWS::Logs::MetricFilter").forEach((id, filter) -> {
            String pattern = filter.path("Properties").path("FilterPattern").asText();
            if (filter.path("Properties").path("LogGroupName").equals(ref("HttpApiAccessLogGroup"))
                    && pattern.startsWith("{") && pattern.endsWith("}") && pattern.contains("$.status >= 500")
                    && metaRouteKeys.stream().allMatch(key -> pattern.contains("$.routeKey = \"" + key + "\""))) {
                filters.put(id, filter.path("Properties").path("MetricTransformations").path(0));
            }
        });
        assertThat(filters).as("a metric filter on HttpApiAccessLogGroup counting $.status >= 500 on each of %s",
                metaRouteKeys).hasSize(1);
        JsonNode metric = filters.values().iterator().next();
        assertThat(metric.path("MetricValue").asText()).as("the filter counts each 5xx").isEqualTo("1");
        assertThat(metric.has("Dimensions")).as("the filter's metric has dimensions an alarm would have to name").isFalse();

        assertThat(resourcesOfType("AWS::CloudWatch::Alarm").values()).as("an alarm on %s", metric)
                .anySatisfy(alarm -> {
                    JsonNode properties = alarm.path("Properties");
                    assertThat(properties.path("Namespace")).isEqualTo(metric.path("MetricNamespace"));
                    assertThat(properties.path("MetricName")).isEqualTo(metric.path("MetricName"));
                    assertThat(properties.has("Dimensions")).isFalse();
                    assertThat(properties.path("Statistic").asText()).isEqualTo("Sum");
                    assertThat(properties.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
                    assertThat(properties.path("Threshold").asInt()).isPositive();
                    assertThat(properties.path("TreatMissingData").asText()).isEqualTo("notBreaching");
                    List<String> uses = new ArrayList<>();
                    collectUses(properties.path("AlarmActions"), "AlarmTopicArn", uses);
                    assertThat(uses).as("the alarm notifies AlarmTopicArn").isNotEmpty();
                });
    }

    /** One function's configuration as its Lambda would read it. */
    private record Configured(String id, String export, Map<String, String> environment, WagwConfig wagw) {
    }

    /** Each function's environment for a deployment, read by the real configuration classes. */
    private List<Configured> configure(Map<String, String> deployment) {
        List<Configured> configured = new ArrayList<>();
        functions().forEach((id, function) -> {
            Map<String, String> environment = sam.environment(function, deployment);

            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withSources(new EnvConfigSource(environment, 300) {
                    })
                    .withMapping(WagwConfig.class)
                    .build();
            WagwConfig wagw = config.getConfigMapping(WagwConfig.class);
            configured.add(new Configured(id, funqyExport(function).orElseThrow(), environment, wagw));
        });
        return configured;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- monitoring (docs/contracts.md §9) ---------------------------------------------------

    /** The alarm actions every alarm must have: the given topic, else the one the stack creates. */
    private static final JsonNode ALARM_ACTIONS = NODES.arrayNode().add(NODES.objectNode().set("Fn::If",
            NODES.arrayNode().add("HasAlarmTopic").add(NODES.objectNode().put("Ref", "AlarmTopicArn"))
                    .add(NODES.objectNode().put("Ref", "AlarmTopic"))));

    @Test
    void everyAlarmNotifiesTheGivenTopicOrOneTheStackCreatesWhenNoneIsGiven() {
        Map<String, JsonNode> alarms = resourcesOfType("AWS::CloudWatch::Alarm");
        assertThat(alarms).isNotEmpty();
        alarms.forEach((id, alarm) -> assertThat(alarm.path("Properties").path("AlarmActions")).as("%s's actions", id)
                .isEqualTo(ALARM_ACTIONS));
        JsonNode topic = resource("AlarmTopic");
        assertThat(topic.path("Type").asText()).isEqualTo("AWS::SNS::Topic");
        assertThat(topic.path("Condition").asText()).isEqualTo("CreatesAlarmTopic");
        assertThat(template.path("Conditions").path("CreatesAlarmTopic").toString())
                .isEqualTo("{\"Fn::Equals\":[{\"Ref\":\"AlarmTopicArn\"},\"\"]}");
        assertThat(resource("AlarmEmailSubscription").path("Properties").path("TopicArn")).isEqualTo(ref("AlarmTopic"));
    }

    @Test
    void aDeadLetteredDeliveryRaisesAnAlarmOnTheMetricTheFunctionsWrite() {
        assertThat(resourcesOfType("AWS::CloudWatch::Alarm").values()).anySatisfy(alarm -> {
            JsonNode properties = alarm.path("Properties");
            assertThat(properties.path("Namespace").asText()).isEqualTo(net.wagw.functions.Metrics.NAMESPACE);
            assertThat(properties.path("MetricName").asText()).isEqualTo("DeliveriesDeadLettered");
            assertThat(properties.has("Dimensions")).as("EMF lines carry no dimension for this metric").isFalse();
            assertThat(properties.path("Statistic").asText()).isEqualTo("Sum");
            assertThat(properties.path("Threshold").asInt()).isEqualTo(1);
        });
    }

    @Test
    void apiLatencyAndLambdaThrottlesRaiseAlarms() {
        Map<String, JsonNode> alarms = resourcesOfType("AWS::CloudWatch::Alarm");
        assertThat(alarms.values()).anySatisfy(alarm -> {
            JsonNode properties = alarm.path("Properties");
            assertThat(properties.path("Namespace").asText()).isEqualTo("AWS/ApiGateway");
            assertThat(properties.path("MetricName").asText()).isEqualTo("Latency");
            assertThat(properties.path("Dimensions").path(0).path("Value")).isEqualTo(ref("HttpApi"));
        });
        assertThat(alarms.values()).anySatisfy(alarm -> {
            List<String> throttled = new ArrayList<>();
            alarm.path("Properties").path("Metrics").forEach(m -> {
                JsonNode metric = m.path("MetricStat").path("Metric");
                if (metric.path("MetricName").asText().equals("Throttles")) {
                    throttled.add(metric.path("Dimensions").path(0).path("Value").path("Ref").asText());
                }
            });
            assertThat(throttled).contains("WebhookFunction", "SendFunction", "DispatchFunction");
        });
    }

    @Test
    void theDashboardShowsEveryMetricTheFunctionsWrite() {
        JsonNode body = resource("Dashboard").path("Properties").path("DashboardBody").path("Fn::Sub");
        assertThat(body.isTextual()).as("the dashboard body is a Fn::Sub string").isTrue();
        assertThat(body.asText()).contains("Sends", "MetaErrorCode", "Refusals", "WindowRefusals", "WebhookEvents",
                "DeliveriesRetried", "DeliveriesDeadLettered", "VerificationsUsed", "Latency");
    }

    // --- looking into it -------------------------------------------------------------------

    private JsonNode resource(String id) {
        return template.path("Resources").path(id);
    }

    private Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        template.path("Resources").properties().forEach(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                found.put(entry.getKey(), entry.getValue());
            }
        });
        return found;
    }

    private Map<String, JsonNode> functions() {
        Map<String, JsonNode> functions = resourcesOfType(SERVERLESS_FUNCTION);
        assertThat(functions).as("the template's %s resources", SERVERLESS_FUNCTION).isNotEmpty();
        return functions;
    }

    /** The names of a class's {@code @Funq} functions, as QUARKUS_FUNQY_EXPORT names them. */
    private static Set<String> funqyFunctions(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method method : type.getDeclaredMethods()) {
            Funq funq = method.getAnnotation(Funq.class);
            if (funq != null) {
                names.add(funq.value().isEmpty() ? method.getName() : funq.value());
            }
        }
        return names;
    }

    private static Optional<String> funqyExport(JsonNode function) {
        JsonNode export = function.path("Properties").path("Environment").path("Variables").path("QUARKUS_FUNQY_EXPORT");
        return export.isTextual() ? Optional.of(export.asText()) : Optional.empty();
    }

    /** The properties of a function's HttpApi events, by event id. */
    private static Map<String, JsonNode> httpApiEvents(JsonNode function) {
        Map<String, JsonNode> events = new LinkedHashMap<>();
        function.path("Properties").path("Events").properties().forEach(event -> {
            if ("HttpApi".equals(event.getValue().path("Type").asText())) {
                events.put(event.getKey(), event.getValue().path("Properties"));
            }
        });
        return events;
    }

    private record TableResource(String tableId, Optional<String> index) {
    }

    /**
     * The table (its logical id) that a policy resource names:
     * {@code !Sub "arn:...:table/${AWS::StackName}-<name>"}, or one of its indexes with
     * {@code .../index/<name or *>}.
     */
    private Optional<TableResource> tableOf(JsonNode resource) {
        Matcher arn = TABLE_ARN.matcher(resource.path("Fn::Sub").asText());
        if (!arn.matches()) {
            return Optional.empty();
        }
        Optional<String> tableId = resourcesOfType(DYNAMODB_TABLE).entrySet().stream()
                .filter(table -> table.getValue().path("Properties").path("TableName").path("Fn::Sub").asText()
                        .equals(TABLE_PREFIX + arn.group(1)))
                .map(Map.Entry::getKey).findFirst();
        return tableId.map(id -> new TableResource(id, Optional.ofNullable(arn.group(2))));
    }

    private static void collectUses(JsonNode node, String parameter, List<String> uses) {
        if (node.isObject()) {
            if (parameter.equals(node.path("Ref").asText(null))) {
                uses.add("Ref");
            }
            JsonNode sub = node.path("Fn::Sub");
            String text = sub.isArray() ? sub.path(0).asText() : sub.asText("");
            if (text.contains("${" + parameter + "}")) {
                uses.add(text);
            }
            node.properties().forEach(entry -> collectUses(entry.getValue(), parameter, uses));
        } else if (node.isArray()) {
            node.forEach(element -> collectUses(element, parameter, uses));
        }
    }

    private static JsonNode ref(String name) {
        return NODES.objectNode().put("Ref", name);
    }

    private static ObjectNode key(String attribute, String type) {
        return NODES.objectNode().put("AttributeName", attribute).put("KeyType", type);
    }

    private static ObjectNode attribute(String name, String type) {
        return NODES.objectNode().put("AttributeName", name).put("AttributeType", type);
    }

    private static Set<JsonNode> set(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).collect(Collectors.toSet());
    }

    private static List<String> texts(JsonNode node) {
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
        }
        return node.isMissingNode() ? List.of() : List.of(node.asText());
    }

    /** Visits every scalar and every key of the tree. */
    private static void walk(JsonNode node, String path, BiConsumer<String, String> visitor) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                visitor.accept(path + "/" + entry.getKey() + " (key)", entry.getKey());
                walk(entry.getValue(), path + "/" + entry.getKey(), visitor);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visitor);
            }
        } else {
            visitor.accept(path, node.asText());
        }
    }

    /** {@code inbound-events} -> {@code InboundEvents}. */
    private static String pascalCase(String name) {
        return Arrays.stream(name.split("[^A-Za-z0-9]+"))
                .filter(part -> !part.isEmpty())
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }
}
