package net.wagw.send;

import static net.wagw.send.SendingFixture.META_MESSAGES_B;
import static net.wagw.send.SendingFixture.botAccepts;
import static net.wagw.send.SendingFixture.customerWrote;
import static net.wagw.send.SendingFixture.json;
import static net.wagw.send.SendingFixture.meta;
import static net.wagw.send.SendingFixture.metaReceived;
import static net.wagw.send.SendingFixture.metaSends;
import static net.wagw.send.SendingFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.wagw.domain.window.WindowStore;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TestClock;
import net.wagw.testing.WireMockResource;

/**
 * Every LIME content mapping of docs/contracts.md §3.3 through the whole gateway: the exact JSON Meta
 * receives, in the shapes of the Cloud API reference's request examples. (bot-b: no opt-in
 * needed, empty template catalog.)
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class ContentMappingTest {
    private static final String ENVELOPE = "{\"id\":\"%s\",\"to\":\"%s@wa.gw.msging.net\",\"type\":\"%s\",\"content\":%s%s}";

    @Inject
    LocalGateway gateway;
    @Inject
    WindowStore windows;
    @Inject
    TestClock clock;

    @BeforeEach
    void reset() {
        meta().resetAll();
        botAccepts();
        clock.reset();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "text | 5531977001001 | text/plain | `\"Hello\"` | | "
                    + "`{\"type\":\"text\",\"text\":{\"preview_url\":false,\"body\":\"Hello\"}}`",
            "text with a link | 5531977001002 | text/plain | `\"See https://wagw.net\"` | | "
                    + "`{\"type\":\"text\",\"text\":{\"preview_url\":true,\"body\":\"See https://wagw.net\"}}`",
            "image | 5531977001003 | application/vnd.lime.media-link+json "
                    + "| `{\"type\":\"image/jpeg\",\"uri\":\"https://cdn.example.com/a.jpg\",\"text\":\"A cat\"}` | | "
                    + "`{\"type\":\"image\",\"image\":{\"link\":\"https://cdn.example.com/a.jpg\",\"caption\":\"A cat\"}}`",
            "document | 5531977001004 | application/vnd.lime.media-link+json "
                    + "| `{\"type\":\"application/pdf\",\"uri\":\"https://cdn.example.com/b.pdf\",\"title\":\"b.pdf\",\"text\":\"Invoice\"}` | | "
                    + "`{\"type\":\"document\",\"document\":{\"link\":\"https://cdn.example.com/b.pdf\",\"caption\":\"Invoice\",\"filename\":\"b.pdf\"}}`",
            "audio | 5531977001005 | application/vnd.lime.media-link+json "
                    + "| `{\"type\":\"audio/ogg\",\"uri\":\"https://cdn.example.com/c.ogg\"}` | | "
                    + "`{\"type\":\"audio\",\"audio\":{\"link\":\"https://cdn.example.com/c.ogg\"}}`",
            "video | 5531977001006 | application/vnd.lime.media-link+json "
                    + "| `{\"type\":\"video/mp4\",\"uri\":\"https://cdn.example.com/d.mp4\",\"text\":\"Tour\"}` | | "
                    + "`{\"type\":\"video\",\"video\":{\"link\":\"https://cdn.example.com/d.mp4\",\"caption\":\"Tour\"}}`",
            "sticker | 5531977001007 | application/vnd.lime.media-link+json "
                    + "| `{\"type\":\"image/webp\",\"uri\":\"https://cdn.example.com/e.webp\"}` | | "
                    + "`{\"type\":\"sticker\",\"sticker\":{\"link\":\"https://cdn.example.com/e.webp\"}}`",
            "reply buttons | 5531977001008 | application/vnd.lime.select+json "
                    + "| `{\"text\":\"Pick one\",\"options\":[{\"text\":\"Yes\",\"value\":\"y\"},{\"text\":\"No\",\"value\":\"n\"}]}` | | "
                    + "`{\"type\":\"interactive\",\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"Pick one\"},"
                    + "\"action\":{\"buttons\":[{\"type\":\"reply\",\"reply\":{\"id\":\"y\",\"title\":\"Yes\"}},"
                    + "{\"type\":\"reply\",\"reply\":{\"id\":\"n\",\"title\":\"No\"}}]}}}`",
            "list | 5531977001009 | application/vnd.lime.select+json "
                    + "| `{\"text\":\"Pick\",\"options\":[{\"text\":\"A\"},{\"text\":\"B\"},{\"text\":\"C\"},{\"text\":\"D\"}]}` | | "
                    + "`{\"type\":\"interactive\",\"interactive\":{\"type\":\"list\",\"body\":{\"text\":\"Pick\"},"
                    + "\"action\":{\"button\":\"Options\",\"sections\":[{\"title\":\"Options\",\"rows\":["
                    + "{\"id\":\"1\",\"title\":\"A\"},{\"id\":\"2\",\"title\":\"B\"},{\"id\":\"3\",\"title\":\"C\"},{\"id\":\"4\",\"title\":\"D\"}]}]}}}`",
            "location | 5531977001010 | application/vnd.lime.location+json "
                    + "| `{\"latitude\":-19.9167,\"longitude\":-43.9345,\"text\":\"Praça da Liberdade\"}` | | "
                    + "`{\"type\":\"location\",\"location\":{\"latitude\":-19.9167,\"longitude\":-43.9345,\"name\":\"Praça da Liberdade\"}}`",
            "reaction | 5531977001011 | application/vnd.lime.reaction+json "
                    + "| `{\"emoji\":\"👍\",\"inReactionTo\":{\"id\":\"wamid.ABC\"}}` | | "
                    + "`{\"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.ABC\",\"emoji\":\"👍\"}}`",
            "reply to a message | 5531977001012 | text/plain | `\"Sure\"` | `,\"metadata\":{\"#wa.context.id\":\"wamid.Q1\"}` | "
                    + "`{\"type\":\"text\",\"context\":{\"message_id\":\"wamid.Q1\"},\"text\":{\"preview_url\":false,\"body\":\"Sure\"}}`",
            "a null reply-to is no reply | 5531977001015 | text/plain | `\"Sure\"` | `,\"metadata\":{\"#wa.context.id\":null}` | "
                    + "`{\"type\":\"text\",\"text\":{\"preview_url\":false,\"body\":\"Sure\"}}`",
            "template | 5531977001013 | application/json "
                    + "| `{\"type\":\"template\",\"template\":{\"namespace\":\"ns\",\"name\":\"order_update\",\"language\":{\"code\":\"pt_BR\",\"policy\":\"deterministic\"},"
                    + "\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"123\"}]}]}}` | | "
                    + "`{\"type\":\"template\",\"template\":{\"name\":\"order_update\",\"language\":{\"policy\":\"deterministic\",\"code\":\"pt_BR\"},"
                    + "\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"123\"}]}]}}`",
            "legacy hsm | 5531977001014 | application/json "
                    + "| `{\"type\":\"hsm\",\"hsm\":{\"namespace\":\"ns\",\"element_name\":\"order_update\",\"fallback_lg\":\"pt\",\"fallback_lc\":\"BR\","
                    + "\"localizable_params\":[{\"default\":\"123\"}]}}` | | "
                    + "`{\"type\":\"template\",\"template\":{\"name\":\"order_update\",\"language\":{\"policy\":\"deterministic\",\"code\":\"pt_BR\"},"
                    + "\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"123\"}]}]}}`",
    })
    void eachContentReachesMetaAsItsDocumentedRequest(String name, String customer, String type, String content,
            String metadata, String expectedPayload) {
        customerWrote(windows, clock, Bots.B, "+" + customer, Duration.ofMinutes(5));
        metaSends(META_MESSAGES_B, "wamid." + customer, customer);
        String envelope = String.format(ENVELOPE, "map-" + customer, customer, type, content,
                metadata == null ? "" : metadata);

        send(gateway.port(), Bots.B_KEY, envelope).statusCode(202);

        List<com.fasterxml.jackson.databind.JsonNode> received = metaReceived(META_MESSAGES_B, customer);
        assertThat(received).hasSize(1);
        var expected = (com.fasterxml.jackson.databind.node.ObjectNode) json(expectedPayload);
        expected.put("messaging_product", "whatsapp");
        expected.put("recipient_type", "individual");
        expected.put("to", customer);
        expected.put("biz_opaque_callback_data", "wagw:" + Bots.B + ":map-" + customer); // docs/queue.md
        assertThat(received.get(0)).isEqualTo(expected);
    }
}
