package net.wagw.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import net.wagw.local.LocalGateway;
import net.wagw.local.WhatsAppSimulator;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.LocalDemo;

/**
 * The console page in a real headless Chromium (Debian's package, driven by playwright-core from
 * the lock file): a person's conversation (buttons, a list, a carousel and a link button; a reaction
 * and a quoted reply), a group and a refused template, played through the page;
 * then what Meta and the bot really received is checked here.
 */
@QuarkusTest
@TestProfile(LocalDemo.class)
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
class ConsoleBrowserTest {
    @Inject
    LocalGateway gateway;
    @Inject
    WhatsAppSimulator simulator;

    @Test
    void aConversationAGroupAndARefusedTemplatePlayedThroughTheConsoleReachMetaAndTheBot() throws Exception {
        Path out = Files.createTempFile("wagw-console", ".log");
        Path screenshot = Path.of("target", "console.png").toAbsolutePath();
        Process node = new ProcessBuilder("node", "src/test/js/console.mjs", "http://127.0.0.1:" + gateway.port(),
                screenshot.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean ended = node.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            node.destroyForcibly();
        }
        String log = Files.readString(out);
        assertThat(ended).as("the browser script ended").isTrue();
        assertThat(node.exitValue()).as(log).isZero();
        assertThat(log).contains("reason 32").contains("reason 66");

        List<JsonNode> toMeta = simulator.sent().stream().map(s -> s.path("request")).toList();
        assertThat(toMeta).anySatisfy(r -> assertThat(r.path("text").path("body").asText()).isEqualTo("Olá Maria!"));
        assertThat(toMeta).anySatisfy(r -> assertThat(r.path("interactive").path("type").asText()).isEqualTo("button"));
        assertThat(toMeta).anySatisfy(r -> assertThat(r.path("interactive").path("type").asText()).isEqualTo("list"));
        assertThat(toMeta).anySatisfy(r -> {
            assertThat(r.path("recipient_type").asText()).isEqualTo("group");
            assertThat(r.path("text").path("body").asText()).isEqualTo("Bem-vindos!");
        });
        assertThat(toMeta).as("nothing refused reached Meta").noneSatisfy(r ->
                assertThat(r.path("to").asText()).isEqualTo("5531977770000"));

        JsonNode bot = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                RestAssured.given().port(gateway.port()).get("/_simulator/bot").asString());
        assertThat(bot).allSatisfy(d -> assertThat(d.path("signatureValid").asBoolean()).isTrue());
        assertThat(bot).anySatisfy(d -> assertThat(d.path("body").path("content").asText()).isEqualTo("Oi!"));
        // taps, reactions and quotes answer the bot's own envelopes, as WhatsApp's context names them
        assertThat(bot).anySatisfy(d -> assertThat(answer(d, "yes")).startsWith("console-"));
        assertThat(bot).anySatisfy(d -> assertThat(answer(d, "flavour-1")).startsWith("console-"));
        assertThat(bot).anySatisfy(d -> assertThat(answer(d, "cake-2")).startsWith("console-"));
        assertThat(bot).anySatisfy(d -> assertThat(answer(d, "Obrigada!")).startsWith("console-"));
        assertThat(bot).anySatisfy(d -> {
            assertThat(d.path("body").path("type").asText()).isEqualTo("application/vnd.lime.reaction+json");
            assertThat(d.path("body").path("content").path("emoji").path("values").get(0).asInt()).isEqualTo(0x1F44D);
            assertThat(d.path("body").path("content").path("inReactionTo").path("id").asText()).startsWith("console-");
        });
        assertThat(toMeta).anySatisfy(r -> assertThat(r.path("interactive").path("type").asText()).isEqualTo("carousel"));
        assertThat(toMeta).anySatisfy(r -> assertThat(r.path("interactive").path("type").asText()).isEqualTo("cta_url"));
        assertThat(bot).anySatisfy(d -> {
            assertThat(d.path("body").path("from").asText()).startsWith("groups@");
            assertThat(d.path("body").path("content").asText()).isEqualTo("Oi grupo");
        });
        assertThat(bot).anySatisfy(d -> assertThat(d.path("body").path("event").asText()).isEqualTo("consumed"));
    }

    /** The envelope id a reply+json delivery answers, when it replied {@code value}; else "". */
    private static String answer(JsonNode delivery, String value) {
        JsonNode body = delivery.path("body");
        boolean replied = body.path("type").asText().equals("application/vnd.lime.reply+json")
                && body.path("content").path("replied").path("value").asText().equals(value);
        return replied ? body.path("content").path("inReplyTo").path("id").asText() : "";
    }
}
