package net.wagw.functions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.config.WagwConfig;
import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.inbound.WebhookBatch;
import net.wagw.domain.inbound.WebhookIngestion;
import net.wagw.domain.secret.Secrets;
import net.wagw.whatsapp.MetaSignature;
import net.wagw.whatsapp.WebhookParser;

/**
 * {@code GET|POST /webhooks/whatsapp} (docs/contracts.md §7). POST: the signature is checked over the raw
 * bytes; then every message and status is handled, stored and queued for its bot; only then is
 * Meta answered 200, so nothing is acknowledged that was not kept, and nothing waits for the bot:
 * {@code dispatch} forwards from the queue (docs/queue.md).
 */
@ApplicationScoped
public class WebhookResource {
    /** What the HTTP adapter hands over: query, signature header and the body's exact bytes. */
    public record Request(Map<String, String> query, String signature, byte[] rawBody) {
    }

    private final Secrets.Secret appSecret;
    private final Secrets.Secret verifyToken;
    private final WebhookIngestion ingestion;
    private final WebhookParser parser;
    private final int maxBytes;
    private final Metrics metrics;

    public WebhookResource(WebhookIngestion ingestion, ObjectMapper json, WagwConfig config, Secrets secrets,
            Metrics metrics) {
        this.ingestion = ingestion;
        this.metrics = metrics;
        this.parser = new WebhookParser(json);
        this.appSecret = secrets.secret(config.secrets().metaAppSecret());
        this.verifyToken = secrets.secret(config.secrets().metaVerifyToken());
        this.maxBytes = config.http().maxWebhookBytes();
    }

    ResourceResponse handle(Route route, Request request) {
        return route == Route.WEBHOOK_HANDSHAKE ? handshake(request.query()) : events(request);
    }

    /** Meta's subscription check: echo hub.challenge when hub.verify_token is ours. */
    private ResourceResponse handshake(Map<String, String> query) {
        byte[] given = query.getOrDefault("hub.verify_token", "").getBytes(StandardCharsets.UTF_8);
        byte[] expected = verifyToken.valueOrEmpty().getBytes(StandardCharsets.UTF_8);
        boolean valid = "subscribe".equals(query.get("hub.mode")) && expected.length > 0
                && MessageDigest.isEqual(expected, given) && query.containsKey("hub.challenge");
        if (!valid) {
            return ResourceResponse.text(403, "Forbidden");
        }
        return ResourceResponse.text(200, query.get("hub.challenge"));
    }

    private ResourceResponse events(Request request) {
        if (!MetaSignature.isValid(request.signature(), request.rawBody(),
                appSecret.valueOrEmpty().getBytes(StandardCharsets.UTF_8))) {
            throw new Refusal(Reason.AUTHORIZATION_ERROR, "X-Hub-Signature-256 is missing or does not match the body.",
                    Refusal.Kind.UNAUTHORIZED_CALLER);
        }
        if (request.rawBody().length > maxBytes) {
            throw new Refusal(Reason.VALIDATION_ERROR, "The body has " + request.rawBody().length
                    + " bytes; the limit is " + maxBytes + ".", Refusal.Kind.TOO_LARGE);
        }
        WebhookBatch batch;
        try {
            batch = parser.parse(request.rawBody());
        } catch (IllegalArgumentException e) {
            throw new Refusal(Reason.VALIDATION_ERROR, "Not a WhatsApp webhook: " + e.getMessage());
        }
        metrics.webhook(batch);
        if (ingestion.ingest(batch) == WebhookIngestion.Answer.SEND_AGAIN) {
            // everything else is stored; Meta's retry finds it so and acknowledges it as duplicates
            throw new Refusal(Reason.PROCESSING_ERROR, "A group event arrived before its group was recorded; send it again.",
                    Refusal.Kind.UNAVAILABLE);
        }
        return ResourceResponse.text(200, "EVENT_RECEIVED");
    }
}
