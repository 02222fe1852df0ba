package net.wagw.local;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.quarkus.arc.profile.IfBuildProfile;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.delivery.BotSecrets;
import net.wagw.domain.delivery.CallbackSignature;

/**
 * A stand-in for Meta's WhatsApp Cloud API for local runs and demos (docs/contracts.md §8), never part of
 * a production build. It takes sends on the Cloud API path under {@code /_simulator/graph} and
 * answers as Meta does, success and error shapes alike; {@code GET /_simulator/messages} shows a
 * person what was sent. Later issues grow it (webhooks back, statuses, groups, playing the
 * customer).
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class WhatsAppSimulator {
    static final String PREFIX = "/_simulator/";
    private static final Pattern MESSAGES = Pattern.compile("/_simulator/graph/(v\\d+\\.\\d+)/([^/]+)/messages");
    private static final Pattern TEMPLATES = Pattern.compile("/_simulator/graph/(v\\d+\\.\\d+)/([^/]+)/message_templates");
    private static final Pattern MEDIA_UPLOAD = Pattern.compile("/_simulator/graph/v\\d+\\.\\d+/([^/]+)/media");
    private static final Pattern MEDIA = Pattern.compile("/_simulator/graph/v\\d+\\.\\d+/(\\d+)");
    private static final Pattern CDN = Pattern.compile("/_simulator/cdn/(\\d+)");
    private static final Pattern BOT = Pattern.compile("/_simulator/bot/(messages|notifications)");
    /** Groups API paths: /{phone-number-id}/groups and /{group-id}[/invite_link|participants|join_requests]. */
    private static final Pattern GROUPS = Pattern.compile("/_simulator/graph/v\\d+\\.\\d+/([^/]+)(/groups|/invite_link|/participants|/join_requests)?");
    /** The sample catalog every simulated business account has. */
    private static final String SAMPLE_TEMPLATES = "{\"data\":["
            + "{\"name\":\"hello_world\",\"language\":\"en_US\",\"status\":\"APPROVED\",\"category\":\"UTILITY\","
            + "\"id\":\"900000000000001\",\"components\":[{\"type\":\"HEADER\",\"format\":\"TEXT\",\"text\":\"Hello World\"},"
            + "{\"type\":\"BODY\",\"text\":\"Welcome and congratulations!!\"}]},"
            + "{\"name\":\"order_update\",\"language\":\"pt_BR\",\"status\":\"APPROVED\",\"category\":\"UTILITY\","
            + "\"id\":\"900000000000002\",\"components\":[{\"type\":\"BODY\",\"text\":\"Seu pedido {{1}} saiu para entrega.\"}]}"
            + "],\"paging\":{\"cursors\":{\"before\":\"MAZDZD\",\"after\":\"MjQZD\"}}}";
    /** Message types of the Cloud API's send endpoint (reference: {Phone-Number-ID}/messages). */
    private static final Set<String> TYPES = Set.of("text", "image", "video", "audio", "document", "sticker",
            "location", "contacts", "interactive", "template", "reaction");
    /** Interactive types of the send endpoint, as wagw sends them (docs/contracts.md §3.3). */
    private static final Set<String> INTERACTIVE_TYPES = Set.of("button", "list", "cta_url", "flow", "carousel",
            "product", "product_list", "catalog_message", "location_request_message");

    private final ObjectMapper json;
    private final BotDirectory bots;
    /** The bot whose customer the simulator plays, when several are configured. */
    private final java.util.Optional<String> demoBotId;
    private final BotSecrets botSecrets;
    private final String appSecret;
    private final List<JsonNode> sent = new ArrayList<>();
    private final SimulatedMedia media = new SimulatedMedia();
    /** What the bot received, newest last, at most {@link #BOT_KEPT}: a lock-free sink, never the bottleneck. */
    private final ConcurrentLinkedDeque<JsonNode> botReceived = new ConcurrentLinkedDeque<>();
    private final AtomicInteger botReceivedCount = new AtomicInteger();
    static final int BOT_KEPT = 1000;
    private final List<JsonNode> webhooksPosted = java.util.Collections.synchronizedList(new ArrayList<>());
    /** phone number id + ":" + wa_id -> when that customer last wrote (the simulator's own window). */
    private final Map<String, java.time.Instant> customerWrote = new java.util.concurrent.ConcurrentHashMap<>();
    /** name + "#" + language -> the status Meta gave a sample template since (PAUSED, DISABLED, ...). */
    private final Map<String, String> templateStatus = new java.util.concurrent.ConcurrentHashMap<>();
    /** The sample catalog as name#language. */
    private static final java.util.Set<String> SAMPLE_TEMPLATE_KEYS = java.util.Set.of("hello_world#en_US",
            "order_update#pt_BR");
    /** Meta's group id -> [phone number id, invite link] of the groups the simulator made. */
    private final Map<String, String[]> groups = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledThreadPoolExecutor webhooks =
            new java.util.concurrent.ScheduledThreadPoolExecutor(1);
    private final WebhookPoster poster = new WebhookPoster(java.time.Duration.ofSeconds(10),
            java.time.Duration.ofMillis(100));
    private volatile String webhookUrl;
    /**
     * The latest hops of every conversation, for the console's timeline ({@code GET /_simulator/events});
     * bounded, so a benchmark's thousands of messages do not pile up in the local run.
     */
    private final java.util.ArrayDeque<JsonNode> events = new java.util.ArrayDeque<>();
    private static final int EVENTS_KEPT = 5_000;
    private int lastSeq;

    public WhatsAppSimulator(ObjectMapper json, BotDirectory bots, BotSecrets botSecrets,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "wagw.meta.app-secret", defaultValue = "")
            String appSecret,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "wagw.local.demo-bot-id")
            java.util.Optional<String> demoBotId) {
        this.json = json;
        this.bots = bots;
        this.demoBotId = demoBotId;
        this.botSecrets = botSecrets;
        this.appSecret = appSecret;
    }

    /** Where the simulator sends its webhooks: the local gateway's own route. */
    void attach(int gatewayPort) {
        webhookUrl = "http://127.0.0.1:" + gatewayPort + "/webhooks/whatsapp";
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        webhooks.shutdownNow();
    }

    /**
     * Whether no webhook is waiting to be posted or being posted: what the simulator plays after a send
     * (statuses, replies) has all been answered by the gateway.
     */
    public boolean quiet() {
        return webhooks.getQueue().isEmpty() && webhooks.getActiveCount() == 0;
    }

    /** The webhooks the simulator posted to the gateway, each with the status it was answered. */
    public List<JsonNode> webhooksPosted() {
        synchronized (webhooksPosted) {
            return List.copyOf(webhooksPosted);
        }
    }

    /**
     * Records one hop: {@code bot -> wagw}, {@code wagw -> Meta}, {@code Meta -> wagw} (a webhook) or
     * {@code wagw -> bot}, with what it was and the HTTP status it was answered.
     */
    void hop(String from, String to, String what, int status, JsonNode detail) {
        ObjectNode event = json.createObjectNode();
        event.put("at", java.time.Instant.now().toString());
        event.put("from", from);
        event.put("to", to);
        event.put("what", what);
        event.put("status", status);
        if (detail != null) {
            event.set("detail", detail);
        }
        synchronized (events) {
            event.put("seq", ++lastSeq);
            events.addLast(event);
            if (events.size() > EVENTS_KEPT) {
                events.removeFirst();
            }
        }
    }

    /** The hops after {@code seq} still kept, oldest first. */
    public List<JsonNode> events(int after) {
        synchronized (events) {
            return events.stream().filter(event -> event.path("seq").asInt() > after).toList();
        }
    }

    /** Meta's ids of the groups the simulator made. */
    public List<String> groupIds() {
        return List.copyOf(groups.keySet());
    }

    /** What the gateway has sent so far, oldest first. */
    public synchronized List<JsonNode> sent() {
        return List.copyOf(sent);
    }

    void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher messages = MESSAGES.matcher(path);
            if ("POST".equals(exchange.getRequestMethod()) && messages.matches()) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                send(exchange, messages.group(2), exchange.getRequestHeaders().getFirst("Authorization"), body);
            } else if ("GET".equals(exchange.getRequestMethod()) && path.equals(PREFIX + "messages")) {
                reply(exchange, 200, json.valueToTree(sent()));
            } else if ("GET".equals(exchange.getRequestMethod()) && TEMPLATES.matcher(path).matches()) {
                reply(exchange, 200, templates());
            } else if ("POST".equals(exchange.getRequestMethod()) && BOT.matcher(path).matches()) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                receiveAsBot(path.substring(path.lastIndexOf('/') + 1), body,
                        exchange.getRequestHeaders().getFirst(CallbackSignature.HEADER));
                LocalGateway.write(exchange, 200, Map.of(), new byte[0]);
            } else if ("POST".equals(exchange.getRequestMethod()) && path.equals(PREFIX + "customer/messages")) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                playCustomer(exchange, body);
            } else if ("POST".equals(exchange.getRequestMethod()) && path.equals(PREFIX + "customer/call")) {
                playCall(exchange, json.readTree(exchange.getRequestBody().readAllBytes()));
            } else if ("POST".equals(exchange.getRequestMethod()) && path.equals(PREFIX + "business/echo")) {
                playEcho(exchange, json.readTree(exchange.getRequestBody().readAllBytes()));
            } else if ("POST".equals(exchange.getRequestMethod()) && path.equals(PREFIX + "templates/status")) {
                playTemplateStatus(exchange, json.readTree(exchange.getRequestBody().readAllBytes()));
            } else if ("GET".equals(exchange.getRequestMethod()) && path.equals(PREFIX + "events")) {
                String query = exchange.getRequestURI().getQuery();
                int after = 0;
                if (query != null && query.startsWith("after=")) {
                    try {
                        after = Integer.parseInt(query.substring(6));
                    } catch (NumberFormatException e) {
                        after = 0;
                    }
                }
                reply(exchange, 200, json.valueToTree(events(after)));
            } else if ("GET".equals(exchange.getRequestMethod()) && path.equals(PREFIX + "webhooks")) {
                reply(exchange, 200, json.valueToTree(webhooksPosted()));
            } else if ("GET".equals(exchange.getRequestMethod()) && path.equals(PREFIX + "groups")) {
                var list = json.createArrayNode();
                groups.forEach((id, g) -> list.addObject().put("group_id", id).put("phone_number_id", g[0])
                        .put("invite_link", g[1]));
                reply(exchange, 200, list);
            } else if ("POST".equals(exchange.getRequestMethod()) && path.equals(PREFIX + "customer/join")) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                join(exchange, json.readTree(body));
            } else if ("POST".equals(exchange.getRequestMethod()) && MEDIA_UPLOAD.matcher(path).matches()) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                upload(exchange, body);
            } else if ("GET".equals(exchange.getRequestMethod()) && MEDIA.matcher(path).matches()
                    && !groups.containsKey(groupIdOf(path))) {
                mediaInfo(exchange, path.substring(path.lastIndexOf('/') + 1));
            } else if ("GET".equals(exchange.getRequestMethod()) && CDN.matcher(path).matches()) {
                var file = media.find(path.substring(path.lastIndexOf('/') + 1), java.time.Instant.now());
                if (file.isEmpty()) {
                    LocalGateway.write(exchange, 404, Map.of(), new byte[0]);
                } else {
                    LocalGateway.write(exchange, 200, Map.of("Content-Type", file.get().mimeType()), file.get().bytes());
                }
            } else if (GROUPS.matcher(path).matches() && (path.endsWith("/groups") || groups.containsKey(groupIdOf(path)))) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                group(exchange, exchange.getRequestMethod(), GROUPS.matcher(path), body);
            } else if ("GET".equals(exchange.getRequestMethod()) && path.equals(PREFIX + "bot")) {
                reply(exchange, 200, json.valueToTree(List.copyOf(botReceived)));
            } else {
                reply(exchange, 400, error(100, "Unsupported request - method type: "
                        + exchange.getRequestMethod().toLowerCase(), "GraphMethodException", 0));
            }
        }
    }

    /**
     * Stands in for the demo bot's endpoints: keeps what the gateway delivered (the last
     * {@link #BOT_KEPT}), with whether its signature checks out against the demo bot's callback secret.
     */
    private void receiveAsBot(String kind, byte[] body, String signature) throws IOException {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        ObjectNode record = json.createObjectNode();
        record.put("kind", kind);
        record.put("signatureValid", bots.enabled().stream().anyMatch(bot -> {
            try {
                return CallbackSignature.of(botSecrets.callbackSecret(bot.id()), text).equals(signature);
            } catch (IllegalStateException noSecret) {
                return false;
            }
        }));
        JsonNode envelope = json.readTree(text);
        record.set("body", envelope);
        botReceived.addLast(record);
        if (botReceivedCount.incrementAndGet() > BOT_KEPT && botReceived.pollFirst() != null) {
            botReceivedCount.decrementAndGet();
        }
        String what = kind.equals("messages") ? "message " + envelope.path("type").asText()
                : "notification " + envelope.path("event").asText() + " of " + envelope.path("id").asText();
        hop("wagw", "bot", what, 200, envelope);
    }

    /**
     * A person plays the customer: {@code {"from":"5531988889999","name":"Maria","text":"Oi"}}, or a
     * tapped reply button {@code {"from":...,"button":{"id":"y","title":"Yes"}}} (more below). The simulator
     * sends it to the gateway as Meta would: a signed {@code messages} webhook. A customer who hides the
     * number behind a username comes with {@code "bsuid"} (and {@code "username"}) instead of {@code "from"},
     * as Meta sends them: {@code from_user_id}, {@code contacts[].user_id} and no wa_id. {@code "id"} gives
     * the wamid (a fresh one otherwise).
     */
    private void playCustomer(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode said = json.readTree(body);
        String from = said.path("from").asText("");
        String bsuid = said.path("bsuid").asText("");
        java.util.Optional<net.wagw.domain.bot.Bot> bot = demoBot();
        if ((from.isEmpty() && bsuid.isEmpty()) || bot.isEmpty()) {
            reply(exchange, 400, error(100, "(#100) Give \"from\" (the customer's wa_id) or \"bsuid\" (a business-scoped"
                    + " user id); a bot with a phone number id must be configured.", "OAuthException", 0));
            return;
        }
        ObjectNode message = json.createObjectNode();
        if (!from.isEmpty()) {
            message.put("from", from);
        }
        if (!bsuid.isEmpty()) {
            message.put("from_user_id", bsuid);
        }
        message.put("id", said.hasNonNull("id") ? said.path("id").asText()
                : "wamid.SIMIN" + UUID.randomUUID().toString().replace("-", "").toUpperCase());
        message.put("timestamp", Long.toString(java.time.Instant.now().getEpochSecond()));
        if (said.hasNonNull("group") && !groups.containsKey(said.path("group").asText())) {
            reply(exchange, 400, error(100, "(#100) No group " + said.path("group").asText() + " exists; GET "
                    + PREFIX + "groups lists the groups the simulator made.", "OAuthException", 0));
            return;
        }
        if (said.hasNonNull("group")) {
            message.put("group_id", said.path("group").asText());
        } else {
            customerWrote.put(bot.get().phoneNumberId() + ":" + (from.isEmpty() ? bsuid : from), java.time.Instant.now());
        }
        var file = said.path("media").isTextual()
                ? media.customerSends(said.path("media").asText(), java.time.Instant.now())
                : java.util.Optional.<java.util.Map.Entry<String, SimulatedMedia.File>>empty();
        if (file.isPresent()) {
            String kind = said.path("media").asText();
            message.put("type", kind);
            ObjectNode attached = message.putObject(kind);
            attached.put("mime_type", file.get().getValue().mimeType());
            attached.put("sha256", file.get().getValue().sha256());
            attached.put("id", file.get().getKey());
            if (said.hasNonNull("text") && !kind.equals("audio")) {
                attached.put("caption", said.path("text").asText());
            }
            if (file.get().getValue().filename() != null) {
                attached.put("filename", file.get().getValue().filename());
            }
        } else {
            customerMessage(said, message);
        }
        ObjectNode value = json.createObjectNode();
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550000000")
                .put("phone_number_id", bot.get().phoneNumberId());
        ObjectNode contact = value.putArray("contacts").addObject();
        ObjectNode profile = contact.putObject("profile").put("name", said.path("name").asText("Customer"));
        if (said.hasNonNull("username")) {
            profile.put("username", said.path("username").asText());
        }
        if (!from.isEmpty()) {
            contact.put("wa_id", from);
        }
        if (!bsuid.isEmpty()) {
            contact.put("user_id", bsuid);
        }
        value.putArray("messages").add(message);
        int status = postWebhook(value);
        ObjectNode answer = json.createObjectNode();
        answer.put("wamid", message.path("id").asText());
        answer.put("webhookStatus", status);
        reply(exchange, status == 200 ? 200 : 502, answer);
    }

    /**
     * What the customer does, as Meta's message object: {@code text}; a tapped {@code button} (a reply
     * button or a carousel's quick reply) or list {@code row} {@code {id, title, description?}};
     * a shared {@code location} {@code {latitude, longitude, name?, address?}}; a {@code contact}
     * {@code {name, phone}}; a {@code reaction} {@code {messageId, emoji}}. {@code replyTo} (a wamid
     * the gateway sent) makes any of them an answer to that message, as WhatsApp's context.
     */
    /**
     * The customer calls the business ({@code {"from":"5531988889999","event":"connect"}}; {@code terminate}
     * ends it): Meta's {@code calls} webhook, which wagw tells the bot and which opens the window.
     */
    private void playCall(HttpExchange exchange, JsonNode said) throws IOException {
        String from = said.path("from").asText("");
        var bot = demoBot();
        if (from.isEmpty() || bot.isEmpty()) {
            reply(exchange, 400, error(100, "(#100) Give \"from\" (the calling customer's wa_id); a bot with a phone"
                    + " number id must be configured.", "OAuthException", 0));
            return;
        }
        String event = said.path("event").asText("connect");
        ObjectNode value = json.createObjectNode().put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550000000")
                .put("phone_number_id", bot.get().phoneNumberId());
        value.putArray("contacts").addObject().put("wa_id", from).putObject("profile")
                .put("name", said.path("name").asText("Customer"));
        ObjectNode call = value.putArray("calls").addObject();
        call.put("id", said.path("id").asText("wacid.SIM" + UUID.randomUUID().toString().replace("-", "").toUpperCase()))
                .put("from", from).put("to", "15550000000").put("event", event).put("timestamp", now())
                .put("direction", "USER_INITIATED");
        if ("terminate".equals(event)) {
            call.put("status", said.path("status").asText("COMPLETED")).put("duration", said.path("duration").asInt(60));
        }
        customerWrote.put(bot.get().phoneNumberId() + ":" + from, java.time.Instant.now());
        int status = postWebhook(value, "calls");
        reply(exchange, status == 200 ? 200 : 502, json.createObjectNode().put("id", call.path("id").asText())
                .put("webhookStatus", status));
    }

    /**
     * A person at the business answers in the WhatsApp Business app on the same number (coexistence:
     * {@code {"to":"5531988889999","text":"..."}}): Meta's {@code smb_message_echoes} webhook.
     */
    private void playEcho(HttpExchange exchange, JsonNode said) throws IOException {
        String to = said.path("to").asText("");
        var bot = demoBot();
        if (to.isEmpty() || bot.isEmpty()) {
            reply(exchange, 400, error(100, "(#100) Give \"to\" (the customer's wa_id); a bot with a phone number id "
                    + "must be configured.", "OAuthException", 0));
            return;
        }
        ObjectNode value = json.createObjectNode().put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550000000")
                .put("phone_number_id", bot.get().phoneNumberId());
        ObjectNode echo = value.putArray("message_echoes").addObject();
        String wamid = "wamid.SIMECHO" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        echo.put("from", "15550000000").put("to", to).put("id", wamid).put("timestamp", now()).put("type", "text")
                .putObject("text").put("body", said.path("text").asText(""));
        int status = postWebhook(value, "smb_message_echoes");
        reply(exchange, status == 200 ? 200 : 502, json.createObjectNode().put("wamid", wamid).put("webhookStatus", status));
    }

    /**
     * Meta changes a sample template's status ({@code {"name":"order_update","language":"pt_BR","event":"PAUSED"}};
     * {@code APPROVED} or {@code REINSTATED} lifts it): its catalog says so from now on, sends of it are refused
     * (132015), and the {@code message_template_status_update} webhook goes to the demo bot's business account.
     */
    private void playTemplateStatus(HttpExchange exchange, JsonNode said) throws IOException {
        String key = said.path("name").asText("") + "#" + said.path("language").asText("");
        var bot = demoBot();
        if (!SAMPLE_TEMPLATE_KEYS.contains(key) || bot.isEmpty() || bot.get().wabaId() == null) {
            reply(exchange, 400, error(100, "(#100) Give the \"name\" and \"language\" of a sample template ("
                    + String.join(", ", new java.util.TreeSet<>(SAMPLE_TEMPLATE_KEYS)) + ") and an \"event\"; the demo "
                    + "bot needs a business account id.", "OAuthException", 0));
            return;
        }
        String event = said.path("event").asText("PAUSED").toUpperCase(java.util.Locale.ROOT);
        templateStatus.put(key, "REINSTATED".equals(event) ? "APPROVED" : event);
        String id = "";
        for (JsonNode t : templates().path("data")) {
            if ((t.path("name").asText() + "#" + t.path("language").asText()).equals(key)) {
                id = t.path("id").asText();
            }
        }
        ObjectNode value = json.createObjectNode().put("event", event).put("message_template_id", id)
                .put("message_template_name", said.path("name").asText())
                .put("message_template_language", said.path("language").asText())
                .put("reason", said.path("reason").asText("NONE"));
        int status = postWebhook(value, "message_template_status_update", bot.get().wabaId());
        reply(exchange, status == 200 ? 200 : 502, json.createObjectNode().put("status", templateStatus.get(key))
                .put("webhookStatus", status));
    }

    /** The bot the simulator plays the customer of: the demo bot when configured, else the first with a number. */
    private java.util.Optional<net.wagw.domain.bot.Bot> demoBot() {
        return bots.enabled().stream().filter(b -> b.phoneNumberId() != null)
                .sorted(java.util.Comparator.comparing(b -> !demoBotId.map(b.id()::equals).orElse(false)))
                .findFirst();
    }

    private void customerMessage(JsonNode said, ObjectNode message) {
        String replyTo = said.path("replyTo").asText("");
        if (!replyTo.isEmpty()) {
            message.putObject("context").put("from", "15550000000").put("id", replyTo);
        }
        if (said.has("button") || said.has("row")) {
            boolean row = said.has("row");
            message.put("type", "interactive");
            ObjectNode interactive = message.putObject("interactive");
            interactive.put("type", row ? "list_reply" : "button_reply");
            interactive.set(row ? "list_reply" : "button_reply", said.get(row ? "row" : "button"));
        } else if (said.has("location")) {
            message.put("type", "location");
            message.set("location", said.get("location"));
        } else if (said.has("contact")) {
            message.put("type", "contacts");
            ObjectNode contact = message.putArray("contacts").addObject();
            contact.putObject("name").put("formatted_name", said.path("contact").path("name").asText(""));
            String phone = said.path("contact").path("phone").asText("");
            contact.putArray("phones").addObject().put("phone", phone).put("wa_id", phone.replaceAll("\\D", ""))
                    .put("type", "CELL");
        } else if (said.has("contacts")) {
            message.put("type", "contacts");
            message.set("contacts", said.get("contacts"));
        } else if (said.has("reaction")) {
            message.put("type", "reaction");
            JsonNode reaction = said.get("reaction");
            String messageId = reaction.hasNonNull("message_id") ? reaction.path("message_id").asText()
                    : reaction.path("messageId").asText("");
            message.putObject("reaction").put("message_id", messageId).put("emoji", reaction.path("emoji").asText(""));
        } else if (said.has("media")) {
            // as Meta does: a media id (digits), the MIME type and a caption; the file stays at Meta
            JsonNode media = said.get("media");
            String kind = media.path("kind").asText("image");
            message.put("type", kind);
            ObjectNode file = message.putObject(kind);
            file.put("id", Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L)));
            file.put("mime_type", media.path("mimeType").asText("image/jpeg"));
            file.put("sha256", "SIM");
            if (media.hasNonNull("caption")) {
                file.put("caption", media.path("caption").asText());
            }
        } else {
            message.put("type", "text");
            message.putObject("text").put("body", said.path("text").asText(""));
        }
    }

    /** Meta's {@code GET /{media-id}}: where to download the file, while Meta keeps it. */
    private void mediaInfo(HttpExchange exchange, String id) throws IOException {
        var file = media.find(id, java.time.Instant.now());
        if (file.isEmpty()) {
            reply(exchange, 400, error(100, "Unsupported get request. Object with ID '" + id + "' does not exist, cannot "
                    + "be loaded due to missing permissions, or does not support this operation.", "GraphMethodException",
                    33));
            return;
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("messaging_product", "whatsapp");
        answer.put("url", webhookUrl.replace("/webhooks/whatsapp", PREFIX + "cdn/" + id));
        answer.put("mime_type", file.get().mimeType());
        answer.put("sha256", file.get().sha256());
        answer.put("file_size", file.get().bytes().length);
        answer.put("id", id);
        reply(exchange, 200, answer);
    }

    /** Meta's {@code POST /{phone-number-id}/media}: the form's file kept for 30 days, its id answered. */
    private void upload(HttpExchange exchange, byte[] body) throws IOException {
        var id = media.uploaded(body, exchange.getRequestHeaders().getFirst("Content-Type"), java.time.Instant.now());
        if (id.isEmpty()) {
            reply(exchange, 400, error(100, "(#100) The parameter file is required.", "OAuthException", 0));
            return;
        }
        reply(exchange, 200, json.createObjectNode().put("id", id.get()));
    }

    private static String groupIdOf(String path) {
        Matcher m = GROUPS.matcher(path);
        return m.matches() ? m.group(1) : "";
    }

    /**
     * The Groups API as Meta answers it: a create answers a request id and, a moment later, the
     * {@code group_create} webhook with the group id and invite link; deletes and removals are
     * followed by their webhooks too.
     */
    private void group(HttpExchange exchange, String method, Matcher path, byte[] body) throws IOException {
        path.matches();
        String id = path.group(1);
        String edge = path.group(2) == null ? "" : path.group(2);
        JsonNode request = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        ObjectNode answer = json.createObjectNode().put("messaging_product", "whatsapp");
        switch (method + " " + edge) {
            case "POST /groups" -> {
                String requestId = "SIMREQ" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
                String groupId = "SIMGROUP" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
                String link = "https://chat.whatsapp.com/SIM" + groupId.substring(8, 20);
                groups.put(groupId, new String[] { id, link });
                answer.put("request_id", requestId);
                ObjectNode created = json.createObjectNode().put("timestamp", now()).put("group_id", groupId)
                        .put("type", "group_create").put("request_id", requestId)
                        .put("subject", request.path("subject").asText()).put("invite_link", link)
                        .put("join_approval_mode", request.path("join_approval_mode").asText("auto_approve"));
                if (request.hasNonNull("description")) {
                    created.put("description", request.path("description").asText());
                }
                later(id, "group_lifecycle_update", created);
            }
            case "GET /invite_link" -> answer.put("invite_link", groups.get(id)[1]);
            case "POST /invite_link" -> {
                String link = "https://chat.whatsapp.com/SIM" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
                groups.get(id)[1] = link;
                answer.put("invite_link", link);
            }
            case "DELETE " -> {
                answer.put("success", true);
                later(groups.get(id)[0], "group_lifecycle_update", json.createObjectNode().put("timestamp", now())
                        .put("group_id", id).put("type", "group_delete"));
            }
            case "DELETE /participants" -> {
                ObjectNode removed = json.createObjectNode().put("timestamp", now()).put("group_id", id)
                        .put("type", "group_participants_remove");
                request.path("participants").forEach(p -> removed.withArray("removed_participants").addObject()
                        .put("input", p.path("user").asText()).put("wa_id", p.path("user").asText().replace("+", "")));
                later(groups.get(id)[0], "group_participants_update", removed);
            }
            case "GET /join_requests" -> answer.putArray("data");
            case "POST /join_requests", "DELETE /join_requests" -> answer.set(method.equals("POST")
                    ? "approved_join_requests" : "rejected_join_requests", request.path("join_requests"));
            default -> {
                reply(exchange, 400, error(100, "Unsupported request - method type: " + method.toLowerCase(),
                        "GraphMethodException", 0));
                return;
            }
        }
        reply(exchange, 200, answer);
        hop("wagw", "Meta", "groups: " + method + " " + (edge.isEmpty() ? "/" + id : edge), 200, request);
    }

    /** A person joins a group by its invite link: {@code {"from":"5531...","inviteLink":"https://..."}}. */
    private void join(HttpExchange exchange, JsonNode said) throws IOException {
        String link = said.path("inviteLink").asText("");
        var group = groups.entrySet().stream().filter(g -> g.getValue()[1].equals(link)).findFirst();
        if (group.isEmpty() || said.path("from").asText("").isEmpty()) {
            reply(exchange, 400, error(100, "(#100) Give \"from\" and a current \"inviteLink\".", "OAuthException", 0));
            return;
        }
        ObjectNode added = json.createObjectNode().put("timestamp", now()).put("group_id", group.get().getKey())
                .put("type", "group_participants_add");
        added.withArray("added_participants").addObject().put("input", said.path("from").asText())
                .put("wa_id", said.path("from").asText());
        ObjectNode value = json.createObjectNode().put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550000000").put("phone_number_id",
                group.get().getValue()[0]);
        value.putArray("groups").add(added);
        int status = postWebhook(value, "group_participants_update");
        reply(exchange, status == 200 ? 200 : 502, json.createObjectNode().put("group_id", group.get().getKey())
                .put("webhookStatus", status));
    }

    private void later(String phoneNumberId, String field, ObjectNode element) {
        webhooks.schedule(() -> {
            ObjectNode value = json.createObjectNode().put("messaging_product", "whatsapp");
            value.putObject("metadata").put("display_phone_number", "15550000000").put("phone_number_id", phoneNumberId);
            value.putArray("groups").add(element);
            postWebhook(value, field);
        }, 300, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static String now() {
        return Long.toString(java.time.Instant.now().getEpochSecond());
    }

    /**
     * What Meta bills a message (per-message pricing, 2025 on): a template by its category; a free-form reply
     * inside the customer's window is a free service message.
     */
    private ObjectNode pricing(String templateKey) {
        ObjectNode pricing = json.createObjectNode();
        if (templateKey == null) {
            return pricing.put("billable", false).put("pricing_model", "PMP").put("category", "service")
                    .put("type", "free_customer_service");
        }
        String category = "utility";
        for (JsonNode t : templates().path("data")) {
            if ((t.path("name").asText() + "#" + t.path("language").asText()).equals(templateKey)) {
                category = t.path("category").asText("UTILITY").toLowerCase(java.util.Locale.ROOT);
            }
        }
        return pricing.put("billable", true).put("pricing_model", "PMP").put("category", category).put("type", "regular");
    }

    /** The sample catalog with the statuses Meta gave its templates since (a paused one is PAUSED). */
    private JsonNode templates() {
        try {
            JsonNode catalog = json.readTree(SAMPLE_TEMPLATES);
            for (JsonNode t : catalog.path("data")) {
                String status = templateStatus.get(t.path("name").asText() + "#" + t.path("language").asText());
                if (status != null) {
                    ((ObjectNode) t).put("status", status);
                }
            }
            return catalog;
        } catch (IOException e) {
            throw new IllegalStateException("the sample catalog is JSON", e);
        }
    }

    /**
     * Meta's statuses for a message it took: sent, delivered, read, a moment apart; the first two priced;
     * the request's {@code biz_opaque_callback_data} echoed in each, as Meta does.
     */
    private void scheduleStatuses(String phoneNumberId, String wamid, String to, ObjectNode pricing, String callbackData) {
        String[] statuses = { "sent", "delivered", "read" };
        for (int i = 0; i < statuses.length; i++) {
            String status = statuses[i];
            webhooks.schedule(() -> {
                ObjectNode value = json.createObjectNode();
                value.put("messaging_product", "whatsapp");
                value.putObject("metadata").put("display_phone_number", "15550000000").put("phone_number_id", phoneNumberId);
                ObjectNode entry = value.putArray("statuses").addObject();
                entry.put("id", wamid);
                entry.put("status", status);
                entry.put("timestamp", Long.toString(java.time.Instant.now().getEpochSecond()));
                entry.put(net.wagw.domain.contact.ContactKey.isDigits(to) ? "recipient_id" : "recipient_user_id", to);
                if (!"read".equals(status)) {
                    entry.set("pricing", pricing);
                }
                if (callbackData != null) {
                    entry.put("biz_opaque_callback_data", callbackData);
                }
                postWebhook(value);
            }, 300L * (i + 1), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private int postWebhook(ObjectNode value) {
        return postWebhook(value, "messages");
    }

    /** Wraps a change value as Meta's webhook, signs it with the app secret and posts it. */
    private int postWebhook(ObjectNode value, String field) {
        return postWebhook(value, field, "0");
    }

    /** @param account the business account's id ({@code entry[].id}), which account-wide fields go by */
    private int postWebhook(ObjectNode value, String field, String account) {
        if (webhookUrl == null) {
            return 0;
        }
        ObjectNode root = json.createObjectNode();
        root.put("object", "whatsapp_business_account");
        ObjectNode change = root.putArray("entry").addObject().put("id", account).putArray("changes").addObject();
        change.set("value", value);
        change.put("field", field);
        try {
            byte[] payload = json.writeValueAsBytes(root);
            WebhookPoster.Delivery delivery = poster.post(java.net.URI.create(webhookUrl), payload,
                    net.wagw.whatsapp.MetaSignature.of(payload, appSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            ObjectNode posted = json.createObjectNode().put("status", delivery.status())
                    .put("attempts", delivery.attempts());
            if (delivery.failure() != null) {
                posted.put("failure", delivery.failure());
            }
            webhooksPosted.add(posted.set("payload", root));
            hop("Meta", "wagw", "webhook " + field + " " + describe(value)
                    + (delivery.failure() == null ? "" : " (no answer: " + delivery.failure() + ")"), delivery.status(), root);
            return delivery.status();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a webhook the simulator built is JSON", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** What a webhook's value holds, in a few words: a customer's message, statuses, a group event. */
    private static String describe(JsonNode value) {
        if (value.has("messages")) {
            JsonNode m = value.path("messages").path(0);
            return m.path("type").asText() + " from " + m.path("from").asText(m.path("from_user_id").asText())
                    + (m.has("group_id") ? " in group " + m.path("group_id").asText() : "");
        }
        if (value.has("statuses")) {
            JsonNode st = value.path("statuses").path(0);
            return st.path("status").asText() + (st.has("errors") ? " (#" + st.path("errors").path(0).path("code").asInt()
                    + ")" : "") + " of " + st.path("id").asText();
        }
        if (value.has("groups")) {
            return value.path("groups").path(0).path("type").asText();
        }
        if (value.has("message_echoes")) {
            return "echo to " + value.path("message_echoes").path(0).path("to").asText();
        }
        if (value.has("calls")) {
            return value.path("calls").path(0).path("event").asText() + " from " + value.path("calls").path(0)
                    .path("from").asText();
        }
        if (value.has("message_template_name")) {
            return value.path("message_template_name").asText() + " " + value.path("event").asText();
        }
        return "";
    }

    private void send(HttpExchange exchange, String phoneNumberId, String authorization, byte[] body) throws IOException {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            reply(exchange, 401, error(190, "Invalid OAuth access token - Cannot parse access token", "OAuthException", 0));
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            reply(exchange, 400, error(100, "Invalid parameter", "OAuthException", 0));
            return;
        }
        if (request == null || !"whatsapp".equals(request.path("messaging_product").asText())) {
            reply(exchange, 400, error(100, "(#100) The parameter messaging_product is required.", "OAuthException", 0));
            return;
        }
        if ("read".equals(request.path("status").asText())) {
            reply(exchange, 200, json.createObjectNode().put("success", true));
            return;
        }
        // a customer known only by business-scoped user id is named by "recipient" instead of "to"
        String bsuid = request.path("to").isMissingNode() ? request.path("recipient").asText("") : "";
        String to = bsuid.isEmpty() ? request.path("to").asText("") : bsuid;
        if (to.isEmpty()) {
            reply(exchange, 400, error(100, "(#100) The parameter to is required.", "OAuthException", 0));
            return;
        }
        String type = request.path("type").asText("text");
        if (!TYPES.contains(type)) {
            reply(exchange, 400, error(100, "(#100) Param type must be one of {" + String.join(", ", TYPES.stream()
                    .sorted().toList()) + "} - got \"" + type + "\".", "OAuthException", 2494010));
            return;
        }
        String interactiveType = request.path("interactive").path("type").asText("");
        if ("interactive".equals(type) && !INTERACTIVE_TYPES.contains(interactiveType)) {
            reply(exchange, 400, error(100, "(#100) Param interactive['type'] must be one of {" + String.join(", ",
                    INTERACTIVE_TYPES.stream().sorted().toList()) + "} - got \"" + interactiveType + "\".",
                    "OAuthException", 2494010));
            return;
        }
        String templateKey = request.path("template").path("name").asText() + "#"
                + request.path("template").path("language").path("code").asText();
        if ("template".equals(type) && templateStatus.containsKey(templateKey)
                && !"APPROVED".equals(templateStatus.get(templateKey))) {
            reply(exchange, 400, error(132015, "(#132015) Template is " + templateStatus.get(templateKey).toLowerCase(
                    java.util.Locale.ROOT), "OAuthException", 0));
            return;
        }
        if ("template".equals(type) && !SAMPLE_TEMPLATE_KEYS.contains(templateKey)) {
            reply(exchange, 404, error(132001, "(#132001) Template name does not exist in the translation",
                    "OAuthException", 2494073));
            hop("wagw", "Meta", "template " + request.path("template").path("name").asText() + " refused (#132001)", 404,
                    request);
            return;
        }
        String wamid = "wamid.SIM" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        synchronized (this) {
            ObjectNode record = json.createObjectNode();
            record.put("phone_number_id", phoneNumberId);
            record.put("wamid", wamid);
            record.set("request", request);
            sent.add(record);
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("messaging_product", "whatsapp");
        boolean group = "group".equals(request.path("recipient_type").asText());
        if (!group) {
            ObjectNode contact = answer.putArray("contacts").addObject();
            contact.put("input", to);
            if (bsuid.isEmpty()) {
                contact.put("wa_id", to.replaceAll("\\D", ""));
            } else {
                contact.put("user_id", bsuid);
            }
        }
        answer.putArray("messages").addObject().put("id", wamid);
        reply(exchange, 200, answer);
        hop("wagw", "Meta", type + " to " + to + " -> " + wamid, 200, request);
        if (!group) {
            String waId = bsuid.isEmpty() ? to.replaceAll("\\D", "") : bsuid;
            java.time.Instant wrote = customerWrote.get(phoneNumberId + ":" + waId);
            boolean windowOpen = wrote != null && wrote.isAfter(java.time.Instant.now().minus(java.time.Duration.ofHours(24)));
            if ("template".equals(type) || windowOpen) {
                scheduleStatuses(phoneNumberId, wamid, waId, pricing("template".equals(type) ? templateKey : null),
                        request.hasNonNull("biz_opaque_callback_data") ? request.get("biz_opaque_callback_data").asText() : null);
            } else {
                // as Meta does: the free-form send is taken, then fails with 131047 in a status webhook
                scheduleFailure(phoneNumberId, wamid, waId);
            }
        }
    }

    private void scheduleFailure(String phoneNumberId, String wamid, String to) {
        webhooks.schedule(() -> {
            ObjectNode value = json.createObjectNode();
            value.put("messaging_product", "whatsapp");
            value.putObject("metadata").put("display_phone_number", "15550000000").put("phone_number_id", phoneNumberId);
            ObjectNode entry = value.putArray("statuses").addObject();
            entry.put("id", wamid).put("status", "failed").put("timestamp", now()).put("recipient_id", to);
            ObjectNode error = entry.putArray("errors").addObject();
            error.put("code", 131047).put("title", "Re-engagement message")
                    .put("message", "Re-engagement message");
            error.putObject("error_data").put("details", "Message failed to send because more than 24 hours have "
                    + "passed since the customer last replied to this number.");
            postWebhook(value);
        }, 300, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Meta's error body: {"error":{"message","type","code","error_subcode"?,"fbtrace_id"}}. */
    private JsonNode error(int code, String message, String type, int subcode) {
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        if (subcode != 0) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", "SIM" + UUID.randomUUID().toString().substring(0, 8));
        return root;
    }

    private void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        LocalGateway.write(exchange, status, Map.of("content-type", "application/json"), json.writeValueAsBytes(body));
    }
}
