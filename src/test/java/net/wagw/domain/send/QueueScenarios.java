package net.wagw.domain.send;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import net.wagw.domain.Reason;
import net.wagw.domain.meta.MetaOutcome;

/**
 * The queue's fault suite (issue 14), in virtual time on {@link SendWorld}: a backlog drained
 * against Meta's per-second limit, and Meta's and a bot's faults, each with the figures an
 * operator asks for. Run by {@code QueueDrainTest} (asserted) and {@code bench/queue-drain.sh}
 * (printed).
 */
public final class QueueScenarios {
    /** How long a scenario may run in simulated time: past every retry and give-up period. */
    static final Duration HORIZON = Duration.ofDays(10);

    private QueueScenarios() {
    }

    /**
     * @param drain        simulated time from the first post to the last send Meta took
     * @param toBot        simulated time from the first post to the last delivery the bot took
     * @param duplicates   envelopes Meta took more than once (the customer got them twice)
     * @param givenUp      messages failed as not sent within 24 hours
     * @param toldUnclear  messages failed because Meta's answer did not say whether it took them
     * @param stuck        messages left SENDING, PENDING or UNCERTAIN
     * @param lost         deliveries to the bot (messages, notifications) never delivered
     * @param botDuplicates deliveries the bot got more than once
     * @param queued       work left on the queue at the end
     */
    public record Figures(String name, int posted, long sent, Duration drain, Duration toBot, long throttled, long metaErrors,
            long duplicates, long givenUp, long toldUnclear, long stuck, long lost, long botDuplicates,
            long queued, long queueTries, long wallMillis) {
        public double sendsPerSecond() {
            return drain.isZero() ? 0 : sent * 1000.0 / drain.toMillis();
        }
    }

    /** {@code n} template sends posted at once to {@code n} customers of one number. */
    public static Figures backlog(String name, int n, double rate, int metaLimit) {
        return run(name, n, SendWorld::customer, rate, metaLimit, world -> {
        });
    }

    /** A tenth of the sends each answered 2xx without an id, an HTML 2xx, and a hang after Meta read the request. */
    public static Figures uncertain(int n) {
        return run("Meta 2xx without id / HTML body / hang after reading (10% each)", n, SendWorld::customer, 80, 80,
                world -> world.meta.fault(UNCLEAR));
    }

    private static final SendWorld.Fault UNCLEAR = (envelope, at) -> switch (index(envelope) % 10) {
        case 1 -> new MetaOutcome.Done();
        case 2 -> new MetaOutcome.Uncertain("Meta answered 200 with an unreadable body: <html>");
        case 3 -> new MetaOutcome.Uncertain("SocketTimeoutException: read timed out after the request was written");
        default -> null;
    };

    /**
     * As {@link #uncertain}, with Meta sending each message's "sent" status webhook 2 s after it
     * took it, its {@code biz_opaque_callback_data} echoed: each unclear answer is settled by it.
     */
    public static Figures uncertainSettled(int n) {
        return run("... each followed by its status webhook (callback data)", n, SendWorld::customer, 80, 80,
                world -> {
                    world.meta.statusWebhooks = true;
                    world.meta.fault(UNCLEAR);
                });
    }

    /** Meta answers 500 to everything for 30 s of every 2 minutes during the first hour. */
    public static Figures serverErrorBursts(int n) {
        return run("Meta 5xx for 30 s of every 2 min (first hour)", n, SendWorld::customer, 80, 80,
                world -> world.meta.fault((envelope, at) -> {
                    long s = Duration.between(SendWorld.START, at).toSeconds();
                    return s < 3600 && s % 120 < 30
                            ? new MetaOutcome.Error(500, 131000, null, "Something went wrong", null) : null;
                }));
    }

    /**
     * The bot's endpoints answer 503 for 3 days while {@code n / 2} customers each write once and
     * are sent two templates (so each customer's notifications wait for the bot while a send of
     * theirs is still queued).
     */
    public static Figures botDown(int n) {
        Instant back = SendWorld.START.plus(Duration.ofDays(3));
        return run("bot down 3 days (n/2 customers: 1 inbound + 2 sends each)", n, i -> SendWorld.customer(i / 2), 80,
                80, world -> {
                    world.botSide.downUntil(back);
                    for (int i = 0; i < n / 2; i++) {
                        String node = SendWorld.customer(i);
                        world.inbound("wamid.in-" + i, node.substring(0, node.indexOf('@')));
                    }
                });
    }

    private static int index(String envelope) {
        return Integer.parseInt(envelope.substring(envelope.lastIndexOf('-') + 1));
    }

    private static Figures run(String name, int n, IntFunction<String> to, double rate, int metaLimit,
            Consumer<SendWorld> setUp) {
        long wall = System.nanoTime();
        SendWorld world = new SendWorld(rate, metaLimit);
        setUp.accept(world);
        for (int i = 0; i < n; i++) {
            world.post("campaign-" + i, to.apply(i));
        }
        world.drain(HORIZON);
        return new Figures(name, n, world.states().getOrDefault(OutboundMessage.State.SENT, 0),
                Duration.between(SendWorld.START, world.meta.lastTaken().orElse(SendWorld.START)),
                Duration.between(SendWorld.START, world.botSide.lastReceived().orElse(SendWorld.START)),
                world.meta.throttled(), world.meta.errors(),
                world.meta.duplicates(), world.failed(Reason.TIMED_OUT.code()), world.failed(Reason.GATEWAY_ERROR.code()),
                world.stuck(), world.undelivered(), world.botSide.duplicates(),
                world.queue.waiting(), world.queue.tries(), (System.nanoTime() - wall) / 1_000_000);
    }
}
