package net.wagw.functions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.config.WagwConfig;
import net.wagw.domain.NotYetKnown;
import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.bot.BotRecord;
import net.wagw.domain.secret.Secrets;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.group.GroupService;
import net.wagw.domain.group.GroupEvent;
import net.wagw.domain.inbound.InboundMessage;
import net.wagw.domain.inbound.InboundService;
import net.wagw.domain.inbound.WebhookBatch;
import net.wagw.domain.send.StatusStore;
import net.wagw.domain.media.MediaService;
import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkQueue;
import net.wagw.lime.InboundRenderer;
import net.wagw.whatsapp.InboundMedia;
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
    private static final Logger LOG = Logger.getLogger(WebhookResource.class);

    /** What the HTTP adapter hands over: query, signature header and the body's exact bytes. */
    public record Request(Map<String, String> query, String signature, byte[] rawBody) {
    }

    private final BotDirectory bots;
    private final Secrets.Secret appSecret;
    private final Secrets.Secret verifyToken;
    private final InboundService inbound;
    private final GroupService groups;
    private final WebhookParser parser;
    private final InboundRenderer renderer;
    private final String botDomain;
    private final int maxBytes;
    private final Metrics metrics;
    private final MediaService media;
    private final WorkQueue queue;
    private final ObjectMapper json;
    /** One pool per process (Lambda reuses it across invocations); 16 DynamoDB calls in flight. */
    private final java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(16,
            runnable -> {
                Thread thread = new Thread(runnable, "webhook-worker");
                thread.setDaemon(true);
                return thread;
            });

    public WebhookResource(BotDirectory bots, InboundService inbound, GroupService groups, ObjectMapper json,
            Nodes nodes, WagwConfig config, Secrets secrets, Metrics metrics, StatusStore statuses, MediaService media,
            WorkQueue queue) {
        this.metrics = metrics;
        this.bots = bots;
        this.inbound = inbound;
        this.groups = groups;
        this.parser = new WebhookParser(json);
        this.renderer = new InboundRenderer(json, nodes, config.publicBaseUrl().orElse(""), statuses);
        this.appSecret = secrets.secret(config.secrets().metaAppSecret());
        this.verifyToken = secrets.secret(config.secrets().metaVerifyToken());
        this.botDomain = config.botDomain();
        this.maxBytes = config.http().maxWebhookBytes();
        this.media = media;
        this.queue = queue;
        this.json = json;
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
        java.util.concurrent.atomic.AtomicBoolean retryLater = new java.util.concurrent.atomic.AtomicBoolean();
        // A batch holds up to 1,000 updates: handled side by side so it fits well within the
        // Lambda's time; each one's writes are independent and safe to repeat.
        // group changes first: a message in a group just created finds the group active
        for (GroupEvent event : batch.groupEvents()) {
            botOf(event.phoneNumberId()).ifPresent(bot -> {
                try {
                    groups.onEvent(bot, event);
                } catch (NotYetKnown early) {
                    retryLater.set(true);
                }
            });
        }
        inParallel(batch.messages(), message -> botOf(message.phoneNumberId()).ifPresent(bot -> {
            InboundMessage ours = inGroupOf(bot, message);
            // the file is the bot's before the message is kept: a retry of Meta's finds both
            InboundMedia.of(json, ours).ifPresent(file -> {
                media.received(bot.id(), file.mediaId(), file.mimeType(), ours.timestamp());
                // copied from the queue, off Meta's acknowledgement (docs/contracts.md §11); a copy
                // queued twice (Meta's retry) finds the first one done
                queue.enqueue(new Work.CopyMedia(bot.id(), file.mediaId()), java.time.Duration.ZERO);
            });
            inbound.receive(bot, ours, renderer.render(ours, bot, bot.node(botDomain)));
        }));
        inParallel(batch.statuses(), status -> botOf(status.phoneNumberId()).ifPresent(bot -> {
            try {
                inbound.status(bot, status);
            } catch (NotYetKnown early) {
                retryLater.set(true);
            }
        }));
        if (retryLater.get()) {
            // everything else is stored; Meta's retry finds it so and acknowledges it as duplicates
            throw new Refusal(Reason.PROCESSING_ERROR, "A status arrived before its message was recorded; send it again.",
                    Refusal.Kind.UNAVAILABLE);
        }
        return ResourceResponse.text(200, "EVENT_RECEIVED");
    }

    /**
     * Runs the work for every item, {@code PARALLELISM} at a time; the first failure (DynamoDB
     * down, say) is rethrown once all have ended, so Meta is answered 5xx and retries the batch.
     */
    private <T> void inParallel(List<T> items, java.util.function.Consumer<T> work) {
        if (items.size() <= 1) {
            items.forEach(work);
            return;
        }
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (T item : items) {
            running.add(workers.submit(() -> work.accept(item)));
        }
        RuntimeException first = null;
        for (java.util.concurrent.Future<?> task : running) {
            try {
                task.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handling a webhook", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** A group message names Meta's group id; the bot knows the group by wagw's. */
    private InboundMessage inGroupOf(Bot bot, InboundMessage message) {
        if (message.groupId() == null) {
            return message;
        }
        return groups.ownId(bot, message.groupId()).map(message::withGroupId).orElse(message);
    }

    private Optional<Bot> botOf(String phoneNumberId) {
        Optional<Bot> bot = bots.byPhoneNumberId(phoneNumberId).map(BotRecord::bot);
        if (bot.isEmpty()) {
            LOG.warnf("webhook event for phone number id %s, which no bot has: acknowledged and dropped", phoneNumberId);
        }
        return bot;
    }
}
