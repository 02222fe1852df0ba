package net.wagw.wiring;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.delivery.BotSecrets;
import net.wagw.config.WagwConfig;

/**
 * The configured bots, read once at start: {@code wagw.bot-ids} and, per id, the settings under
 * {@code wagw.bot.<id>.}: {@code access-key-sha256} (hex), {@code verification-quota},
 * {@code phone-number-id}, {@code waba-id}, {@code messages-url}, {@code notifications-url},
 * {@code callback-secret}, {@code require-opt-in}, {@code stop-keywords} (comma-separated),
 * {@code inbound-replies} ({@code reply} or {@code select}). In Lambda these are plain environment variables
 * such as {@code WAGW_BOT_<ID>_PHONE_NUMBER_ID}.
 */
@ApplicationScoped
public class BotRegistry implements BotSecrets {
    private static final long DEFAULT_VERIFICATION_QUOTA = 1000;

    private final Map<String, Entry> bots = new LinkedHashMap<>();

    /** A bot with the hash its access key must match and the secret its callbacks are signed with. */
    public record Entry(Bot bot, byte[] accessKeySha256, byte[] callbackSecret) {
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
            Bot bot = new Bot(id,
                    config.getOptionalValue(prefix + "verification-quota", Long.class).orElse(DEFAULT_VERIFICATION_QUOTA),
                    text(config, prefix + "phone-number-id"),
                    text(config, prefix + "waba-id"),
                    text(config, prefix + "messages-url"),
                    text(config, prefix + "notifications-url"),
                    config.getOptionalValue(prefix + "require-opt-in", Boolean.class).orElse(true),
                    config.getOptionalValues(prefix + "stop-keywords", String.class).orElse(null),
                    config.getOptionalValue(prefix + "inbound-replies", String.class)
                            .map(v -> Bot.InboundReplies.valueOf(v.strip().toUpperCase(java.util.Locale.ROOT)))
                            .orElse(Bot.InboundReplies.REPLY));
            byte[] secret = config.getOptionalValue(prefix + "callback-secret", String.class)
                    .map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
            bots.put(id, new Entry(bot, hashBytes, secret));
        }
    }

    public Optional<Entry> find(String botId) {
        return Optional.ofNullable(bots.get(botId));
    }

    /** The bot that owns a business phone number (webhooks name the number, not the bot). */
    public Optional<Bot> byPhoneNumberId(String phoneNumberId) {
        return bots.values().stream().map(Entry::bot)
                .filter(bot -> phoneNumberId != null && phoneNumberId.equals(bot.phoneNumberId())).findFirst();
    }

    public Collection<Bot> all() {
        return bots.values().stream().map(Entry::bot).toList();
    }

    @Override
    public byte[] callbackSecret(String botId) {
        Entry entry = bots.get(botId);
        if (entry == null || entry.callbackSecret().length == 0) {
            throw new IllegalStateException("bot '" + botId + "' has no callback-secret to sign its deliveries with");
        }
        return entry.callbackSecret();
    }

    private static String text(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(s -> !s.isBlank()).orElse(null);
    }
}
