package net.wagw.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock playing AWS Secrets Manager (its JSON 1.1 protocol: {@code GetSecretValue} by
 * {@code SecretId}) for an application that reads its secrets from there, as in AWS. It holds the
 * test profile's secrets under their configuration-key names; a test rotates one with {@link #put}.
 */
public class SecretsManagerResource implements QuarkusTestResourceLifecycleManager {
    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    /** Stores a new value of a secret, as {@code aws secretsmanager put-secret-value} would. */
    public static void put(String secretId, String value) {
        put(server, secretId, value);
    }

    /** Stores a secret's value on a WireMock playing Secrets Manager (the deployed-artifact harness has its own). */
    public static void put(WireMockServer server, String secretId, String value) {
        server.stubFor(post(urlEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:" + secretId
                                + "-AbCdEf\",\"Name\":\"" + secretId + "\",\"SecretString\":\"" + value
                                + "\",\"VersionStages\":[\"AWSCURRENT\"]}")));
    }

    @Override
    public Map<String, String> start() {
        server = standIn();
        put("wagw.meta.access-token", "test-access-token");
        put("wagw.meta.app-secret", "test-app-secret");
        put("wagw.meta.verify-token", "test-verify-token");
        put("wagw.bots.bot-a.callback-secret", "bot-a-callback-secret");
        put("wagw.bots.bot-b.callback-secret", "bot-b-callback-secret");
        return Map.of("wagw.secrets.source", "secrets-manager", "wagw.secrets.endpoint", server.baseUrl());
    }

    /** A started WireMock playing Secrets Manager, holding no secret yet (each unknown one: ResourceNotFoundException). */
    public static WireMockServer standIn() {
        WireMockServer standIn = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        standIn.start();
        standIn.stubFor(post(urlEqualTo("/")).atPriority(10).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the"
                        + " specified secret.\"}")));
        return standIn;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
