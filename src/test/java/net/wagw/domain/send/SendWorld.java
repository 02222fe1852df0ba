package net.wagw.domain.send;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.Customers;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.content.TemplateMessage;
import net.wagw.domain.delivery.BotEndpoint;
import net.wagw.domain.delivery.BotNotifier;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.Notification;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.group.GroupService;
import net.wagw.domain.identity.Identities;
import net.wagw.domain.meta.MetaErrors;
import net.wagw.domain.meta.MetaOutcome;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.ports.InMemory;
import net.wagw.domain.work.Pacer;
import net.wagw.domain.work.VirtualTimeQueue;
import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkResult;
import net.wagw.numbering.LibPhoneNumberPlan;
import net.wagw.testing.SettableClock;

/**
 * One bot's sending in virtual time: the real {@link SendService}, {@link Pacer}, {@link MetaErrors}
 * and {@link Outbox} on a {@link VirtualTimeQueue}, with the in-memory stores of {@link InMemory}, a
 * simulated Meta that answers 130429 to every request over its per-second limit (and whatever fault
 * a scenario sets), and a simulated bot that counts what it was told. For the queue's drain test and benchmark.
 */
public final class SendWorld {
    public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    static final String DOMAIN = "wa.gw.msging.net";
    static final String PHONE_NUMBER_ID = "106540352242922";

    /** What Meta does with one request it did not refuse for throughput; null: takes it and answers its id. */
    public interface Fault extends BiFunction<String, Instant, MetaOutcome> {
    }

    public final SettableClock clock = new SettableClock(START);
    public final VirtualTimeQueue queue = new VirtualTimeQueue(clock);
    public final Meta meta;
    public final BotSide botSide = new BotSide();
    final InMemory.Deliveries deliveries = new InMemory.Deliveries();
    final Bot bot = new Bot("sim", 0, PHONE_NUMBER_ID, null, "https://bot.example/messages",
            "https://bot.example/notifications", false, null);
    final Outbox outbox;
    final SendService sending;
    final StatusEffects effects;
    final InMemory.Statuses statuses = new InMemory.Statuses();
    final InMemory.Messages messages = new InMemory.Messages(statuses);
    final InMemory.Windows windows = new InMemory.Windows();
    private final Customers customers;
    private final List<String> envelopes = new ArrayList<>();

    /**
     * @param sendRate  the number's throughput as configured in wagw (the pacer's rate)
     * @param metaLimit what Meta allows the number per second before it answers 130429
     */
    public SendWorld(double sendRate, int metaLimit) {
        meta = new Meta(metaLimit, clock);
        outbox = new Outbox(deliveries, botSide, botId -> "sim-secret".getBytes(StandardCharsets.UTF_8), queue, clock,
                Duration.ofSeconds(5), Outbox.DEFAULT_GIVE_UP_AFTER);
        Nodes nodes = new Nodes(DOMAIN);
        PhoneNumbers numbers = new PhoneNumbers(new LibPhoneNumberPlan());
        customers = new Customers(numbers, nodes);
        // templates need no window and this bot no opt-in; the catalog is empty (not synced yet: every
        // template goes, docs/contracts.md §3.3 rule 3); status webhooks come when a scenario says so
        InMemory.OptInChanges consents = new InMemory.OptInChanges();
        OptIns optIns = new OptIns(consents, clock);
        Notifier notifier = new Notifier(outbox);
        InMemory.Catalog catalog = new InMemory.Catalog();
        effects = new StatusEffects(statuses, notifier, optIns, new InMemory.UsageCounts(), nodes,
                id -> Optional.empty(), messages);
        InMemory.Contacts known = new InMemory.Contacts();
        sending = new SendService(new Recipients(customers, nodes), new Contacts(known, numbers, clock),
                new Identities(known, numbers, windows, consents, clock), windows, optIns, catalog,
                new TemplateSync(meta, catalog, new InMemory.Claimed(), clock), messages, meta, notifier, statuses,
                effects, new GroupService(new InMemory.Groups(), null, null, customers, clock), queue,
                new Pacer(clock, sendRate), clock, wait -> clock.advance(wait.isZero() ? Duration.ofMillis(1) : wait));
    }

    /** The {@code n}-th customer: a valid Brazilian mobile number, one per n below 100,000. */
    public static String customer(int n) {
        return String.format("55319%08d@%s", 80_000_000 + n, DOMAIN);
    }

    /** The bot posts a template message; the answer is its id, or the refusal's description. */
    public String post(String envelopeId, String to) {
        envelopes.add(envelopeId);
        String payload = "{\"type\":\"template\",\"template\":{\"name\":\"order_update\",\"language\":{\"code\":\"pt_BR\"}}}";
        TemplateMessage template = new TemplateMessage("order_update", "pt_BR", null, Map.of());
        SendRequest request = SendRequest.of(envelopeId, to, new RenderedMessage(template, List.of(payload)), Map.of());
        try {
            return sending.send(bot, request);
        } catch (net.wagw.domain.Refusal refusal) {
            return refusal.getMessage();
        }
    }

    /** The customer ({@link #customer}) wrote just now: their 24-hour window is open. */
    public void customerWrote(String customer) {
        windows.recordInbound(bot.id(), customers.identify(customer).key(), clock.instant(), "wamid.IN." + customer);
    }

    /** The bot posts a collection of texts; the answer is its id, or the refusal's description. */
    public String postTexts(String envelopeId, String to, String... texts) {
        List<net.wagw.domain.content.Content> items = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        for (String text : texts) {
            items.add(new net.wagw.domain.content.Text(text));
            payloads.add("{\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}");
            envelopes.add(SendService.itemId(envelopeId, items.size() - 1));
        }
        RenderedMessage message = new RenderedMessage(new net.wagw.domain.content.Collection(items), payloads);
        try {
            return sending.send(bot, SendRequest.of(envelopeId, to, message, Map.of()));
        } catch (net.wagw.domain.Refusal refusal) {
            return refusal.getMessage();
        }
    }

    /** A customer's message for the bot, stored and queued as the webhook does. */
    public void inbound(String id, String from) {
        outbox.enqueue(bot, "message:" + id, Delivery.Target.MESSAGES, "{\"id\":\"" + id + "\"}", from);
    }

    /**
     * Runs the queue (the dispatch function) until nothing is left or {@code horizon} has passed;
     * the status webhooks Meta sends meanwhile are taken as the webhook function does, when due.
     */
    public void drain(Duration horizon) {
        queue.run(work -> {
            webhooksDue();
            return work instanceof Work.Send send ? sending.retry(bot, send)
                    : work instanceof Work.Deliver deliver ? outbox.attempt(bot, deliver) : WorkResult.DONE;
        }, START.plus(horizon));
        webhooksDue();
    }

    /** A status webhook for the bot's number, taken now. */
    public void status(StatusUpdate status) {
        effects.apply(bot, status);
    }

    private void webhooksDue() {
        while (!meta.webhooks.isEmpty() && !meta.webhooks.peekFirst().timestamp().isAfter(clock.instant())) {
            status(meta.webhooks.pollFirst());
        }
    }

    /** The messages posted, by state. */
    public Map<OutboundMessage.State, Integer> states() {
        Map<OutboundMessage.State, Integer> counts = new java.util.EnumMap<>(OutboundMessage.State.class);
        for (String id : envelopes) {
            messages.find(bot.id(), id).ifPresent(m -> counts.merge(m.state(), 1, Integer::sum));
        }
        return counts;
    }

    /** Messages that ended failed with this reason code (15: not sent within 24 hours). */
    public long failed(int reasonCode) {
        return envelopes.stream().map(id -> messages.find(bot.id(), id)).flatMap(Optional::stream)
                .filter(m -> m.state() == OutboundMessage.State.FAILED && m.failureCode() == reasonCode).count();
    }

    /** Messages left SENDING, PENDING or UNCERTAIN. */
    public long stuck() {
        return envelopes.stream().map(id -> messages.find(bot.id(), id)).flatMap(Optional::stream)
                .filter(m -> !m.isSettled()).count();
    }

    /** Deliveries to the bot (messages and notifications) not delivered: pending or dead-lettered. */
    public long undelivered() {
        return deliveries.stored.values().stream().filter(d -> d.state() != Delivery.State.DELIVERED).count();
    }

    public long deliveriesStored() {
        return deliveries.stored.size();
    }

    /** The simulated Cloud API: a sliding one-second window per number, and a fault for the rest. */
    public static final class Meta implements WhatsAppApi {
        private final int perSecond;
        private final ArrayDeque<Long> window = new ArrayDeque<>();
        private final Map<String, Integer> requests = new HashMap<>();
        /** The envelope ids Meta took, in the order it took them (twice if it took one twice). */
        private final List<String> taken = new ArrayList<>();
        private Fault fault = (envelope, at) -> null;
        private final SettableClock clock;
        /** Whether Meta sends a "sent" status webhook for each message it takes, 2 s later. */
        public boolean statusWebhooks;
        private final ArrayDeque<StatusUpdate> webhooks = new ArrayDeque<>();
        private long throttled;
        private long errors;
        private Instant lastTaken;

        Meta(int perSecond, SettableClock clock) {
            this.perSecond = perSecond;
            this.clock = clock;
        }

        public void fault(Fault fault) {
            this.fault = fault;
        }

        @Override
        public MetaOutcome send(String phoneNumberId, String to, boolean group, String payloadJson,
                String callbackData) {
            String envelope = CallbackData.parse(callbackData).map(CallbackData::envelopeId).orElse(payloadJson);
            long now = clock.millis();
            while (!window.isEmpty() && window.peekFirst() <= now - 1000) {
                window.pollFirst();
            }
            window.addLast(now);
            requests.merge(envelope, 1, Integer::sum);
            if (window.size() > perSecond) {
                throttled++;
                return new MetaOutcome.Error(400, MetaErrors.THROUGHPUT, null,
                        "(#130429) Rate limit hit", "Cloud API message throughput has been reached.");
            }
            MetaOutcome faulty = fault.apply(envelope, clock.instant());
            if (faulty instanceof MetaOutcome.Error) {
                errors++;
                return faulty;
            }
            // anything but an error answer: Meta took the message (and the customer gets it)
            taken.add(envelope);
            lastTaken = clock.instant();
            if (statusWebhooks) {
                webhooks.addLast(new StatusUpdate(phoneNumberId, "wamid." + envelope, MessageStatus.SENT,
                        clock.instant().plusSeconds(2), to, null, 0, null, null, Map.of(), callbackData));
            }
            return faulty != null ? faulty : new MetaOutcome.Sent("wamid." + envelope, to);
        }

        /** Envelopes Meta took more than once: the customer got them twice. */
        public long duplicates() {
            return taken.stream().collect(java.util.stream.Collectors.groupingBy(e -> e,
                    java.util.stream.Collectors.counting())).values().stream().filter(n -> n > 1).count();
        }

        public long taken() {
            return taken.stream().distinct().count();
        }

        /** The envelope ids Meta took, in the order it took them. */
        public List<String> takenInOrder() {
            return List.copyOf(taken);
        }

        public long requests() {
            return requests.values().stream().mapToLong(Integer::longValue).sum();
        }

        /** Requests answered 130429. */
        public long throttled() {
            return throttled;
        }

        /** Requests answered with the fault's error (5xx). */
        public long errors() {
            return errors;
        }

        public Optional<Instant> lastTaken() {
            return Optional.ofNullable(lastTaken);
        }

        @Override
        public MetaOutcome markRead(String phoneNumberId, String wamid) {
            return new MetaOutcome.Done();
        }

        @Override
        public MetaOutcome typing(String phoneNumberId, String wamid) {
            return new MetaOutcome.Done();
        }

        @Override
        public List<Template> templates(String wabaId) {
            return List.of();
        }
    }

    /** The bot's endpoints: down until a time, then taking everything, counting each body. */
    public final class BotSide implements BotEndpoint {
        private final Map<String, Integer> received = new HashMap<>();
        private Instant downUntil = START;
        private Instant lastReceived;
        private long refused;

        public void downUntil(Instant until) {
            downUntil = until;
        }

        @Override
        public String post(String url, String body, String signatureHeader, Duration timeout) {
            if (clock.instant().isBefore(downUntil)) {
                refused++;
                return "HTTP 503";
            }
            received.merge(body, 1, Integer::sum);
            lastReceived = clock.instant();
            return null;
        }

        /** Bodies the bot took more than once. */
        public long duplicates() {
            return received.values().stream().filter(n -> n > 1).count();
        }

        public long received(String event) {
            return received.keySet().stream().filter(b -> b.contains("\"event\":\"" + event + "\"")).count();
        }

        public long refused() {
            return refused;
        }

        public Optional<Instant> lastReceived() {
            return Optional.ofNullable(lastReceived);
        }
    }

    /** The LIME notifier's part that matters here: one delivery per message and event, in the customer's lane. */
    private record Notifier(Outbox outbox) implements BotNotifier {
        @Override
        public void notify(Bot bot, Notification notification) {
            enqueue(bot, notification);
        }

        @Override
        public Optional<Delivery> enqueue(Bot bot, Notification n) {
            return outbox.enqueue(bot, "notification:" + n.messageId() + ":" + n.event(), Delivery.Target.NOTIFICATIONS,
                    "{\"id\":\"" + n.messageId() + "\",\"event\":\"" + n.event().name().toLowerCase(java.util.Locale.ROOT)
                            + "\",\"code\":" + n.reasonCode() + "}",
                    n.recipientNode());
        }
    }
}
