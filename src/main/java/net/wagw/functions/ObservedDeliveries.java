package net.wagw.functions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.delivery.BotEndpoint;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.DeliveryStore;

/**
 * Wraps the outbox's two ports so that every delivery attempt writes its log line and every retry
 * or dead letter its metric, without the domain knowing about either.
 */
public final class ObservedDeliveries {
    private ObservedDeliveries() {
    }

    /** Each POST to a bot: one log line with the bot, the target, the outcome and the latency. */
    public static BotEndpoint endpoint(BotEndpoint inner, BotDirectory bots) {
        return (url, body, signatureHeader, timeout) -> {
            long start = System.nanoTime();
            String failure = inner.post(url, body, signatureHeader, timeout);
            Optional<Bot> bot = bots.records().stream().map(net.wagw.domain.bot.BotRecord::bot)
                    .filter(b -> url.equals(b.messagesUrl()) || url.equals(b.notificationsUrl())).findFirst();
            String target = bot.map(b -> url.equals(b.messagesUrl()) ? "messages" : "notifications").orElse("bot");
            RequestLog.delivery(bot.map(Bot::id).orElse(null), target, failure == null,
                    failure == null ? null : withoutUrl(failure), (System.nanoTime() - start) / 1_000_000);
            return failure;
        };
    }

    /** A replace that schedules another try, or dead-letters, is counted. */
    public static DeliveryStore store(DeliveryStore inner, Metrics metrics) {
        return new DeliveryStore() {
            @Override
            public boolean create(Delivery delivery) {
                return inner.create(delivery);
            }

            @Override
            public Optional<Delivery> createOrFind(Delivery delivery) {
                return inner.createOrFind(delivery);
            }

            @Override
            public Optional<Delivery> find(String botId, String id) {
                return inner.find(botId, id);
            }

            @Override
            public boolean replace(Delivery updated) {
                boolean replaced = inner.replace(updated);
                if (replaced && updated.state() == Delivery.State.DEAD) {
                    metrics.delivery(updated.botId(), true);
                } else if (replaced && updated.state() == Delivery.State.PENDING && updated.lastError() != null
                        && updated.attempts() > 0) {
                    metrics.delivery(updated.botId(), false);
                }
                return replaced;
            }

            @Override
            public List<Delivery> dead(String botId, int limit) {
                return inner.dead(botId, limit);
            }
        };
    }

    /** A bad URL's message repeats the URL, which may carry a token: the log keeps only the kind of failure. */
    private static String withoutUrl(String failure) {
        int colon = failure.indexOf(": ");
        return failure.startsWith("the bot's URL") && colon > 0 ? failure.substring(0, colon) : failure;
    }
}
