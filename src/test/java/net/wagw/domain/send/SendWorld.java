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
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.ContactStore;
import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.Customers;
import net.wagw.domain.contact.KnownContact;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.content.TemplateMessage;
import net.wagw.domain.delivery.BotEndpoint;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.DeliveryStore;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.group.Group;
import net.wagw.domain.group.GroupService;
import net.wagw.domain.group.GroupStore;
import net.wagw.domain.optin.OptInChange;
import net.wagw.domain.optin.OptInStore;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.window.WindowStore;
import net.wagw.domain.work.Pacer;
import net.wagw.domain.work.VirtualTimeQueue;
import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkResult;
import net.wagw.testing.SettableClock;

/**
 * One bot's sending in virtual time: the real {@link SendService}, {@link Pacer}, {@link MetaErrors}
 * and {@link Outbox} on a {@link VirtualTimeQueue}, with in-memory stores, a simulated Meta that
 * answers 130429 to every request over its per-second limit (and whatever fault a scenario sets),
 * and a simulated bot that counts what it was told. For the queue's drain test and benchmark.
 */
public final class SendWorld {
    public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    static final String DOMAIN = "wa.gw.msging.net";
    static final String PHONE_NUMBER_ID = "106540352242922";
    private static final Pattern ENVELOPE = Pattern.compile("\"biz_opaque_callback_data\":\"([^\"]+)\"");

    /** What Meta does with one request it did not refuse for throughput; null: takes it and answers its id. */
    public interface Fault extends BiFunction<String, Instant, MetaOutcome> {
    }

    public final SettableClock clock = new SettableClock(START);
    public final VirtualTimeQueue queue = new VirtualTimeQueue(clock);
    public final Meta meta;
    public final BotSide botSide = new BotSide();
    final Messages messages = new Messages();
    final Deliveries deliveries = new Deliveries();
    final Bot bot = new Bot("sim", 0, PHONE_NUMBER_ID, null, "https://bot.example/messages",
            "https://bot.example/notifications", false, null);
    final Outbox outbox;
    final SendService sending;
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
        PhoneNumbers numbers = new PhoneNumbers();
        Customers customers = new Customers(numbers, nodes);
        OptIns optIns = new OptIns(new NoOptIns(), clock);
        Notifier notifier = new Notifier(outbox);
        Statuses statuses = new Statuses();
        StatusEffects effects = new StatusEffects(statuses, notifier, optIns, new NoUsage(), nodes, id -> Optional.empty());
        Known known = new Known();
        NoWindows windows = new NoWindows();
        sending = new SendService(new Recipients(customers, nodes), new Contacts(known, numbers, clock),
                new net.wagw.domain.identity.Identities(known, numbers, windows, new NoOptIns(), clock), windows, optIns, new Catalog(), new TemplateSync(meta, new Catalog(), (botId, what, now, every) -> true, clock), messages, meta, notifier,
                statuses, effects, new GroupService(new NoGroups(), null, null, customers, clock), queue, new Pacer(clock, sendRate), clock, wait -> clock.advance(wait.isZero() ? Duration.ofMillis(1) : wait));
    }

    /** The {@code n}-th customer: a valid Brazilian mobile number, one per n below 100,000. */
    public static String customer(int n) {
        return String.format("55319%08d@%s", 80_000_000 + n, DOMAIN);
    }

    /** The bot posts a template message; the answer is its id, or the refusal's description. */
    public String post(String envelopeId, String to) {
        envelopes.add(envelopeId);
        String payload = "{\"type\":\"template\",\"template\":{\"name\":\"order_update\",\"language\":{\"code\":\"pt_BR\"}},"
                + "\"biz_opaque_callback_data\":\"" + envelopeId + "\"}";
        TemplateMessage template = new TemplateMessage("order_update", "pt_BR", null, Map.of());
        SendRequest request = SendRequest.of(envelopeId, to, new RenderedMessage(template, List.of(payload)), Map.of());
        try {
            return sending.send(bot, request);
        } catch (net.wagw.domain.Refusal refusal) {
            return refusal.getMessage();
        }
    }

    /** A customer's message for the bot, stored and queued as the webhook does. */
    public void inbound(String id, String from) {
        outbox.enqueue(bot, "message:" + id, Delivery.Target.MESSAGES, "{\"id\":\"" + id + "\"}", from);
    }

    /** Runs the queue (the dispatch function) until nothing is left or {@code horizon} has passed. */
    public void drain(Duration horizon) {
        queue.run(work -> work instanceof Work.Send send ? sending.retry(bot, send)
                : work instanceof Work.Deliver deliver ? outbox.attempt(bot, deliver) : WorkResult.DONE,
                START.plus(horizon));
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
        return deliveries.rows.rows.values().stream().filter(d -> d.state() != Delivery.State.DELIVERED).count();
    }

    public long deliveriesStored() {
        return deliveries.rows.rows.size();
    }

    /** The simulated Cloud API: a sliding one-second window per number, and a fault for the rest. */
    public static final class Meta implements WhatsAppApi {
        private final int perSecond;
        private final ArrayDeque<Long> window = new ArrayDeque<>();
        private final Map<String, Integer> requests = new HashMap<>();
        private final Map<String, Integer> taken = new HashMap<>();
        private Fault fault = (envelope, at) -> null;
        private final SettableClock clock;
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
        public MetaOutcome send(String phoneNumberId, String to, boolean group, String payloadJson) {
            Matcher m = ENVELOPE.matcher(payloadJson);
            String envelope = m.find() ? m.group(1) : payloadJson;
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
            taken.merge(envelope, 1, Integer::sum);
            lastTaken = clock.instant();
            return faulty != null ? faulty : new MetaOutcome.Sent("wamid." + envelope, to);
        }

        /** Envelopes Meta took more than once: the customer got them twice. */
        public long duplicates() {
            return taken.values().stream().filter(n -> n > 1).count();
        }

        public long taken() {
            return taken.size();
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
        public Media media(String mediaId, long maxBytes) {
            throw new UnsupportedOperationException("media is not simulated");
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
                    "{\"id\":\"" + n.messageId() + "\",\"event\":\"" + n.event() + "\",\"code\":" + n.reasonCode() + "}",
                    n.recipientNode());
        }
    }

    /** Rows by bot and id, each change conditional on the version read, as the DynamoDB tables do. */
    private static final class Rows<T> {
        private final Map<String, T> rows = new HashMap<>();
        private final Function<T, String> key;
        private final ToLongFunction<T> version;

        Rows(Function<T, String> key, ToLongFunction<T> version) {
            this.key = key;
            this.version = version;
        }

        boolean create(T row) {
            return rows.putIfAbsent(key.apply(row), row) == null;
        }

        Optional<T> find(String botId, String id) {
            return Optional.ofNullable(rows.get(botId + "/" + id));
        }

        boolean replace(T updated) {
            T stored = rows.get(key.apply(updated));
            if (stored == null || version.applyAsLong(stored) != version.applyAsLong(updated) - 1) {
                return false;
            }
            rows.put(key.apply(updated), updated);
            return true;
        }
    }

    static final class Messages implements MessageStore {
        private final Rows<OutboundMessage> rows = new Rows<>(m -> m.botId() + "/" + m.id(), OutboundMessage::version);

        @Override
        public boolean create(OutboundMessage message) {
            return rows.create(message);
        }

        @Override
        public Optional<OutboundMessage> find(String botId, String id) {
            return rows.find(botId, id);
        }

        @Override
        public boolean replace(OutboundMessage updated) {
            return rows.replace(updated);
        }
    }

    static final class Deliveries implements DeliveryStore {
        private final Rows<Delivery> rows = new Rows<>(d -> d.botId() + "/" + d.id(), Delivery::version);

        @Override
        public boolean create(Delivery delivery) {
            return rows.create(delivery);
        }

        @Override
        public Optional<Delivery> find(String botId, String id) {
            return rows.find(botId, id);
        }

        @Override
        public boolean replace(Delivery updated) {
            return rows.replace(updated);
        }

        @Override
        public List<Delivery> dead(String botId, int limit) {
            return rows.rows.values().stream().filter(d -> d.botId().equals(botId) && d.state() == Delivery.State.DEAD)
                    .limit(limit).toList();
        }
    }

    private static final class Statuses implements StatusStore {
        private final Map<String, SentMessage> sent = new HashMap<>();

        /** No status webhook comes in the simulation, so none is kept to hand back. */
        @Override
        public Optional<net.wagw.domain.inbound.StatusUpdate> track(String botId, String wamid, String recipientNode,
                SentMessage message) {
            sent.put(botId + "/" + wamid, message);
            return Optional.empty();
        }

        @Override
        public boolean keep(String botId, net.wagw.domain.inbound.StatusUpdate status, int rank) {
            return true;
        }

        @Override
        public Optional<SentMessage> sent(String botId, String wamid) {
            return Optional.ofNullable(sent.get(botId + "/" + wamid));
        }

        @Override
        public Advance advance(String botId, String wamid, String participant, int rank) {
            return new Unknown();
        }
    }

    private static final class NoUsage implements UsageCounter {
        @Override
        public void count(String botId, String wamid, java.time.LocalDate day, String category, String type) {
        }

        @Override
        public List<Usage> between(String botId, java.time.LocalDate from, java.time.LocalDate to) {
            return List.of();
        }
    }

    private static final class Known implements ContactStore {
        private final Map<String, KnownContact> rows = new HashMap<>();

        @Override
        public Optional<KnownContact> find(String botId, ContactKey key) {
            return Optional.ofNullable(rows.get(botId + "/" + key));
        }

        @Override
        public void remember(String botId, ContactKey key, KnownContact contact) {
            rows.put(botId + "/" + key, contact);
        }

        @Override
        public void rememberWaId(String botId, ContactKey key, String waId, Instant learnedAt) {
            rows.put(botId + "/" + key, new KnownContact(waId, null, learnedAt));
        }
    }

    /** An empty catalog: every template goes (docs/contracts.md §3.3 rule 3, not synced yet). */
    private static final class Catalog implements TemplateCatalog {
        @Override
        public List<Template> all(String botId) {
            return List.of();
        }

        @Override
        public void replace(String botId, List<Template> templates) {
        }

        @Override
        public int update(String botId, String name, String language, String status, String category) {
            return 0;
        }
    }

    /** Templates need no window and this bot no opt-in: neither store is read. */
    private static final class NoWindows implements WindowStore {
        @Override
        public Optional<Instant> lastInbound(String botId, ContactKey customer) {
            return Optional.empty();
        }

        @Override
        public void recordInbound(String botId, ContactKey customer, Instant at, String wamid) {
        }

        @Override
        public Optional<LastInbound> lastInboundMessage(String botId, ContactKey customer) {
            return Optional.empty();
        }

        @Override
        public void recordFreeEntryPoint(String botId, ContactKey customer, Instant until) {
        }

        @Override
        public Optional<Instant> freeEntryPointUntil(String botId, ContactKey customer) {
            return Optional.empty();
        }
    }

    private static final class NoOptIns implements OptInStore {
        @Override
        public Optional<OptInChange> current(String botId, ContactKey customer) {
            return Optional.empty();
        }

        @Override
        public void record(String botId, ContactKey customer, OptInChange change) {
        }

        @Override
        public List<OptInChange> history(String botId, ContactKey customer) {
            return List.of();
        }
    }

    /** The simulation sends to customers only. */
    private static final class NoGroups implements GroupStore {
        @Override
        public void save(Group group) {
        }

        @Override
        public Optional<Group> find(String botId, String id) {
            return Optional.empty();
        }

        @Override
        public Optional<Group> findByRequest(String botId, String requestId) {
            return Optional.empty();
        }

        @Override
        public Optional<Group> findByMetaId(String botId, String metaGroupId) {
            return Optional.empty();
        }

        @Override
        public List<Group> all(String botId) {
            return List.of();
        }
    }
}
