package net.wagw.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.quarkus.arc.profile.IfBuildProfile;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.bot.BotRecord;
import net.wagw.domain.bot.Bot;

/**
 * The pages of the local run: the console ({@code /_console}: the customer's phone, the bot's view
 * and the timeline of every hop) and the API description with its viewer ({@code /_docs}:
 * {@code docs/openapi.yaml} in swagger-ui, which npm installs from the lock file).
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class LocalPages {
    static final String CONSOLE = "/_console";
    static final String DOCS = "/_docs";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "png", "image/png", "yaml",
            "application/yaml; charset=utf-8", "json", "application/json");

    private final ObjectMapper json;
    private final BotDirectory bots;
    private final Optional<String> demoBotId;
    private final Optional<String> demoAccessKey;
    private final String domain;
    private final Path projectDir = Path.of("").toAbsolutePath();

    public LocalPages(ObjectMapper json, BotDirectory bots,
            @ConfigProperty(name = "wagw.local.demo-bot-id") Optional<String> demoBotId,
            @ConfigProperty(name = "wagw.local.demo-access-key") Optional<String> demoAccessKey,
            @ConfigProperty(name = "wagw.domain", defaultValue = "wa.gw.msging.net") String domain) {
        this.json = json;
        this.bots = bots;
        this.demoBotId = demoBotId;
        this.demoAccessKey = demoAccessKey;
        this.domain = domain;
    }

    void console(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(CONSOLE) || path.equals(CONSOLE + "/")) {
                try (InputStream page = LocalPages.class.getResourceAsStream("/local/console.html")) {
                    LocalGateway.write(exchange, 200, Map.of("content-type", TYPES.get("html")), page.readAllBytes());
                }
            } else if (path.equals(CONSOLE + "/config")) {
                LocalGateway.write(exchange, 200, Map.of("content-type", "application/json"), json.writeValueAsBytes(config()));
            } else {
                LocalGateway.write(exchange, 404, Map.of(), new byte[0]);
            }
        }
    }

    /** What the console needs to play the demo bot: its Authorization header and nodes (local keys only). */
    private ObjectNode config() {
        ObjectNode config = json.createObjectNode();
        config.put("domain", domain);
        Optional<Bot> bot = demoBotId.flatMap(id -> bots.find(id).map(BotRecord::bot));
        if (bot.isPresent() && demoAccessKey.isPresent()) {
            config.put("bot", bot.get().id());
            config.put("authorization", "Key " + Base64.getEncoder().encodeToString(
                    (bot.get().id() + ":" + demoAccessKey.get()).getBytes(StandardCharsets.UTF_8)));
        }
        return config;
    }

    void docs(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(DOCS) || path.equals(DOCS + "/")) {
                String page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>wagw API</title>"
                        + "<link rel=\"stylesheet\" href=\"/_docs/ui/swagger-ui.css\"></head><body><div id=\"ui\"></div>"
                        + "<script src=\"/_docs/ui/swagger-ui-bundle.js\"></script><script>"
                        + "window.ui = SwaggerUIBundle({url: '/_docs/openapi.yaml', dom_id: '#ui'});</script></body></html>";
                LocalGateway.write(exchange, 200, Map.of("content-type", TYPES.get("html")),
                        page.getBytes(StandardCharsets.UTF_8));
            } else if (path.equals(DOCS + "/openapi.yaml")) {
                file(exchange, projectDir.resolve("docs/openapi.yaml"));
            } else if (path.startsWith(DOCS + "/ui/") && !path.contains("..")) {
                file(exchange, projectDir.resolve("node_modules/swagger-ui-dist").resolve(path.substring((DOCS + "/ui/").length())));
            } else {
                LocalGateway.write(exchange, 404, Map.of(), new byte[0]);
            }
        }
    }

    private static void file(HttpExchange exchange, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            LocalGateway.write(exchange, 404, Map.of("content-type", "text/plain"), (file + " is missing; `npm ci` in "
                    + "the project directory installs the viewer.").getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        LocalGateway.write(exchange, 200, Map.of("content-type", type), Files.readAllBytes(file));
    }
}
