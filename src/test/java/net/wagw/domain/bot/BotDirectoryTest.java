package net.wagw.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import net.wagw.testing.SettableClock;

class BotDirectoryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String HASH = "11aef9adae595eee500438415ec454695dd13ae74091a7b6fa472cd3d0045554";

    /** The bots table in memory, counting reads, failing on demand. */
    static final class MemoryBots implements BotStore {
        final Map<String, BotRecord> records = new LinkedHashMap<>();
        int scans;
        boolean down;

        @Override
        public List<BotRecord> all() {
            if (down) {
                throw new IllegalStateException("DynamoDB unreachable");
            }
            scans++;
            return new ArrayList<>(records.values());
        }

        @Override
        public Optional<BotRecord> find(String botId) {
            return Optional.ofNullable(records.get(botId));
        }

        @Override
        public void put(BotRecord bot) {
            records.put(bot.id(), bot);
        }
    }

    private final MemoryBots store = new MemoryBots();
    private final SettableClock clock = new SettableClock(T0);

    static BotRecord bot(String id, String phoneNumberId, boolean enabled) {
        return new BotRecord(new Bot(id, 10, phoneNumberId, null, null, null, true, null), HASH, null,
                BotRecord.InboundReplies.TEXT, enabled, T0);
    }

    @Test
    void aBotWrittenToTheTableIsServedOnceTheCopyIsOlderThanTheMaximumAgeAndNotBefore() {
        BotDirectory directory = new BotDirectory(store, clock, Duration.ofSeconds(60), List.of());
        assertThat(directory.find("new")).isEmpty();

        store.put(bot("new", "555", true));
        clock.set(T0.plusSeconds(59));
        assertThat(directory.find("new")).as("within the age: the copy read at T0").isEmpty();

        clock.set(T0.plusSeconds(60));
        assertThat(directory.find("new")).isPresent();
        assertThat(directory.byPhoneNumberId("555")).map(BotRecord::id).contains("new");
        assertThat(store.scans).as("one read per age, not per lookup").isEqualTo(2);
    }

    @Test
    void aDisabledBotIsFoundButNotAmongTheBotsServed() {
        store.put(bot("off", "556", false));
        store.put(bot("on", "557", true));
        BotDirectory directory = new BotDirectory(store, clock, Duration.ofSeconds(60), List.of());

        assertThat(directory.isEnabled("off")).isFalse();
        assertThat(directory.byPhoneNumberId("556")).isPresent();
        assertThat(directory.enabled()).extracting(Bot::id).containsExactly("on");
    }

    @Test
    void configuredBotsAreWrittenAtTheFirstReadAndWrittenBackWhenTheTableLosesThem() {
        BotRecord configured = bot("local", "558", true);
        BotDirectory directory = new BotDirectory(store, clock, Duration.ofSeconds(60), List.of(configured));
        assertThat(directory.find("local")).isPresent();
        assertThat(store.records).containsKey("local");

        store.put(configured.withEnabled(false, T0));
        clock.set(T0.plusSeconds(61));
        assertThat(directory.isEnabled("local")).as("a change made after start lasts").isFalse();

        store.records.clear();
        clock.set(T0.plusSeconds(122));
        assertThat(directory.isEnabled("local")).as("a fresh database gets the configured bot back").isTrue();
        assertThat(store.records).containsKey("local");
    }

    @Test
    void anUnreadableTableKeepsTheLastCopyOrTheConfiguredBotsServingAndFailsOnlyWithNeither() {
        BotDirectory cold = new BotDirectory(store, clock, Duration.ofSeconds(60), List.of());
        store.down = true;
        assertThatThrownBy(() -> cold.find("a")).hasMessageContaining("unreachable");

        store.down = false;
        store.put(bot("a", "559", true));
        BotDirectory warm = new BotDirectory(store, clock, Duration.ofSeconds(60), List.of());
        assertThat(warm.find("a")).isPresent();
        store.down = true;
        clock.set(T0.plusSeconds(61));
        assertThat(warm.find("a")).isPresent();

        BotDirectory declared = new BotDirectory(store, clock, Duration.ofSeconds(60), List.of(bot("local", "560", true)));
        assertThat(declared.find("local")).as("the configured bots, before any copy").isPresent();
    }

    @Test
    void aRecordRefusesABadIdOrHash() {
        assertThatThrownBy(() -> new BotRecord(new Bot("a b", 1), HASH, null, BotRecord.InboundReplies.TEXT, true, T0))
                .hasMessageContaining("bot id");
        assertThatThrownBy(() -> new BotRecord(new Bot("a", 1), "abc", null, BotRecord.InboundReplies.TEXT, true, T0))
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> BotRecord.InboundReplies.parse("buttons")).hasMessageContaining("text or select");
    }
}
