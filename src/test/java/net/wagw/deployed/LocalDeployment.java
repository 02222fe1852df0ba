package net.wagw.deployed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import net.wagw.infra.SamTemplate;
import net.wagw.local.Dynalite;
import net.wagw.store.DynamoClients;
import net.wagw.store.DynamoConnection;
import net.wagw.store.TableInstaller;
import net.wagw.store.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One deployment of {@code infra/template.yaml} on this machine: its functions from
 * {@code target/function.zip} under the runtime interface client, each with the environment the
 * template gives it for one set of parameters (secrets resolved to local test values), dynalite
 * with the stack's tables where DynamoDB is, {@code metaUrl} where Meta's Graph API is and the
 * bot's endpoints under it, and an API Gateway front for the HTTP functions.
 */
public final class LocalDeployment implements AutoCloseable {
    public static final String STACK = "wagw-deployed";
    public static final String BOT = "smokebot";
    public static final String ACCESS_KEY = "smoke-access-key-local-only";
    public static final String AUTHORIZATION = "Key "
            + Base64.getEncoder().encodeToString((BOT + ":" + ACCESS_KEY).getBytes(StandardCharsets.UTF_8));
    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String WABA_ID = "102290129340398";
    public static final String APP_SECRET = "deployed-app-secret-local-only";
    public static final String VERIFY_TOKEN = "deployed-verify-token-local-only";
    public static final String CALLBACK_SECRET = "deployed-callback-secret-local-only";
    public static final Duration START_TIMEOUT = Duration.ofSeconds(600);

    private final SamTemplate template = SamTemplate.read();
    private final Dynalite dynalite;
    private final Path taskRoot;
    private final Path runtimeJars;
    private final Path logDir;
    private final String metaUrl;
    private final Map<String, DeployedFunction> functions = new ConcurrentHashMap<>();
    private ApiGatewayFront front;
    private volatile java.net.URI dynamoEndpoint;

    private LocalDeployment(Dynalite dynalite, Path taskRoot, Path runtimeJars, Path logDir, String metaUrl) {
        this.dynalite = dynalite;
        this.taskRoot = taskRoot;
        this.runtimeJars = runtimeJars;
        this.logDir = logDir;
        this.metaUrl = metaUrl;
        this.dynamoEndpoint = dynalite.endpoint();
    }

    /** Where the functions started from now on reach DynamoDB (dynalite itself, or a proxy in front of it). */
    public void dynamoEndpoint(java.net.URI endpoint) {
        this.dynamoEndpoint = endpoint;
    }

    /** dynalite with the stack's tables and the zip unpacked; no function started yet. */
    public static LocalDeployment prepare(Path zip, Path runtimeJars, Path workDir, String metaUrl) {
        Dynalite dynalite = Dynalite.start(Path.of("").toAbsolutePath());
        try (DynamoDbClient dynamo = DynamoClients.build(new DynamoConnection(Optional.of(dynalite.endpoint()), "us-east-1"))) {
            TableInstaller.createMissing(dynamo, new TableNames(STACK + "-"));
        }
        Path taskRoot = DeployedFunction.unpack(zip, workDir.resolve("task"));
        return new LocalDeployment(dynalite, taskRoot, runtimeJars, workDir.resolve("logs"), metaUrl);
    }

    /** The template's functions by their {@code QUARKUS_FUNQY_EXPORT} name. */
    public List<String> functionNames() {
        return template.functions().values().stream()
                .map(f -> f.path("Properties").path("Environment").path("Variables").path("QUARKUS_FUNQY_EXPORT").asText())
                .toList();
    }

    /** Starts a function (not yet waiting for its init). */
    public DeployedFunction start(String export) {
        JsonNode function = template.functions().values().stream()
                .filter(f -> export.equals(f.path("Properties").path("Environment").path("Variables")
                        .path("QUARKUS_FUNQY_EXPORT").asText()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no function " + export + " in the template"));
        Map<String, String> deployment = parameters();
        Map<String, String> environment = new LinkedHashMap<>(template.environment(function, BOT, deployment, secrets()));
        // what must be local: where DynamoDB and Meta are
        environment.put("WAGW_DYNAMODB_ENDPOINT", dynamoEndpoint.toString());
        environment.put("QUARKUS_REST_CLIENT_META_URL", metaUrl);
        String handler = template.evaluate(template.property(function, "Handler"), deployment, Map.of());
        int memory = template.property(function, "MemorySize").asInt(128);
        DeployedFunction started = DeployedFunction.start(export, taskRoot, runtimeJars, handler, memory, environment, logDir);
        DeployedFunction previous = functions.put(export, started);
        if (previous != null) {
            previous.close();
        }
        return started;
    }

    /** Stops a function, so that the next {@link #start} is a cold start. */
    public void stop(String export) {
        DeployedFunction function = functions.remove(export);
        if (function != null) {
            function.close();
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

    /** The stack's parameters for this deployment (and the pseudo parameters the template uses). */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("AWS::StackName", STACK);
        parameters.put("AWS::Region", "us-east-1");
        parameters.put("AWS::AccountId", "000000000000");
        parameters.put("Stage", "prod");
        parameters.put("Build", "jvm");
        parameters.put("BotId", BOT);
        parameters.put("BotAccessKeySha256Parameter", "/wagw/deployed/smokebot/access-key-sha256");
        parameters.put("BotVerificationQuota", "1000000");
        parameters.put("BotStopKeywords", "");
        parameters.put("AlarmTopicArn", "");
        parameters.put("BotPhoneNumberId", PHONE_NUMBER_ID);
        parameters.put("BotWabaId", WABA_ID);
        parameters.put("BotMessagesUrl", metaUrl + "/" + BOT + "/messages");
        parameters.put("BotNotificationsUrl", metaUrl + "/" + BOT + "/notifications");
        parameters.put("BotRequireOptIn", "true");
        parameters.put("BotCallbackSecretId", "wagw/deployed/callback-secret");
        parameters.put("MetaAccessTokenSecretId", "wagw/deployed/meta-access-token");
        parameters.put("MetaAppSecretId", "wagw/deployed/meta-app-secret");
        parameters.put("MetaVerifyTokenSecretId", "wagw/deployed/meta-verify-token");
        parameters.put("MetaApiVersion", "v23.0");
        parameters.put("SweepSchedule", "rate(15 minutes)");
        return parameters;
    }

    /** What the dynamic references resolve to: local test values, never real secrets. */
    private static Map<String, String> secrets() {
        return Map.of(
                "ssm:/wagw/deployed/smokebot/access-key-sha256", HexFormat.of().formatHex(sha256(ACCESS_KEY)),
                "secretsmanager:wagw/deployed/callback-secret", CALLBACK_SECRET,
                "secretsmanager:wagw/deployed/meta-access-token", "deployed-meta-token-local-only",
                "secretsmanager:wagw/deployed/meta-app-secret", APP_SECRET,
                "secretsmanager:wagw/deployed/meta-verify-token", VERIFY_TOKEN);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
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
        dynalite.close();
    }
}
