package net.wagw.domain.bot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;

/**
 * A bot configured on this gateway (docs/contracts.md §10). Secrets are not part of it: the access-key
 * hash and the callback secret stay with the configuration.
 *
 * @param id                the bot id, also the prefix of every key it owns in DynamoDB
 * @param verificationQuota verifications allowed per UTC day (docs/contracts.md §4)
 * @param phoneNumberId     the Cloud API phone number id the bot sends from
 * @param wabaId            its WhatsApp Business account id (template catalog)
 * @param messagesUrl       where inbound messages are POSTed
 * @param notificationsUrl  where notifications about its messages are POSTed
 * @param requireOptIn      whether templates need the customer's opt-in (docs/contracts.md §3.3 rule 2)
 * @param stopKeywords      messages that revoke the customer's opt-in (docs/contracts.md §5)
 * @param inboundReplies    how a customer's tap on an option reaches the bot (docs/contracts.md §3.5)
 */
public record Bot(String id, long verificationQuota, String phoneNumberId, String wabaId, String messagesUrl,
        String notificationsUrl, boolean requireOptIn, List<String> stopKeywords, InboundReplies inboundReplies) {
    /** docs/contracts.md §5: English and Portuguese words customers use to stop messages. */
    public static final List<String> DEFAULT_STOP_KEYWORDS = List.of("STOP", "SAIR", "PARAR", "CANCELAR", "UNSUBSCRIBE");

    /** The two forms BLiP documents for a customer's answer to a menu. */
    public enum InboundReplies {
        /** {@code application/vnd.lime.reply+json} naming the message answered (BLiP since November 2023). */
        REPLY,
        /** The chosen option's value as the message itself (BLiP's menu documentation). */
        SELECT
    }

    public Bot {
        Objects.requireNonNull(id, "id");
        if (verificationQuota < 0) {
            throw new IllegalArgumentException("verificationQuota must not be negative");
        }
        stopKeywords = stopKeywords == null ? DEFAULT_STOP_KEYWORDS : List.copyOf(stopKeywords);
        inboundReplies = inboundReplies == null ? InboundReplies.REPLY : inboundReplies;
    }

    public Bot(String id, long verificationQuota, String phoneNumberId, String wabaId, String messagesUrl,
            String notificationsUrl, boolean requireOptIn, List<String> stopKeywords) {
        this(id, verificationQuota, phoneNumberId, wabaId, messagesUrl, notificationsUrl, requireOptIn, stopKeywords,
                InboundReplies.REPLY);
    }

    /** A bot that only verifies (no WhatsApp number configured), as in tests of verification. */
    public Bot(String id, long verificationQuota) {
        this(id, verificationQuota, null, null, null, null, true, null);
    }

    public Optional<String> phoneNumber() {
        return Optional.ofNullable(phoneNumberId);
    }

    /** The business phone number id, for what needs Meta; refused (nothing done) when there is none. */
    public String requirePhoneNumber() {
        return phoneNumber().orElseThrow(() -> new Refusal(Reason.NOT_ALLOWED,
                "Bot " + id + " has no WhatsApp phone number id configured, so it cannot use WhatsApp.",
                Refusal.Kind.UNPROCESSABLE));
    }

    /** The bot's own LIME node, to which gateway notifications and commands' answers are addressed. */
    public String node(String botDomain) {
        return id + "@" + botDomain;
    }
}
