package net.wagw.deployed;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.whatsapp.MetaSignature;

/**
 * The artifact wagw deploys, run as AWS runs it: {@code target/function.zip} under AWS's runtime
 * interface client, one JVM per function of {@code infra/template.yaml} with that function's
 * environment, the HTTP ones behind an API Gateway front, AWS's services played by the project's
 * local servers. Each function answers its smoke request: a verification, a webhook that stores and
 * queues a customer's message, dispatch rounds (SQS events of the queued work, as Lambda's mapping
 * delivers them) that take it to the bot and the bot's send to Meta, a catalog sync, the groups
 * list, a LIME command, the operator's bot list. Last, each function's DynamoDB calls during all of
 * that are held against what its policy in {@code infra/template.yaml} grants.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployedArtifactIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOMER = "5531988889999";
    private static MetaStandIn meta;
    private static LocalDeployment deployment;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void deployEveryFunction() {
        Path zip = Path.of(System.getProperty("wagw.deployed.zip", "target/function.zip"));
        Path runtime = Path.of(System.getProperty("wagw.deployed.runtime", "target/lambda-runtime"));
        meta = new MetaStandIn(0, true);
        deployment = LocalDeployment.prepare(zip, runtime, Path.of("target", "deployed"), meta.baseUrl());
        List<DeployedFunction> started = new ArrayList<>();
        deployment.functionNames().forEach(name -> started.add(deployment.start(name)));
        started.forEach(function -> function.awaitReady(LocalDeployment.START_TIMEOUT));
    }

    @AfterAll
    static void undeploy() {
        if (deployment != null) {
            deployment.close();
        }
        if (meta != null) {
            meta.close();
        }
    }

    @Test
    void everyFunctionOfTheTemplateRunsFromTheZip() {
        assertThat(deployment.functionNames()).containsExactlyInAnyOrder("verify", "send", "groups", "webhook",
                "commands", "admin", "dispatch", "sweep");
    }

    @Test
    void verifyAnswersTheCustomersIdentity() throws Exception {
        HttpResponse<String> answer = bot("GET", "/accounts/+" + CUSTOMER, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("identity").asText()).isEqualTo(CUSTOMER + "@wa.gw.msging.net");
    }

    /** One structured log line per request (the README's log fields), with the invocation's Lambda request id. */
    @Test
    void eachRequestsLogLineCarriesItsOwnLambdaRequestId() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(bot("GET", "/accounts/+" + CUSTOMER, null).statusCode()).isEqualTo(200);
        }
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(deployment.function("verify").log(), StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                JsonNode mdc = JSON.readTree(line).path("mdc");
                // init's priming request (a keyless one, answered 401) is no invocation: it has no id
                if ("request".equals(mdc.path("kind").asText()) && "GET /accounts/{msisdn}".equals(mdc.path("route").asText())
                        && "200".equals(mdc.path("status").asText())) {
                    ids.add(mdc.path("lambdaRequestId").asText());
                }
            }
        }
        assertThat(ids).as("the verify function's request lines").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(id -> assertThat(java.util.UUID.fromString(id)).isNotNull()).doesNotHaveDuplicates();
    }

    @Test
    void aCustomersMessageReachesTheBotAndTheBotsAnswerReachesMeta() throws Exception {
        customerWrote("\"id\":\"wamid.SMOKE.1\",\"text\":{\"body\":\"Oi!\"},\"type\":\"text\"");
        var toTheBot = postRequestedFor(urlPathEqualTo("/" + LocalDeployment.BOT + "/messages")).withRequestBody(containing("Oi!"));
        assertThat(meta.server().findAll(toTheBot)).as("the webhook only stores and queues").isEmpty();
        dispatchUntil(() -> !meta.server().findAll(toTheBot).isEmpty());
        assertThat(meta.server().findAll(toTheBot)).as("the customer's message, delivered to the bot").hasSize(1);

        HttpResponse<String> sent = bot("POST", "/messages", "{\"id\":\"smoke-1\",\"to\":\"" + CUSTOMER
                + "@wa.gw.msging.net\",\"type\":\"text/plain\",\"content\":\"Olá Maria!\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        var toMeta = postRequestedFor(urlPathEqualTo("/v23.0/" + LocalDeployment.PHONE_NUMBER_ID + "/messages"))
                .withRequestBody(containing("Olá Maria!"));
        dispatchUntil(() -> !meta.server().findAll(toMeta).isEmpty());
        assertThat(meta.server().findAll(toMeta)).as("the bot's answer, sent to Meta").hasSize(1);
    }

    @Test
    void aCustomersPhotoReachesTheBotWithAnAbsoluteLinkToTheGatewayThatNoSettingGave() throws Exception {
        // the template leaves PublicBaseUrl empty: the webhook function learns its API's address from its requests
        customerWrote("\"id\":\"wamid.SMOKE.PHOTO\",\"image\":{\"id\":\"" + MetaStandIn.MEDIA_ID
                + "\",\"mime_type\":\"image/jpeg\"},\"type\":\"image\"");
        var toTheBot = postRequestedFor(urlPathEqualTo("/" + LocalDeployment.BOT + "/messages"))
                .withRequestBody(containing("wamid.SMOKE.PHOTO"));
        dispatchUntil(() -> !meta.server().findAll(toTheBot).isEmpty());

        JsonNode delivered = new ObjectMapper().readTree(meta.server().findAll(toTheBot).get(0).getBodyAsString());
        assertThat(delivered.path("content").path("uri").asText())
                .isEqualTo("https://" + URI.create(front()).getAuthority() + "/media/" + MetaStandIn.MEDIA_ID);
    }

    @Test
    void webhookAnswersMetasSubscriptionChallenge() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(front()
                + "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
                + LocalDeployment.VERIFY_TOKEN)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("1158201444");
    }

    @Test
    void dispatchAnswersTheScheduledBackstopWithoutFailures() throws Exception {
        RuntimeApi.Answer answer = deployment.function("dispatch").invoke(scheduledEvent(), Duration.ofSeconds(120));
        assertThat(answer.error()).as(answer.body()).isFalse();
        assertThat(JSON.readTree(answer.body()).path("failures").asInt(-1)).as(answer.body()).isZero();
    }

    @Test
    void adminListsTheBotsOfTheBotsTable() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(front() + "/admin/bots"))
                .header("X-Wagw-Admin-Key", LocalDeployment.ADMIN_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains(LocalDeployment.BOT);
    }

    @Test
    void sweepSyncsTheCatalogThatSendThenLists() throws Exception {
        RuntimeApi.Answer answer = deployment.function("sweep").invoke(scheduledEvent(), Duration.ofSeconds(120));
        assertThat(answer.error()).as(answer.body()).isFalse();
        assertThat(JSON.readTree(answer.body()).path("templates").asInt()).isEqualTo(1);
        HttpResponse<String> catalog = bot("GET", "/message-templates", null);
        assertThat(catalog.statusCode()).as(catalog.body()).isEqualTo(200);
        assertThat(catalog.body()).contains("order_update");
    }

    @Test
    void groupsListsTheBotsGroups() throws Exception {
        HttpResponse<String> answer = bot("GET", "/groups", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void commandsAnswersALimeCommand() throws Exception {
        HttpResponse<String> answer = bot("POST", "/commands", "{\"id\":\"c-1\",\"to\":\"postmaster@wa.gw.msging.net\","
                + "\"method\":\"get\",\"uri\":\"lime://wa.gw.msging.net/accounts/+" + CUSTOMER + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode command = JSON.readTree(answer.body());
        assertThat(command.path("status").asText()).as(answer.body()).isEqualTo("success");
        assertThat(command.path("resource").path("identity").asText()).isEqualTo(CUSTOMER + "@wa.gw.msging.net");
    }

    /**
     * The other direction of SamTemplateTest's hand-written map of each function's DynamoDB access:
     * every call a function made, at init and in the requests of the tests before this one (which
     * exercise every function), is one its policy grants on that table or index, evaluated as IAM
     * evaluates it; and a function with DynamoDB grants that served requests made calls while
     * serving them (else its proxy saw nothing and the check above held vacuously).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void eachFunctionCallsDynamoDbOnlyAsItsPolicyInTheTemplateGrants() {
        Map<String, String> parameters = deployment.parameters();
        String arnPrefix = "arn:" + parameters.get("AWS::Partition") + ":dynamodb:" + parameters.get("AWS::Region") + ":"
                + parameters.get("AWS::AccountId") + ":";
        List<String> refused = new ArrayList<>();
        List<String> unseen = new ArrayList<>();
        for (String function : deployment.functionNames()) {
            JsonNode resource = deployment.resource(function);
            BackendProxy calls = deployment.dynamoCalls(function);
            Set<BackendProxy.Access> made = new TreeSet<>(java.util.Comparator.comparing(Object::toString));
            made.addAll(calls.initAccesses());
            made.addAll(calls.invocationAccesses());
            made.stream().filter(access -> access.table() == null || !deployment.template().allows(resource, parameters,
                    access.action(), arnPrefix + access.resource()))
                    .forEach(access -> refused.add(function + " calls " + access.action() + " on table " + access.table()
                            + (access.index() == null ? "" : ", index " + access.index())
                            + (calls.initAccesses().contains(access) ? " (at init)" : "")));
            if (!deployment.template().actions(resource, "dynamodb:").isEmpty()
                    && deployment.function(function).invocations() > 0 && calls.invocationAccesses().isEmpty()) {
                unseen.add(function + " (" + deployment.function(function).invocations() + " invocations)");
            }
        }
        assertThat(refused).as("DynamoDB calls the functions made that their policies in infra/template.yaml do not grant"
                + " (refused with AccessDeniedException in AWS)").isEmpty();
        assertThat(unseen).as("functions with DynamoDB grants that served requests without a DynamoDB call reaching"
                + " their recording proxy").isEmpty();
    }

    /**
     * Dispatch rounds of the work queue until {@code done}: on a loaded machine a cold function's
     * first delivery can miss its budget or time out, and then waits for its retry; a bounded wait,
     * not a speed test.
     */
    private static void dispatchUntil(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            deployment.dispatchRound(10, Duration.ofSeconds(1));
        }
    }

    /** EventBridge's scheduled event, as the schedules deliver it. */
    static String scheduledEvent() {
        return "{\"version\":\"0\",\"id\":\"" + java.util.UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"account\":\"000000000000\",\"time\":\"" + Instant.now().toString()
                + "\",\"region\":\"us-east-1\",\"resources\":[\"arn:aws:events:us-east-1:000000000000:rule/wagw\"],\"detail\":{}}";
    }

    /** A signed webhook of one message of the customer (its fields after "from" and "timestamp"), acknowledged. */
    private static void customerWrote(String message) throws Exception {
        String payload = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + LocalDeployment.WABA_ID
                + "\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"15550783881\",\"phone_number_id\":\"" + LocalDeployment.PHONE_NUMBER_ID + "\"},\"contacts\":[{\"profile\":"
                + "{\"name\":\"Maria\"},\"wa_id\":\"" + CUSTOMER + "\"}],\"messages\":[{\"from\":\"" + CUSTOMER
                + "\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\"," + message + "}]},\"field\":\"messages\"}]}]}";
        HttpResponse<String> ack = HTTP.send(HttpRequest.newBuilder(URI.create(front() + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", MetaSignature.of(payload, LocalDeployment.APP_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
    }

    private static String front() {
        return deployment.front().baseUrl();
    }

    private static HttpResponse<String> bot(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(front() + path))
                .header("Authorization", LocalDeployment.AUTHORIZATION).timeout(Duration.ofSeconds(120));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
