package net.wagw.domain.bot;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bot as the bots table holds it (docs/contracts.md §10): its settings, the hash its access key
 * must match, where its callback secret lives, and whether it is served at all.
 *
 * @param bot               the settings every function reads
 * @param accessKeySha256   hex SHA-256 of the bot's access key (64 digits)
 * @param callbackSecretRef where the secret that signs its deliveries lives: a Secrets Manager
 *                          name or ARN in AWS, a configuration key locally; null when it has none
 * @param inboundReplies    how replies to its interactive messages reach it (docs/contracts.md §3.5)
 * @param enabled           a disabled bot is refused and its webhooks are kept, not forwarded
 * @param updatedAt         when the record was last written
 */
public record BotRecord(Bot bot, String accessKeySha256, String callbackSecretRef, InboundReplies inboundReplies,
        boolean enabled, Instant updatedAt) {
    /** Bot ids are the prefix of every key the bot owns and part of its Authorization key. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The two forms of a reply to an interactive message (docs/contracts.md §3.5). */
    public enum InboundReplies {
        /** The reply as a plain text message carrying its context (the default). */
        TEXT,
        /** The older form: a select reply (the chosen option) as the bot sent it. */
        SELECT;

        public static InboundReplies parse(String value) {
            // "reply" is how the renderers name the default form (BLiP's reply+json)
            if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("reply")) {
                return TEXT;
            }
            for (InboundReplies form : values()) {
                if (form.name().equalsIgnoreCase(value.trim())) {
                    return form;
                }
            }
            throw new IllegalArgumentException("inbound-replies must be text or select, not '" + value + "'");
        }

        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public BotRecord {
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(inboundReplies, "inboundReplies");
        Objects.requireNonNull(updatedAt, "updatedAt");
        // the renderers read the dialect from the bot itself
        Bot.InboundReplies form = inboundReplies == InboundReplies.SELECT ? Bot.InboundReplies.SELECT
                : Bot.InboundReplies.REPLY;
        if (bot.inboundReplies() != form) {
            bot = new Bot(bot.id(), bot.verificationQuota(), bot.phoneNumberId(), bot.wabaId(), bot.messagesUrl(),
                    bot.notificationsUrl(), bot.requireOptIn(), bot.stopKeywords(), form);
        }
        if (!ID.matcher(bot.id()).matches()) {
            throw new IllegalArgumentException("a bot id is 1 to 64 letters, digits, '-' or '_', not '" + bot.id() + "'");
        }
        accessKeySha256 = accessKeySha256 == null ? "" : accessKeySha256.trim().toLowerCase(java.util.Locale.ROOT);
        if (!HEX_SHA256.matcher(accessKeySha256).matches()) {
            throw new IllegalArgumentException("bot '" + bot.id()
                    + "': access-key-sha256 must be the 64 hex digits of the key's SHA-256");
        }
        callbackSecretRef = callbackSecretRef == null || callbackSecretRef.isBlank() ? null : callbackSecretRef;
    }

    public String id() {
        return bot.id();
    }

    public byte[] accessKeyHash() {
        return HexFormat.of().parseHex(accessKeySha256);
    }

    public BotRecord withEnabled(boolean enabled, Instant at) {
        return new BotRecord(bot, accessKeySha256, callbackSecretRef, inboundReplies, enabled, at);
    }
}
