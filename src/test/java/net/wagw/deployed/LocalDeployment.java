package net.wagw.deployed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.bot.BotRecord;
import net.wagw.infra.SamTemplate;
import net.wagw.local.Dynalite;
import net.wagw.local.ElasticMq;
import net.wagw.local.QueuePump;
import net.wagw.local.S3rver;
import net.wagw.queue.QueueConnection;
import net.wagw.queue.QueueInstaller;
import net.wagw.queue.Queues;
import net.wagw.queue.SqsClients;
import net.wagw.queue.SqsWorkQueue;
import net.wagw.store.DynamoBotStore;
import net.wagw.store.DynamoClients;
import net.wagw.store.DynamoConnection;
import net.wagw.store.S3Clients;
import net.wagw.store.S3Connection;
import net.wagw.store.TableInstaller;
import net.wagw.store.TableNames;
import net.wagw.testing.SecretsManagerResource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One deployment of {@code infra/template.yaml} on this machine: its functions from
 * {@code target/function.zip} under the runtime interface client, each with the environment the
 * template gives it for one set of parameters, and, where AWS would be, the project's own local
 * servers: dynalite with the stack's tables and the bot as an item of its bots table, ElasticMQ
 * with the work queue (whose batches {@link #dispatchRound} hands to {@code dispatch} as Lambda's
 * SQS mapping does), s3rver with the media bucket, and a Secrets Manager stand-in holding the
 * stack's secrets under the names the template gives the functions. {@code metaAt} is where
 * Meta's Graph API is, and the bot's endpoints under it; the HTTP functions are behind an API
 * Gateway front. The functions reach DynamoDB, the work queue and Meta through proxies that record
 * their calls ({@link BackendProxy}): one per function for DynamoDB and the queue, one for Meta.
 */
public final class LocalDeployment implements AutoCloseable {
    public static final String STACK = "wagw-deployed";
    public static final String BOT = "smokebot";
    public static final String ACCESS_KEY = "smoke-access-key-local-only";
    public static final String AUTHORIZATION = "Key "
            + Base64.getEncoder().encodeToString((BOT + ":" + ACCESS_KEY).getBytes(StandardCharsets.UTF_8));
    public static final String ADMIN_KEY = "deployed-admin-key-local-only";
    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String WABA_ID = "102290129340398";
    public static final String APP_SECRET = "deployed-app-secret-local-only";
    public static final String VERIFY_TOKEN = "deployed-verify-token-local-only";
    public static final String CALLBACK_SECRET = "deployed-callback-secret-local-only";
    public static final String MEDIA_BUCKET = STACK + "-media";
    public static final Duration START_TIMEOUT = Duration.ofSeconds(600);
    private static final String REGION = "us-east-1";
    private static final String SECRETS = "wagw/" + STACK + "/";

    private final SamTemplate template = SamTemplate.read();
    private final ObjectMapper json = new ObjectMapper();
    private final Dynalite dynalite;
    private final ElasticMq elasticMq;
    private final S3rver s3rver;
    private final WireMockServer secretsManager;
    private final SqsClient sqs;
    private final SqsWorkQueue queue;
    private final String queueUrl;
    private final Path taskRoot;
    private final Path runtimeJars;
    private final Path logDir;
    private final String metaUrl;
    private final Map<String, String> extraEnvironment = new ConcurrentHashMap<>();
    private volatile Path javaHome = Path.of(System.getProperty("java.home"));
    private volatile List<String> jvmFlags = List.of();
    private final Map<String, DeployedFunction> functions = new ConcurrentHashMap<>();
    private final Map<String, BackendProxy> dynamoCalls = new ConcurrentHashMap<>();
    private final Map<String, BackendProxy> queueCalls = new ConcurrentHashMap<>();
    private final BackendProxy metaCalls;
    private ApiGatewayFront front;

    private LocalDeployment(Servers servers, Path taskRoot, Path runtimeJars, Path logDir, String metaUrl) {
        this.dynalite = servers.dynalite;
        this.elasticMq = servers.elasticMq;
        this.s3rver = servers.s3rver;
        this.secretsManager = servers.secretsManager;
        this.metaCalls = servers.meta;
        QueueConnection connection = new QueueConnection(Optional.of(elasticMq.endpoint()), REGION, Optional.empty(),
                Queues.WORK, 0);
        this.sqs = SqsClients.build(connection);
        QueueInstaller.createMissing(sqs);
        this.queueUrl = sqs.getQueueUrl(r -> r.queueName(Queues.WORK)).queueUrl();
        this.queue = new SqsWorkQueue(sqs, new QueueConnection(connection.endpoint(), REGION, Optional.of(queueUrl),
                Queues.WORK, connection.maxVisibilitySeconds()), Clock.systemUTC());
        this.taskRoot = taskRoot;
        this.runtimeJars = runtimeJars;
        this.logDir = logDir;
        this.metaUrl = metaUrl;
    }

    private record Servers(Dynalite dynalite, ElasticMq elasticMq, S3rver s3rver, WireMockServer secretsManager,
            BackendProxy meta) {
    }

    /** An environment variable the functions started from now on get besides the template's (a switch a benchmark flips). */
    public void environment(String variable, String value) {
        extraEnvironment.put(variable, value);
    }

    /** The JVM the functions started from now on run on (this one's, unless told). */
    public void javaHome(Path javaHome) {
        this.javaHome = javaHome;
    }

    /** JVM flags the functions started from now on get besides Lambda's (a benchmark's class-data archive). */
    public void jvmFlags(List<String> flags) {
        this.jvmFlags = List.copyOf(flags);
    }

    /** The local servers with the stack's tables, queue, bucket, secrets and bot; the zip unpacked; no function started yet. */
    public static LocalDeployment prepare(Path zip, Path runtimeJars, Path workDir, String metaAt) {
        Path project = Path.of("").toAbsolutePath();
        // the functions reach Meta and the bot through a proxy that times their calls
        BackendProxy metaProxy = new BackendProxy(java.net.URI.create(metaAt));
        String metaUrl = metaProxy.endpoint().toString();
        Dynalite dynalite = Dynalite.start(project);
        ElasticMq elasticMq = null;
        S3rver s3rver = null;
        WireMockServer secretsManager = null;
        try {
            try (DynamoDbClient dynamo = DynamoClients.build(new DynamoConnection(Optional.of(dynalite.endpoint()), REGION))) {
                TableNames names = new TableNames(STACK + "-");
                TableInstaller.createMissing(dynamo, names);
                new DynamoBotStore(dynamo, names).put(new BotRecord(new Bot(BOT, 1_000_000, PHONE_NUMBER_ID, WABA_ID,
                        metaUrl + "/" + BOT + "/messages", metaUrl + "/" + BOT + "/notifications", true, null),
                        hexSha256(ACCESS_KEY), SECRETS + "bots/" + BOT + "/callback-secret", BotRecord.InboundReplies.TEXT,
                        true, Instant.now()));
            }
            elasticMq = ElasticMq.start(project);
            s3rver = S3rver.start(project);
            try (S3Client s3 = S3Clients.client(new S3Connection(Optional.of(s3rver.endpoint()), REGION))) {
                S3Clients.createBucket(s3, MEDIA_BUCKET);
            }
            secretsManager = SecretsManagerResource.standIn();
            for (var secret : Map.of("meta/access-token", "deployed-meta-token-local-only", "meta/app-secret", APP_SECRET,
                    "meta/verify-token", VERIFY_TOKEN, "admin-key-sha256", hexSha256(ADMIN_KEY),
                    "bots/" + BOT + "/callback-secret", CALLBACK_SECRET).entrySet()) {
                SecretsManagerResource.put(secretsManager, SECRETS + secret.getKey(), secret.getValue());
            }
            // absolute: each function runs in its task root
            Path taskRoot = DeployedFunction.unpack(zip, workDir.toAbsolutePath().resolve("task"));
            return new LocalDeployment(new Servers(dynalite, elasticMq, s3rver, secretsManager, metaProxy), taskRoot,
                    runtimeJars.toAbsolutePath(), workDir.toAbsolutePath().resolve("logs"), metaUrl);
        } catch (RuntimeException e) {
            close(dynalite, elasticMq, s3rver, secretsManager);
            metaProxy.close();
            throw e;
        }
    }

    /** The template's functions by their {@code QUARKUS_FUNQY_EXPORT} name. */
    public List<String> functionNames() {
        return template.functions().values().stream().map(LocalDeployment::export).toList();
    }

    private static String export(JsonNode function) {
        return function.path("Properties").path("Environment").path("Variables").path("QUARKUS_FUNQY_EXPORT").asText();
    }

    /** The template's resource of a function. */
    public JsonNode resource(String export) {
        return template.functions().values().stream().filter(f -> export.equals(export(f))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + export + " in the template"));
    }

    public SamTemplate template() {
        return template;
    }

    /**
     * Starts a function (not yet waiting for its init), reaching DynamoDB through a proxy of its
     * own that records its calls ({@link #dynamoCalls(String)}).
     */
    public DeployedFunction start(String export) {
        JsonNode function = resource(export);
        Map<String, String> deployment = parameters();
        BackendProxy dynamo = new BackendProxy(dynalite.endpoint());
        BackendProxy queue = new BackendProxy(elasticMq.endpoint());
        Map<String, String> environment = new LinkedHashMap<>(template.environment(function, deployment));
        // what must be local: where AWS's services and Meta are (unset in AWS, where the SDK finds them)
        environment.put("WAGW_DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
        environment.put("WAGW_QUEUE_ENDPOINT", queue.endpoint().toString());
        environment.put("WAGW_MEDIA_S3_ENDPOINT", s3rver.endpoint().toString());
        environment.put("WAGW_SECRETS_ENDPOINT", secretsManager.baseUrl());
        environment.put("QUARKUS_REST_CLIENT_META_URL", metaUrl);
        environment.putAll(extraEnvironment);
        String handler = template.evaluate(template.property(function, "Handler"), deployment);
        int memory = template.property(function, "MemorySize").asInt(128);
        DeployedFunction started;
        try {
            started = DeployedFunction.start(export, taskRoot, runtimeJars, handler, memory, environment, logDir, javaHome,
                    jvmFlags);
        } catch (RuntimeException e) {
            dynamo.close();
            queue.close();
            throw e;
        }
        dynamo.invoking(started::invoking);
        DeployedFunction previous = functions.put(export, started);
        if (previous != null) {
            previous.close();
        }
        for (BackendProxy previousProxy : new BackendProxy[] { dynamoCalls.put(export, dynamo), queueCalls.put(export, queue) }) {
            if (previousProxy != null) {
                previousProxy.close();
            }
        }
        return started;
    }

    /** The work-queue calls of the function's latest start (kept after it stops). */
    public BackendProxy queueCalls(String export) {
        return queueCalls.get(export);
    }

    /** All the functions' calls to Meta's Graph API and to the bot. */
    public BackendProxy metaCalls() {
        return metaCalls;
    }

    /** The DynamoDB calls of the function's latest start (kept after it stops). */
    public BackendProxy dynamoCalls(String export) {
        return dynamoCalls.get(export);
    }

    /** The DynamoDB calls of all the functions so far, by operation. */
    public Map<String, Long> dynamoCalls() {
        Map<String, Long> all = new java.util.TreeMap<>();
        dynamoCalls.values().forEach(proxy -> proxy.snapshot().forEach((operation, count) -> all.merge(operation, count, Long::sum)));
        return all;
    }

    /** Stops a function, so that the next {@link #start} is a cold start. */
    public void stop(String export) {
        DeployedFunction function = functions.remove(export);
        if (function != null) {
            function.close();
        }
        closeProxies(export);
    }

    /**
     * Lets a function exit as Lambda shuts an environment down (SIGTERM, then waiting up to
     * {@code timeout}), so that what its JVM does at exit is done.
     *
     * @return its exit code
     */
    public int exit(String export, Duration timeout) {
        DeployedFunction function = functions.remove(export);
        try {
            return function.exit(timeout);
        } finally {
            closeProxies(export);
        }
    }

    private void closeProxies(String export) {
        for (BackendProxy proxy : new BackendProxy[] { dynamoCalls.get(export), queueCalls.get(export) }) {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    public DeployedFunction function(String export) {
        return functions.get(export);
    }

    /** The HTTP API in front of whichever functions run. */
    public synchronized ApiGatewayFront front() {
        if (front == null) {
            front = new ApiGatewayFront(functions);
        }
        return front;
    }

    public Dynalite dynalite() {
        return dynalite;
    }

    /**
     * One round of Lambda's SQS event source mapping: a batch of the work queue (up to {@code max},
     * the template's batch size is 10; waiting up to {@code wait} for one) handed to {@code dispatch} as an SQS event, the messages it did
     * not report in {@code batchItemFailures} deleted.
     *
     * @return how many messages the batch held and what dispatch answered (null when the queue was empty)
     */
    public Round dispatchRound(int max, Duration wait) {
        List<SqsWorkQueue.Received> batch = queue.receive(max, wait);
        if (batch.isEmpty()) {
            return new Round(0, null);
        }
        RuntimeApi.Answer answer = function("dispatch").invoke(QueuePump.sqsEvent(json, batch).toString(),
                Duration.ofSeconds(120));
        if (answer.error()) {
            throw new IllegalStateException("dispatch failed its batch: " + answer.body());
        }
        try {
            JsonNode report = json.readTree(answer.body());
            List<String> failed = new java.util.ArrayList<>();
            report.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
            queue.delete(batch, failed);
            return new Round(batch.size(), report);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("dispatch answered no JSON: " + answer.body(), e);
        }
    }

    /** @param report dispatch's answer: its {@code batchItemFailures} */
    public record Round(int messages, JsonNode report) {
        public int failures() {
            return report == null ? 0 : report.path("batchItemFailures").size();
        }
    }

    /** The stack's parameters for this deployment (and the pseudo parameters and resource refs the environments use). */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("AWS::StackName", STACK);
        parameters.put("AWS::Region", REGION);
        parameters.put("AWS::AccountId", "000000000000");
        parameters.put("AWS::Partition", "aws");
        parameters.put("Stage", "prod");
        parameters.put("Build", "jvm");
        parameters.put("AlarmTopicArn", "");
        parameters.put("MetaApiVersion", "v23.0");
        parameters.put("BotsCacheSeconds", "60");
        parameters.put("SecretsCacheSeconds", "300");
        parameters.put("ExistingTables", "false");
        parameters.put("SweepSchedule", "rate(15 minutes)");
        parameters.put("MediaRetentionDays", "30");
        parameters.put("PublicBaseUrl", "");
        // what !Ref of the stack's resources gives: the queue's URL, the bucket's name
        parameters.put("WorkQueue", queueUrl);
        parameters.put("MediaBucket", MEDIA_BUCKET);
        return parameters;
    }

    private static String hexSha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (front != null) {
            front.close();
        }
        functions.values().forEach(DeployedFunction::close);
        functions.clear();
        dynamoCalls.values().forEach(BackendProxy::close);
        queueCalls.values().forEach(BackendProxy::close);
        metaCalls.close();
        sqs.close();
        close(dynalite, elasticMq, s3rver, secretsManager);
    }

    private static void close(Dynalite dynalite, ElasticMq elasticMq, S3rver s3rver, WireMockServer secretsManager) {
        if (secretsManager != null) {
            secretsManager.stop();
        }
        if (s3rver != null) {
            s3rver.close();
        }
        if (elasticMq != null) {
            elasticMq.close();
        }
        dynalite.close();
    }
}
