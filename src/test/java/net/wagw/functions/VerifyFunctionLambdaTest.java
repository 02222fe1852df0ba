package net.wagw.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

/** The {@code verify} function exported alone, as its Lambda runs it ({@code QUARKUS_FUNQY_EXPORT=verify}). */
@QuarkusTest
@TestProfile(VerifyFunctionLambdaTest.ExportVerify.class)
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
class VerifyFunctionLambdaTest {
    public static class ExportVerify implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "verify");
        }
    }

    @ConfigProperty(name = "quarkus.lambda.mock-event-server.test-port")
    int lambdaPort;
    @Inject
    ObjectMapper json;

    @Test
    void anApiGatewayEventForGetAccountIsAnsweredWithTheAccount() throws IOException {
        JsonNode response = CommandsFunctionLambdaTest.invoke(lambdaPort, json,
                CommandsFunctionLambdaTest.event("get-account.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        JsonNode account = json.readTree(response.path("body").asText());
        assertThat(account.path("identity").asText()).isEqualTo("5531944440001@wa.gw.msging.net");
        assertThat(account.path("phoneNumber").asText()).isEqualTo("+5531944440001");
    }

    @Test
    void anEventWithoutTheBotKeyIsAnswered401() throws IOException {
        String event = CommandsFunctionLambdaTest.event("get-account.json")
                .replace("\"authorization\": \"Key Ym90LWE6Ym90LWEtdGVzdC1rZXk=\",", "");

        JsonNode response = CommandsFunctionLambdaTest.invoke(lambdaPort, json, event);

        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
    }
}
