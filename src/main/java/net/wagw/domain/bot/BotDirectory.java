package net.wagw.domain.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The bots this process serves: the bots table, read on first use and again once the copy is older
 * than the maximum age, so bots are added, changed and disabled without a deploy or a restart
 * (docs/contracts.md §10). Bots declared in configuration (the local run, tests) are written to the
 * table when it lacks them. When the table cannot be read, the last copy keeps serving and the read
 * is tried again a few seconds later; with no copy at all the failure reaches the caller.
 */
public final class BotDirectory {
    private static final Logger LOG = Logger.getLogger(BotDirectory.class.getName());
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

    private final BotStore store;
    private final Clock clock;
    private final Duration maxAge;
    private final List<BotRecord> configured;
    private volatile Snapshot snapshot;
    private volatile boolean seeded;

    private record Snapshot(Map<String, BotRecord> byId, Map<String, BotRecord> byPhoneNumberId, Instant readAt,
            Instant nextReadAt) {
    }

    public BotDirectory(BotStore store, Clock clock, Duration maxAge, List<BotRecord> configured) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("the bots' cache age must not be negative");
        }
        this.store = store;
        this.clock = clock;
        this.maxAge = maxAge;
        this.configured = List.copyOf(configured);
    }

    public Duration maxAge() {
        return maxAge;
    }

    /** The bot with this id, enabled or not. */
    public Optional<BotRecord> find(String botId) {
        return Optional.ofNullable(current().byId().get(botId));
    }

    /** The bot that owns a business phone number (webhooks name the number, not the bot), enabled or not. */
    public Optional<BotRecord> byPhoneNumberId(String phoneNumberId) {
        return phoneNumberId == null ? Optional.empty() : Optional.ofNullable(current().byPhoneNumberId().get(phoneNumberId));
    }

    public boolean isEnabled(String botId) {
        return find(botId).map(BotRecord::enabled).orElse(false);
    }

    /** Every bot, enabled or not. */
    public Collection<BotRecord> records() {
        return current().byId().values();
    }

    /** The bots that are served: the scheduled work runs for these only. */
    public List<Bot> enabled() {
        return records().stream().filter(BotRecord::enabled).map(BotRecord::bot).toList();
    }

    /** Reads the table now, whatever the copy's age. */
    public void reread() {
        Snapshot previous = snapshot;
        snapshot = read(previous);
    }

    private Snapshot current() {
        Snapshot held = snapshot;
        Instant now = clock.instant();
        // a clock set back (tests) counts as an old copy too
        if (held != null && !now.isBefore(held.readAt()) && now.isBefore(held.nextReadAt())) {
            return held;
        }
        synchronized (this) {
            held = snapshot;
            if (held == null || now.isBefore(held.readAt()) || !now.isBefore(held.nextReadAt())) {
                held = read(held);
                snapshot = held;
            }
            return held;
        }
    }

    private Snapshot read(Snapshot previous) {
        Instant now = clock.instant();
        List<BotRecord> records;
        try {
            records = seeded(store.all());
        } catch (RuntimeException unreadable) {
            if (previous == null && configured.isEmpty()) {
                throw unreadable;
            }
            LOG.warning("the bots table cannot be read (" + unreadable + "); serving "
                    + (previous == null ? "the configured bots" : "the copy read at " + previous.readAt()));
            if (previous == null) {
                Snapshot declared = snapshotOf(configured, now);
                return new Snapshot(declared.byId(), declared.byPhoneNumberId(), now, now.plus(RETRY_AFTER_FAILURE));
            }
            return new Snapshot(previous.byId(), previous.byPhoneNumberId(), previous.readAt(),
                    now.plus(RETRY_AFTER_FAILURE));
        }
        return snapshotOf(records, now);
    }

    private Snapshot snapshotOf(List<BotRecord> records, Instant now) {
        Map<String, BotRecord> byId = new LinkedHashMap<>();
        Map<String, BotRecord> byNumber = new LinkedHashMap<>();
        for (BotRecord record : records) {
            byId.put(record.id(), record);
            record.bot().phoneNumber().ifPresent(number -> {
                BotRecord other = byNumber.putIfAbsent(number, record);
                if (other != null && !other.enabled() && record.enabled()) {
                    byNumber.put(number, record); // a number moved to a new bot: the enabled one owns it
                }
            });
        }
        return new Snapshot(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(byNumber), now,
                now.plus(maxAge));
    }

    /**
     * Configuration declares bots at start: the first read writes every configured bot (changes made
     * since through the admin routes last until the next start); later reads write back only the
     * configured bots the table lacks (a local database started afresh).
     */
    private List<BotRecord> seeded(List<BotRecord> stored) {
        if (configured.isEmpty()) {
            return stored;
        }
        Map<String, BotRecord> all = new LinkedHashMap<>();
        stored.forEach(record -> all.put(record.id(), record));
        for (BotRecord bot : configured) {
            if (!seeded || !all.containsKey(bot.id())) {
                store.put(bot);
                all.put(bot.id(), bot);
            }
        }
        seeded = true;
        return List.copyOf(all.values());
    }
}
