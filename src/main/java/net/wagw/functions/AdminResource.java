package net.wagw.functions;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import net.wagw.config.WagwConfig;
import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.bot.BotRecord;
import net.wagw.domain.bot.BotStore;
import net.wagw.domain.secret.Secrets;
import net.wagw.lime.Lime;

/**
 * The admin routes (README "Bots"): the bots table listed, read, written and bots disabled. Not a
 * bot's: the caller shows the admin key in {@code X-Wagw-Admin-Key} (its SHA-256 is a secret), and
 * in AWS API Gateway also wants IAM credentials (which take the Authorization header, hence a
 * header of its own). Changes reach every function within {@code wagw.bots-cache-seconds}.
 */
@ApplicationScoped
public class AdminResource {
    static final String ADMIN_KEY_HEADER = "x-wagw-admin-key";

    private final BotStore bots;
    private final Secrets.Secret adminKeyHash;
    private final String callbackSecretPattern;
    private final Clock clock;

    public AdminResource(BotStore bots, Secrets secrets, WagwConfig config, Clock clock) {
        this.bots = bots;
        this.adminKeyHash = secrets.secret(config.secrets().adminKeySha256());
        this.callbackSecretPattern = config.secrets().botCallbackSecret();
        this.clock = clock;
    }

    /** What the HTTP adapter hands over. */
    record Request(Route route, String adminKey, Map<String, String> parameters, JsonNode body) {
    }

    ResourceResponse handle(Request request) {
        authenticate(request.adminKey());
        return switch (request.route()) {
            case ADMIN_LIST_BOTS -> list();
            case ADMIN_GET_BOT -> ResourceResponse.ok(Lime.BOT, view(existing(request.parameters().get("id"))));
            case ADMIN_PUT_BOT -> put(request.parameters().get("id"), request.body());
            case ADMIN_DISABLE_BOT -> disable(request.parameters().get("id"));
            default -> throw new IllegalArgumentException(request.route() + " is not an admin route");
        };
    }

    private void authenticate(String adminKey) {
        Optional<String> expected = adminKeyHash.value().map(String::trim);
        if (adminKey == null || adminKey.isBlank() || expected.isEmpty()) {
            throw new Refusal(Reason.AUTHORIZATION_ERROR, "The admin routes want the admin key in X-Wagw-Admin-Key"
                    + " (a bot's key opens nothing here).", Refusal.Kind.UNAUTHORIZED_CALLER);
        }
        byte[] hash;
        try {
            hash = HexFormat.of().parseHex(expected.get().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            throw new IllegalStateException("the admin key's SHA-256 secret is not hex");
        }
        if (!MessageDigest.isEqual(hash, BotAuthenticator.sha256(adminKey.trim()))) {
            throw new Refusal(Reason.AUTHORIZATION_ERROR, "X-Wagw-Admin-Key is not the admin key.",
                    Refusal.Kind.UNAUTHORIZED_CALLER);
        }
    }

    private ResourceResponse list() {
        List<Map<String, Object>> items = new ArrayList<>();
        bots.all().stream().sorted(java.util.Comparator.comparing(BotRecord::id)).forEach(bot -> items.add(view(bot)));
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("itemType", Lime.BOT);
        collection.put("total", items.size());
        collection.put("items", items);
        return ResourceResponse.ok(Lime.COLLECTION, collection);
    }

    private BotRecord existing(String id) {
        return bots.find(id).orElseThrow(() -> new Refusal(Reason.RESOURCE_NOT_FOUND, "There is no bot '" + id + "'."));
    }

    private ResourceResponse disable(String id) {
        BotRecord disabled = existing(id).withEnabled(false, clock.instant());
        bots.put(disabled);
        return ResourceResponse.ok(Lime.BOT, view(disabled));
    }

    /** Creates or replaces the bot: the body is the whole record (what it leaves out takes its default). */
    private ResourceResponse put(String id, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new Refusal(Reason.VALIDATION_ERROR, "The body must be the bot as a JSON object, with at least"
                    + " accessKeySha256.");
        }
        BotRecord record;
        try {
            Bot bot = new Bot(id, body.path("verificationQuota").asLong(1000), digits(body, "phoneNumberId"),
                    digits(body, "wabaId"), url(body, "messagesUrl"), url(body, "notificationsUrl"),
                    body.path("requireOptIn").asBoolean(true), keywords(body));
            String secretRef = body.hasNonNull("callbackSecretRef") ? body.path("callbackSecretRef").asText()
                    : callbackSecretPattern.replace("{id}", id);
            record = new BotRecord(bot, body.path("accessKeySha256").asText(null), secretRef,
                    BotRecord.InboundReplies.parse(body.path("inboundReplies").asText(null)),
                    body.path("enabled").asBoolean(true), clock.instant());
        } catch (IllegalArgumentException invalid) {
            throw new Refusal(Reason.VALIDATION_ERROR, invalid.getMessage() + ".");
        }
        record.bot().phoneNumber().ifPresent(number -> bots.all().stream()
                .filter(other -> !other.id().equals(id) && other.enabled() && number.equals(other.bot().phoneNumberId()))
                .findFirst().ifPresent(other -> {
                    throw new Refusal(Reason.NOT_ALLOWED, "Phone number id " + number + " belongs to bot '" + other.id()
                            + "'; disable it first.", Refusal.Kind.CONFLICT);
                }));
        bots.put(record);
        return ResourceResponse.ok(Lime.BOT, view(record));
    }

    private static String digits(JsonNode body, String field) {
        String value = body.path(field).asText(null);
        if (value != null && !value.matches("[0-9]{1,32}")) {
            throw new IllegalArgumentException(field + " must be Meta's numeric id, not '" + value + "'");
        }
        return value;
    }

    private static String url(JsonNode body, String field) {
        String value = body.path(field).asText(null);
        if (value != null && !value.matches("https?://\\S+")) {
            throw new IllegalArgumentException(field + " must be an http(s) URL, not '" + value + "'");
        }
        return value;
    }

    private static List<String> keywords(JsonNode body) {
        JsonNode keywords = body.path("stopKeywords");
        if (keywords.isMissingNode() || keywords.isNull()) {
            return null;
        }
        if (!keywords.isArray()) {
            throw new IllegalArgumentException("stopKeywords must be a list of words");
        }
        List<String> words = new ArrayList<>();
        keywords.forEach(word -> words.add(word.asText()));
        return words;
    }

    private static Map<String, Object> view(BotRecord record) {
        Bot bot = record.bot();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", bot.id());
        view.put("enabled", record.enabled());
        view.put("accessKeySha256", record.accessKeySha256());
        view.put("phoneNumberId", bot.phoneNumberId());
        view.put("wabaId", bot.wabaId());
        view.put("messagesUrl", bot.messagesUrl());
        view.put("notificationsUrl", bot.notificationsUrl());
        view.put("callbackSecretRef", record.callbackSecretRef());
        view.put("verificationQuota", bot.verificationQuota());
        view.put("requireOptIn", bot.requireOptIn());
        view.put("stopKeywords", bot.stopKeywords());
        view.put("inboundReplies", record.inboundReplies().text());
        view.put("updatedAt", record.updatedAt().toString());
        return view;
    }
}
