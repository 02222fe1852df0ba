package net.wagw.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.WireMockResource;
import net.wagw.whatsapp.MetaSignature;

/**
 * {@code webhook} exported alone, invoked with API Gateway events whose body arrives
 * base64-encoded: the signature is checked over the decoded bytes.
 */
@QuarkusTest
@TestProfile(WebhookFunctionLambdaTest.ExportWebhook.class)
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class WebhookFunctionLambdaTest {
    public static class ExportWebhook implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "webhook");
        }
    }

    @ConfigProperty(name = "quarkus.lambda.mock-event-server.test-port")
    int lambdaPort;
    @Inject
    ObjectMapper json;

    private static String event(String body, String signature) {
        return "{\"version\":\"2.0\",\"routeKey\":\"POST /webhooks/whatsapp\",\"rawPath\":\"/webhooks/whatsapp\","
                + "\"rawQueryString\":\"\",\"headers\":{\"content-type\":\"application/json\","
                + "\"x-hub-signature-256\":\"" + signature + "\",\"user-agent\":\"facebookexternalua\"},"
                + "\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"/webhooks/whatsapp\"},"
                + "\"routeKey\":\"POST /webhooks/whatsapp\",\"stage\":\"$default\"},"
                + "\"body\":\"" + Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
                + "\",\"isBase64Encoded\":true}";
    }

    private static String payload() {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"1\",\"phone_number_id\":"
                + "\"1110001\"},\"messages\":[{\"from\":\"5531966008001\",\"id\":\"wamid.B64.1\",\"timestamp\":\""
                + (System.currentTimeMillis() / 1000) + "\",\"text\":{\"body\":\"olá\"},\"type\":\"text\"}]},"
                + "\"field\":\"messages\"}]}]}";
    }

    @Test
    void aBase64EncodedWebhookIsCheckedOverItsDecodedBytes() throws IOException {
        WireMockResource.server().resetAll();
        String payload = payload();

        JsonNode accepted = CommandsFunctionLambdaTest.invoke(lambdaPort, json,
                event(payload, MetaSignature.of(payload, "test-app-secret")));
        JsonNode refused = CommandsFunctionLambdaTest.invoke(lambdaPort, json,
                event(payload, MetaSignature.of(Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)),
                        "test-app-secret")));

        assertThat(accepted.path("statusCode").asInt()).isEqualTo(200);
        assertThat(refused.path("statusCode").asInt()).isEqualTo(401);
    }
}
