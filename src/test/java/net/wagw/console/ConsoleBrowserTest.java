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
 * the lock file): a person's conversation, a group and a refused template, played through the page;
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
        assertThat(bot).anySatisfy(d -> assertThat(d.path("body").path("content").asText()).isEqualTo("yes"));
        assertThat(bot).anySatisfy(d -> {
            assertThat(d.path("body").path("from").asText()).startsWith("groups@");
            assertThat(d.path("body").path("content").asText()).isEqualTo("Oi grupo");
        });
        assertThat(bot).anySatisfy(d -> assertThat(d.path("body").path("event").asText()).isEqualTo("consumed"));
    }
}
