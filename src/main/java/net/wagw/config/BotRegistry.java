package net.wagw.config;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import net.wagw.domain.bot.Bot;

/**
 * The configured bots, read once at start: {@code wagw.bot-ids} and, per id,
 * {@code wagw.bot.<id>.access-key-sha256} (hex) and {@code wagw.bot.<id>.verification-quota}.
 */
@ApplicationScoped
public class BotRegistry {
    private static final long DEFAULT_VERIFICATION_QUOTA = 1000;

    private final Map<String, Entry> bots = new LinkedHashMap<>();

    /** A bot with the hash its access key must match. */
    public record Entry(Bot bot, byte[] accessKeySha256) {
    }

    @Inject
    public BotRegistry(WagwConfig wagw, Config config) {
        for (String id : wagw.botIds().orElse(List.of())) {
            String prefix = "wagw.bot." + id + ".";
            String hash = config.getOptionalValue(prefix + "access-key-sha256", String.class)
                    .orElseThrow(() -> new IllegalStateException("bot '" + id + "' has no " + prefix + "access-key-sha256"));
            byte[] hashBytes = HexFormat.of().parseHex(hash.trim().toLowerCase());
            if (hashBytes.length != 32) {
                throw new IllegalStateException(prefix + "access-key-sha256 must be 64 hex digits");
            }
            long quota = config.getOptionalValue(prefix + "verification-quota", Long.class)
                    .orElse(DEFAULT_VERIFICATION_QUOTA);
            bots.put(id, new Entry(new Bot(id, quota), hashBytes));
        }
    }

    public Optional<Entry> find(String botId) {
        return Optional.ofNullable(bots.get(botId));
    }
}
