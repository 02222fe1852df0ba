package net.wagw.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The Secrets Manager adapter against WireMock speaking Secrets Manager's JSON protocol (AWS JSON
 * 1.1: a POST to / with {@code X-Amz-Target: secretsmanager.GetSecretValue}), since a real Secrets
 * Manager cannot run here: what the SDK sends, and how each answer is read.
 */
class SecretsManagerSourceTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:wagw/prod/meta-access-token-AbCdEf";
    private WireMockServer server;
    private SecretsManagerSource source;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        source = SecretsManagerSource.create("us-east-1", Optional.of(URI.create(server.baseUrl())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "test-only-not-a-secret")));
    }

    @AfterEach
    void stop() {
        source.close();
        server.stop();
    }

    @Test
    void readsTheCurrentSecretStringOfTheNamedSecretWithASignedGetSecretValueCall() {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ARN\":\"" + ARN + "\",\"Name\":\"wagw/prod/meta-access-token\","
                                + "\"SecretString\":\"EAAG-rotated-token\",\"VersionId\":\"v2\","
                                + "\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.7e9}")));

        assertThat(source.read(ARN)).contains("EAAG-rotated-token");

        server.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("Content-Type", matching("application/x-amz-json-1\\.1.*"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/us-east-1/secretsmanager/aws4_request.*"))
                .withRequestBody(equalToJson("{\"SecretId\":\"" + ARN + "\"}")));
    }

    @Test
    void aSecretThatDoesNotExistIsEmptyNotAFailure() {
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ResourceNotFoundException\","
                        + "\"message\":\"Secrets Manager can't find the specified secret.\"}")));

        assertThat(source.read("wagw/prod/missing")).isEmpty();
    }

    @Test
    void aRefusalOrAnOutageIsAFailureTheCallerSees() {
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized to perform"
                        + " secretsmanager:GetSecretValue\"}")));

        assertThatThrownBy(() -> source.read(ARN)).isInstanceOf(SdkException.class).hasMessageContaining("not authorized");
    }
}
