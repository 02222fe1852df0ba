package net.wagw.deployed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * WireMock as Meta's Graph API for the deployed functions (a send accepted with a wamid, a
 * one-template catalog) and as the bot's endpoints (200 after {@code botDelayMillis}).
 */
public final class MetaStandIn implements AutoCloseable {
    public static final String TEMPLATE = "{\"name\":\"order_update\",\"language\":\"pt_BR\",\"status\":\"APPROVED\","
            + "\"category\":\"UTILITY\",\"id\":\"1\",\"components\":[{\"type\":\"BODY\",\"text\":\"Pedido {{1}} saiu\"}]}";
    private final WireMockServer server;

    /** The media id of the one file Meta has here. */
    public static final String MEDIA_ID = "7700112233";

    /** {@code journal}: keep the requests, for tests that look at what was sent (benchmarks do not). */
    public MetaStandIn(int botDelayMillis, boolean journal) {
        var options = options().dynamicPort().bindAddress("127.0.0.1").containerThreads(80);
        server = new WireMockServer(journal ? options : options.disableRequestJournal());
        server.start();
        // Meta names the customer it was asked to send to: a fixed wa_id would teach the gateway a
        // wrong one on every send to anyone else (a write a real send does not make)
        String to = "{{jsonPath request.body '$.to' default='5531988889999'}}";
        server.stubFor(post(urlPathEqualTo("/v23.0/" + LocalDeployment.PHONE_NUMBER_ID + "/messages"))
                .willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\","
                        + "\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"wamid.DEPLOYED\"}]}")
                        .withTransformers("response-template")));
        server.stubFor(get(urlPathEqualTo("/v23.0/" + LocalDeployment.WABA_ID + "/message_templates"))
                .willReturn(okJson("{\"data\":[" + TEMPLATE + "],\"paging\":{\"cursors\":{\"before\":\"a\",\"after\":\"b\"}}}")));
        // one customer's photo: its look-up, then its bytes at the address the look-up gives
        server.stubFor(get(urlPathEqualTo("/v23.0/" + MEDIA_ID)).willReturn(okJson("{\"messaging_product\":\"whatsapp\","
                + "\"url\":\"" + server.baseUrl() + "/files/" + MEDIA_ID + "\",\"mime_type\":\"image/jpeg\",\"file_size\":4,"
                + "\"id\":\"" + MEDIA_ID + "\"}")));
        server.stubFor(get(urlPathEqualTo("/files/" + MEDIA_ID)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/jpeg").withBody(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9 })));
        for (String endpoint : new String[] { "messages", "notifications" }) {
            server.stubFor(post(urlPathEqualTo("/" + LocalDeployment.BOT + "/" + endpoint))
                    .willReturn(aResponse().withStatus(200).withFixedDelay(botDelayMillis)));
        }
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.stop();
    }
}
