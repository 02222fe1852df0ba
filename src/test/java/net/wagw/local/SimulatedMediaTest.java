package net.wagw.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.S3rverResource;
import net.wagw.testing.WireMockResource;

/** The simulator keeps media like Meta: its customer's files with real bytes, expiring after 7 days. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
@WithTestResource(S3rverResource.class)
class SimulatedMediaTest {
    @Inject
    LocalGateway gateway;
    @Inject
    WhatsAppSimulator simulator;

    @Test
    void aFileTheCustomerSendsHasRealBytesUnderItsWebhookId() {
        SimulatedMedia media = new SimulatedMedia();
        java.time.Instant now = java.time.Instant.now();
        var pdf = media.customerSends("document", now).orElseThrow();
        var image = media.customerSends("image", now).orElseThrow();
        var voice = media.customerSends("audio", now).orElseThrow();

        assertThat(new String(pdf.getValue().bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(image.getValue().bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(new String(voice.getValue().bytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("OggS");
        assertThat(media.find(pdf.getKey(), now.plus(SimulatedMedia.INBOUND_LIFE).minusSeconds(1))).isPresent();
        assertThat(media.find(pdf.getKey(), now.plus(SimulatedMedia.INBOUND_LIFE))).isEmpty();
        assertThat(media.customerSends("hologram", now)).isEmpty();
    }
}
