package net.wagw.domain.ports;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.bot.BotRecord;
import net.wagw.domain.bot.BotStore;
import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.Customers;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.delivery.BotNotifier;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.Notification;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.group.Group;
import net.wagw.domain.group.GroupNotifier;
import net.wagw.domain.group.GroupService;
import net.wagw.domain.group.GroupsApi;
import net.wagw.domain.identity.Following;
import net.wagw.domain.identity.Identities;
import net.wagw.domain.inbound.FieldEvent;
import net.wagw.domain.inbound.FieldEvents;
import net.wagw.domain.inbound.InboundMessage;
import net.wagw.domain.inbound.InboundRendering;
import net.wagw.domain.inbound.InboundService;
import net.wagw.domain.inbound.WebhookIngestion;
import net.wagw.domain.media.MediaFiles;
import net.wagw.domain.media.MediaRecord;
import net.wagw.domain.media.MediaRecords;
import net.wagw.domain.media.MediaService;
import net.wagw.domain.meta.MetaOutcome;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.send.Recipients;
import net.wagw.domain.send.SendService;
import net.wagw.domain.send.StatusEffects;
import net.wagw.domain.send.Template;
import net.wagw.domain.send.TemplateSync;
import net.wagw.domain.send.WhatsAppApi;
import net.wagw.domain.window.WindowStore;
import net.wagw.domain.work.Pacer;
import net.wagw.domain.work.Work;
import net.wagw.numbering.LibPhoneNumberPlan;
import net.wagw.testing.SettableClock;

/**
 * Every domain service on in-memory ports, one bot, a clock that moves only when told: the rules
 * run in milliseconds, with no Quarkus, DynamoDB, SQS or HTTP.
 */
public final class World {
    public static final String PHONE_NUMBER_ID = "1110001";
    public static final Bot BOT = new Bot("bot-a", 1000, PHONE_NUMBER_ID, "waba-a", "https://bot.example/messages",
            "https://bot.example/notifications", true, null);
    public static final Bot WITHOUT_NUMBER = new Bot("bot-n", 1000, null, null, null, null, true, null);

    public final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    public final Nodes nodes = new Nodes("wa.gw.msging.net");
    public final PhoneNumbers numbers = new PhoneNumbers(new LibPhoneNumberPlan());
    public final Customers customers = new Customers(numbers, nodes);
    public final InMemory.Contacts contactStore = new InMemory.Contacts();
    public final InMemory.Windows windows = new InMemory.Windows();
    public final InMemory.OptInChanges optInStore = new InMemory.OptInChanges();
    /** The raw stores, as the wiring gives them; everything else sees them through {@link Following}. */
    public final Identities identities = new Identities(contactStore, numbers, windows, optInStore, clock);
    public final Contacts contacts = new Contacts(Following.contacts(contactStore, identities), numbers, clock);
    public final WindowStore followedWindows = Following.windows(windows, identities);
    public final OptIns optIns = new OptIns(Following.optIns(optInStore, identities), clock);
    public final InMemory.UsageCounts usage = new InMemory.UsageCounts();
    public final InMemory.Catalog catalog = new InMemory.Catalog();
    public final InMemory.Statuses statuses = new InMemory.Statuses();
    public final InMemory.Messages messages = new InMemory.Messages(statuses);
    public final InMemory.Deliveries deliveries = new InMemory.Deliveries();
    public final InMemory.Groups groupStore = new InMemory.Groups();
    public final InMemory.Queue queue = new InMemory.Queue();
    public final InMemory.BotInbox botInbox = new InMemory.BotInbox();
    public final Meta meta = new Meta();
    public final MetaGroups metaGroups = new MetaGroups();
    public final Told told = new Told();
    public final Outbox outbox = new Outbox(deliveries, botInbox, botId -> ("secret-of-" + botId).getBytes(), queue,
            clock, Duration.ofSeconds(3), Outbox.DEFAULT_GIVE_UP_AFTER);
    public final GroupService groups = new GroupService(groupStore, metaGroups, told, customers, clock);
    public final StatusEffects effects = new StatusEffects(statuses, told, optIns, usage, nodes, identities::keyOf, messages);
    public final SendService send = new SendService(new Recipients(customers, nodes), contacts, identities, followedWindows,
            optIns, catalog, new TemplateSync(meta, catalog, new InMemory.Claimed(), clock), messages, meta, told,
            statuses, effects, groups, queue, new Pacer(clock, 1000), clock);
    public final InboundService inbound = new InboundService(identities, windows, optIns, outbox, effects);
    public final FieldEvents fieldEvents = new FieldEvents(identities, followedWindows, optIns, catalog, outbox);

    public final Map<String, MediaRecord> media = new ConcurrentHashMap<>();
    public final List<String> rendered = new CopyOnWriteArrayList<>();
    /** Messages and events whose rendering takes a while (wamid or event id -> how long), for a batch's order. */
    public final Map<String, Duration> slowToRender = new ConcurrentHashMap<>();
    /**
     * Messages and events whose rendering waits until another's delivery is queued (id -> that
     * delivery's id), at most 10 s: an interleaving of two lanes that holds however slow the machine.
     */
    public final Map<String, String> rendersOnceQueued = new ConcurrentHashMap<>();
    /** Messages whose handling meets an outage (the store down, say) while they are rendered. */
    public final java.util.Set<String> outageWhileRendering = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "world-worker");
        thread.setDaemon(true);
        return thread;
    });

    /** Webhook ingestion for {@link #BOT}; what it renders for the bot names the message and its group. */
    public WebhookIngestion ingestion() {
        BotRecord record = new BotRecord(BOT, "0".repeat(64), null, BotRecord.InboundReplies.TEXT, true, clock.instant());
        BotStore bots = new BotStore() {
            @Override
            public List<BotRecord> all() {
                return List.of(record);
            }

            @Override
            public Optional<BotRecord> find(String botId) {
                return Optional.of(record).filter(r -> r.id().equals(botId));
            }

            @Override
            public void put(BotRecord bot) {
                throw new UnsupportedOperationException();
            }
        };
        MediaService files = new MediaService(new MediaRecords() {
            @Override
            public void recordInbound(MediaRecord received) {
                media.putIfAbsent(received.mediaId(), received);
            }

            @Override
            public Optional<MediaRecord> find(String botId, String mediaId) {
                return Optional.ofNullable(media.get(mediaId));
            }

            @Override
            public void markCopied(String botId, String mediaId, String contentType, long size, Instant at) {
                throw new UnsupportedOperationException("copies are the queue's");
            }

            @Override
            public int countFailedAttempt(String botId, String mediaId) {
                throw new UnsupportedOperationException("copies are the queue's");
            }

            @Override
            public void recordUpload(String clientId, MediaRecord uploaded) {
                throw new UnsupportedOperationException("no uploads here");
            }

            @Override
            public Optional<MediaRecord> findUpload(String botId, String clientId) {
                return Optional.empty();
            }
        }, unused(), (mediaId, maxBytes) -> {
            throw new UnsupportedOperationException("copies are the queue's");
        }, (phoneNumberId, contentType, filename, bytes) -> {
            throw new UnsupportedOperationException("no uploads here");
        }, queue, clock, Duration.ofDays(30), null, 1 << 20, 1 << 20);
        InboundRendering rendering = new InboundRendering() {
            @Override
            public String render(Bot bot, InboundMessage message) {
                slowly(message.wamid());
                if (outageWhileRendering.contains(message.wamid())) {
                    throw new IllegalStateException("the store is down");
                }
                rendered.add(message.wamid());
                return "{\"id\":\"" + message.wamid() + "\",\"group\":\"" + message.groupId() + "\"}";
            }

            @Override
            public String render(Bot bot, FieldEvent event) {
                slowly(event.id());
                rendered.add(event.id());
                return "{\"event\":\"" + event.field() + "\",\"id\":\"" + event.id() + "\"}";
            }
        };
        return new WebhookIngestion(new BotDirectory(bots, clock, Duration.ofMinutes(1), List.of()), inbound, groups,
                files, queue, fieldEvents, rendering, workers, e -> e instanceof Unstorable);
    }

    private void slowly(String id) {
        String first = rendersOnceQueued.get(id);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (first != null && System.nanoTime() < deadline && queue.queued.stream()
                .noneMatch(q -> q.work() instanceof Work.Deliver deliver && deliver.deliveryId().equals(first))) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Duration slow = slowToRender.get(id);
        if (slow != null) {
            try {
                Thread.sleep(slow.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What a store throws for a value it refuses (too large for an item, say): no outage. */
    public static final class Unstorable extends RuntimeException {
        public Unstorable(String message) {
            super(message);
        }
    }

    private static MediaFiles unused() {
        return new MediaFiles() {
            @Override
            public void put(String key, String contentType, byte[] bytes) {
                throw new UnsupportedOperationException("copies are the queue's");
            }

            @Override
            public Optional<StoredFile> get(String key) {
                return Optional.empty();
            }

            @Override
            public URI temporaryLink(String key, Duration validity) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Meta's Cloud API, answering what a test queued (Sent by default) and keeping what it was sent. */
    public static final class Meta implements WhatsAppApi {
        public record Call(String phoneNumberId, String to, boolean group, String payloadJson, String callbackData) {
        }

        public final List<Call> sends = new CopyOnWriteArrayList<>();
        public final Deque<MetaOutcome> answers = new ConcurrentLinkedDeque<>();
        public final List<Template> templates = new CopyOnWriteArrayList<>();
        public volatile Runnable beforeAnswer = () -> { };
        private int wamids;

        @Override
        public synchronized MetaOutcome send(String phoneNumberId, String to, boolean group, String payloadJson,
                String callbackData) {
            sends.add(new Call(phoneNumberId, to, group, payloadJson, callbackData));
            MetaOutcome next = answers.poll();
            String wamid = "wamid." + (++wamids);
            beforeAnswer.run();
            return next != null ? next : new MetaOutcome.Sent(wamid, to);
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
            return List.copyOf(templates);
        }
    }

    /** Meta's Groups API: every call succeeds with a fixed answer, and is kept. */
    public static final class MetaGroups implements GroupsApi {
        public final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public Answer<String> create(String phoneNumberId, String subject, String description, String joinApprovalMode) {
            calls.add("create " + subject);
            return new Answer<>("REQ-" + calls.size(), null);
        }

        @Override
        public Answer<Boolean> delete(String metaGroupId) {
            calls.add("delete " + metaGroupId);
            return new Answer<>(true, null);
        }

        @Override
        public Answer<String> inviteLink(String metaGroupId) {
            return new Answer<>("https://chat.whatsapp.com/" + metaGroupId, null);
        }

        @Override
        public Answer<String> resetInviteLink(String metaGroupId) {
            return new Answer<>("https://chat.whatsapp.com/new-" + metaGroupId, null);
        }

        @Override
        public Answer<Boolean> removeParticipants(String metaGroupId, List<String> users) {
            calls.add("remove " + users);
            return new Answer<>(true, null);
        }

        @Override
        public Answer<List<JoinRequest>> joinRequests(String metaGroupId) {
            return new Answer<>(List.of(), null);
        }

        @Override
        public Answer<Boolean> answerJoinRequests(String metaGroupId, List<String> joinRequestIds, boolean approve) {
            return new Answer<>(true, null);
        }
    }

    /** What the bot is told (notifications and group events), in order, each stored once in the outbox. */
    public final class Told implements BotNotifier, GroupNotifier {
        public final List<Notification> notifications = new CopyOnWriteArrayList<>();
        public final List<String> groupEvents = new CopyOnWriteArrayList<>();

        @Override
        public void notify(Bot bot, Notification notification) {
            enqueue(bot, notification);
        }

        @Override
        public Optional<Delivery> enqueue(Bot bot, Notification notification) {
            Optional<Delivery> stored = outbox.enqueue(bot, "n:" + notification.messageId() + ":" + notification.event(),
                    Delivery.Target.NOTIFICATIONS, notification.toString());
            stored.ifPresent(d -> notifications.add(notification));
            return stored;
        }

        @Override
        public Optional<Delivery> enqueue(Bot bot, Group group, String event, String rawJson) {
            Optional<Delivery> stored = outbox.enqueue(bot, "g:" + group.id() + ":" + rawJson,
                    Delivery.Target.MESSAGES, event + " " + group.status());
            stored.ifPresent(d -> groupEvents.add(event));
            return stored;
        }

        public List<String> events(String messageId) {
            return notifications.stream().filter(n -> n.messageId().equals(messageId))
                    .map(n -> n.event().name().toLowerCase(java.util.Locale.ROOT)).toList();
        }
    }
}
