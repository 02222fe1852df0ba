package net.wagw.domain.ports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.ContactStore;
import net.wagw.domain.contact.KnownContact;
import net.wagw.domain.delivery.BotEndpoint;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.DeliveryStore;
import net.wagw.domain.group.Group;
import net.wagw.domain.group.GroupStore;
import net.wagw.domain.optin.OptInChange;
import net.wagw.domain.optin.OptInStore;
import net.wagw.domain.send.Claims;
import net.wagw.domain.send.MessageStatus;
import net.wagw.domain.send.MessageStore;
import net.wagw.domain.send.OutboundMessage;
import net.wagw.domain.send.SentMessage;
import net.wagw.domain.send.StatusStore;
import net.wagw.domain.send.StatusUpdate;
import net.wagw.domain.send.Template;
import net.wagw.domain.send.TemplateCatalog;
import net.wagw.domain.send.UsageCounter;
import net.wagw.domain.window.WindowStore;
import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkQueue;

/**
 * The domain's ports in memory, with the contracts of the DynamoDB and SQS adapters
 * (create-if-absent, replace-if-next-version, forward-only statuses, a queue that keeps what it
 * was given), for unit tests of the rules.
 */
public final class InMemory {
    private InMemory() {
    }

    private static String key(String botId, Object id) {
        return botId + "#" + id;
    }

    public static final class Contacts implements ContactStore {
        public final Map<String, KnownContact> known = new ConcurrentHashMap<>();

        @Override
        public Optional<KnownContact> find(String botId, ContactKey key) {
            return Optional.ofNullable(known.get(key(botId, key.value())));
        }

        @Override
        public void remember(String botId, ContactKey key, KnownContact contact) {
            known.put(key(botId, key.value()), contact);
        }

        @Override
        public void rememberWaId(String botId, ContactKey key, String waId, Instant learnedAt) {
            known.merge(key(botId, key.value()), new KnownContact(waId, null, learnedAt),
                    (old, learned) -> new KnownContact(waId, old.fullName(), learnedAt));
        }
    }

    public static final class Windows implements WindowStore {
        private final Map<String, LastInbound> inbound = new ConcurrentHashMap<>();

        @Override
        public Optional<Instant> lastInbound(String botId, ContactKey customer) {
            return lastInboundMessage(botId, customer).map(LastInbound::at);
        }

        @Override
        public void recordInbound(String botId, ContactKey customer, Instant at, String wamid) {
            inbound.merge(key(botId, customer.value()), new LastInbound(at, wamid),
                    (a, b) -> a.at().isAfter(b.at()) ? a : b);
        }

        @Override
        public Optional<LastInbound> lastInboundMessage(String botId, ContactKey customer) {
            return Optional.ofNullable(inbound.get(key(botId, customer.value())));
        }
    }

    public static final class OptInChanges implements OptInStore {
        private final Map<String, List<OptInChange>> changes = new ConcurrentHashMap<>();

        @Override
        public Optional<OptInChange> current(String botId, ContactKey customer) {
            List<OptInChange> all = history(botId, customer);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }

        @Override
        public void record(String botId, ContactKey customer, OptInChange change) {
            changes.computeIfAbsent(key(botId, customer.value()), k -> new CopyOnWriteArrayList<>()).add(change);
        }

        @Override
        public List<OptInChange> history(String botId, ContactKey customer) {
            return List.copyOf(changes.getOrDefault(key(botId, customer.value()), List.of()));
        }
    }

    public static final class Catalog implements TemplateCatalog {
        private final Map<String, List<Template>> templates = new ConcurrentHashMap<>();
        private final Map<String, java.time.Instant> changedAt = new ConcurrentHashMap<>();

        @Override
        public List<Template> all(String botId) {
            return templates.getOrDefault(botId, List.of());
        }

        @Override
        public void replace(String botId, List<Template> replacement) {
            templates.put(botId, List.copyOf(replacement));
        }

        @Override
        public synchronized int update(String botId, String name, String language, String status, String category,
                java.time.Instant at) {
            int changed = 0;
            List<Template> updated = new ArrayList<>();
            for (Template t : all(botId)) {
                String key = botId + "#" + t.name() + "#" + t.language();
                boolean later = at != null && changedAt.containsKey(key) && changedAt.get(key).isAfter(at);
                if (t.name().equals(name) && (language == null || language.equals(t.language())) && !later) {
                    if (at != null) {
                        changedAt.put(key, at);
                    }
                    updated.add(new Template(t.name(), t.language(), status != null ? status : t.status(),
                            category != null ? category : t.category(), t.parameters()));
                    changed++;
                } else {
                    updated.add(t);
                }
            }
            templates.put(botId, List.copyOf(updated));
            return changed;
        }
    }

    public static final class Messages implements MessageStore {
        public final Map<String, OutboundMessage> stored = new ConcurrentHashMap<>();
        /** Runs after every look-up, for tests of requests that overlap. */
        public volatile Runnable afterFind = () -> { };
        private final Statuses statuses;

        /** @param statuses where a message Meta took is tracked ({@link #recordSent}) */
        public Messages(Statuses statuses) {
            this.statuses = statuses;
        }

        @Override
        public synchronized Recorded recordSent(OutboundMessage sent, SentMessage sentAs) {
            if (!replace(sent)) {
                return new Recorded(false, Optional.empty());
            }
            return new Recorded(true, statuses.track(sent.botId(), sent.wamid(), sent.recipientNode(), sentAs));
        }

        @Override
        public boolean create(OutboundMessage message) {
            return stored.putIfAbsent(key(message.botId(), message.id()), message) == null;
        }

        @Override
        public Optional<OutboundMessage> find(String botId, String id) {
            Optional<OutboundMessage> found = Optional.ofNullable(stored.get(key(botId, id)));
            afterFind.run();
            return found;
        }

        @Override
        public synchronized boolean replace(OutboundMessage updated) {
            String k = key(updated.botId(), updated.id());
            OutboundMessage old = stored.get(k);
            if (old == null || old.version() != updated.version() - 1) {
                return false;
            }
            stored.put(k, updated);
            return true;
        }

        public OutboundMessage get(String botId, String id) {
            return stored.get(key(botId, id));
        }
    }

    public static final class Statuses implements StatusStore {
        private record Tracked(String recipientNode, SentMessage sent, int rank) {
        }

        private record Kept(StatusUpdate status, int rank) {
        }

        private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
        private final Map<String, Kept> kept = new ConcurrentHashMap<>();
        /** By wamid, each group participant's furthest status kept, in the order they came. */
        private final Map<String, Map<String, Kept>> keptParticipants = new ConcurrentHashMap<>();

        /** Hands back the status kept, else (only participants' were) one of those: {@link #applyKept} applies them all. */
        @Override
        public synchronized Optional<StatusUpdate> track(String botId, String wamid, String recipientNode,
                SentMessage sent) {
            tracked.putIfAbsent(key(botId, wamid), new Tracked(recipientNode, sent, 0));
            return Optional.ofNullable(kept.remove(key(botId, wamid))).map(Kept::status)
                    .or(() -> keptParticipants.getOrDefault(key(botId, wamid), Map.of()).values().stream()
                            .findFirst().map(Kept::status));
        }

        @Override
        public synchronized Keep keep(String botId, String envelopeId, StatusUpdate status, int rank,
                boolean priced) {
            if (tracked.containsKey(key(botId, status.wamid()))) {
                return new TrackedMeanwhile();
            }
            Map<String, Kept> into = status.participantId() == null ? kept
                    : keptParticipants.computeIfAbsent(key(botId, status.wamid()), k -> new java.util.LinkedHashMap<>());
            into.merge(status.participantId() == null ? key(botId, status.wamid()) : status.participantId(),
                    new Kept(status, rank), (a, b) -> a.rank() >= b.rank() ? a : b);
            return new StatusStore.Kept(Billed.NOT_MARKED);
        }

        @Override
        public synchronized List<Applied> applyKept(String botId, StatusUpdate status, String envelopeId) {
            List<Applied> applied = new ArrayList<>();
            if (status.participantId() == null
                    && advanceNow(botId, status.wamid(), null, status.status().rank()) instanceof Advanced advanced) {
                applied.add(new Applied(status, advanced));
            }
            Map<String, Kept> participants = keptParticipants.remove(key(botId, status.wamid()));
            if (participants != null) {
                participants.forEach((participant, one) -> {
                    if (advanceNow(botId, status.wamid(), participant, one.rank()) instanceof Advanced advanced) {
                        applied.add(new Applied(one.status(), advanced));
                    }
                });
            }
            return applied;
        }

        public Optional<StatusUpdate> kept(String botId, String wamid) {
            return Optional.ofNullable(kept.get(key(botId, wamid))).map(Kept::status);
        }

        @Override
        public Optional<SentMessage> sent(String botId, String wamid) {
            return Optional.ofNullable(tracked.get(key(botId, wamid))).map(Tracked::sent);
        }

        /**
         * A message's advance to one status that waits until its advance to another was tried, at
         * most 1 s: whether two statuses of one message run side by side or one after another.
         */
        public void holdAdvance(String wamid, MessageStatus held, MessageStatus until) {
            holds.put(wamid + "#" + held.rank(), wamid + "#" + until.rank());
        }

        private final Map<String, String> holds = new ConcurrentHashMap<>();
        private final java.util.Set<String> tried = ConcurrentHashMap.newKeySet();

        @Override
        public Advance advance(String botId, String wamid, String envelopeId, String participant, int rank,
                boolean priced) {
            String until = holds.get(wamid + "#" + rank);
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (until != null && !tried.contains(until) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            try {
                return advanceNow(botId, wamid, participant, rank);
            } finally {
                tried.add(wamid + "#" + rank);
            }
        }

        private synchronized Advance advanceNow(String botId, String wamid, String participant, int rank) {
            Tracked message = tracked.get(key(botId, wamid));
            if (message == null) {
                return new Unknown();
            }
            String k = participant == null ? key(botId, wamid) : key(botId, wamid) + "#" + participant;
            Tracked current = tracked.getOrDefault(k, new Tracked(message.recipientNode(), message.sent(), 0));
            if (current.rank() >= rank) {
                return new Stale();
            }
            tracked.put(k, new Tracked(current.recipientNode(), current.sent(), rank));
            return new Advanced(current.sent().envelopeId(), current.recipientNode());
        }
    }

    public static final class Deliveries implements DeliveryStore {
        public final Map<String, Delivery> stored = new ConcurrentHashMap<>();

        @Override
        public boolean create(Delivery delivery) {
            return stored.putIfAbsent(key(delivery.botId(), delivery.id()), delivery) == null;
        }

        @Override
        public Optional<Delivery> createOrFind(Delivery delivery) {
            return Optional.ofNullable(stored.putIfAbsent(key(delivery.botId(), delivery.id()), delivery));
        }

        @Override
        public Optional<Delivery> find(String botId, String id) {
            return Optional.ofNullable(stored.get(key(botId, id)));
        }

        @Override
        public synchronized boolean replace(Delivery updated) {
            String k = key(updated.botId(), updated.id());
            Delivery old = stored.get(k);
            if (old == null || old.version() != updated.version() - 1) {
                return false;
            }
            stored.put(k, updated);
            return true;
        }

        @Override
        public List<Delivery> dead(String botId, int limit) {
            return stored.values().stream().filter(d -> d.botId().equals(botId) && d.state() == Delivery.State.DEAD)
                    .sorted(Comparator.comparing(Delivery::createdAt)).limit(limit).toList();
        }

        public Delivery get(String botId, String id) {
            return stored.get(key(botId, id));
        }
    }

    public static final class Groups implements GroupStore {
        private final Map<String, Group> byId = new ConcurrentHashMap<>();

        @Override
        public void save(Group group) {
            byId.put(key(group.botId(), group.id()), group);
        }

        @Override
        public Optional<Group> find(String botId, String id) {
            return Optional.ofNullable(byId.get(key(botId, id)));
        }

        @Override
        public Optional<Group> findByRequest(String botId, String requestId) {
            return byId.values().stream().filter(g -> g.botId().equals(botId) && requestId.equals(g.requestId()))
                    .findFirst();
        }

        @Override
        public Optional<Group> findByMetaId(String botId, String metaGroupId) {
            return byId.values().stream().filter(g -> g.botId().equals(botId) && metaGroupId.equals(g.metaGroupId()))
                    .findFirst();
        }

        @Override
        public List<Group> all(String botId) {
            return byId.values().stream().filter(g -> g.botId().equals(botId)).toList();
        }
    }

    /** Billable messages per day, counted once per wamid. */
    public static final class UsageCounts implements UsageCounter {
        private final Map<String, Counted> counted = new ConcurrentHashMap<>();

        private record Counted(String botId, LocalDate day, String category, String type) {
        }

        @Override
        public void count(String botId, String wamid, LocalDate day, String category, String type) {
            counted.putIfAbsent(key(botId, wamid), new Counted(botId, day, category, type));
        }

        @Override
        public List<UsageCounter.Usage> between(String botId, LocalDate from, LocalDate to) {
            Map<List<Object>, Long> byDay = new java.util.TreeMap<>(Comparator.comparing(Object::toString));
            counted.values().stream().filter(c -> c.botId().equals(botId) && !c.day().isBefore(from)
                    && !c.day().isAfter(to)).forEach(c -> byDay.merge(List.of(c.day(), c.category(), c.type()), 1L,
                            Long::sum));
            return byDay.entrySet().stream().map(e -> new UsageCounter.Usage((LocalDate) e.getKey().get(0),
                    (String) e.getKey().get(1), (String) e.getKey().get(2), e.getValue())).toList();
        }
    }

    /** At most one claim per bot, thing and period. */
    public static final class Claimed implements Claims {
        private final Map<String, Instant> last = new ConcurrentHashMap<>();

        @Override
        public synchronized boolean claim(String botId, String what, Instant now, Duration every) {
            Instant before = last.get(key(botId, what));
            if (before != null && before.isAfter(now.minus(every))) {
                return false;
            }
            last.put(key(botId, what), now);
            return true;
        }
    }

    /** The work queue: keeps what it is given, in order, with its lane and delay. */
    public static final class Queue implements WorkQueue {
        public record Queued(Work work, String lane, Duration delay) {
        }

        public final List<Queued> queued = new CopyOnWriteArrayList<>();
        /** When set, the queue is down: every enqueue fails with it. */
        public volatile RuntimeException down;

        @Override
        public void enqueue(Work work, Duration delay) {
            enqueue(work, null, delay);
        }

        @Override
        public void enqueue(Work work, String lane, Duration delay) {
            if (down != null) {
                throw down;
            }
            queued.add(new Queued(work, lane, delay));
        }

        public List<Work> works() {
            return queued.stream().map(Queued::work).toList();
        }
    }

    /** A bot's endpoint that answers as told and keeps what it was sent. */
    public static final class BotInbox implements BotEndpoint {
        public record Post(String url, String body, String signature) {
        }

        public final List<Post> posts = new CopyOnWriteArrayList<>();
        /** null: 2xx; else the failure the endpoint reports. */
        public volatile String failure;

        @Override
        public String post(String url, String body, String signatureHeader, Duration timeout) {
            posts.add(new Post(url, body, signatureHeader));
            return failure;
        }

        public List<String> bodies() {
            return new ArrayList<>(posts.stream().map(Post::body).toList());
        }
    }
}
