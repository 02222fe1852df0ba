package net.wagw.domain.send;

import java.util.Optional;

/**
 * Which send a status is about when its wamid is not known (docs/queue.md): every send carries
 * {@code wagw:<bot id>:<envelope id>} in the Cloud API's {@code biz_opaque_callback_data}, which
 * Meta does not process and returns in the message's status webhooks, at most 512 characters
 * (developers.facebook.com/docs/whatsapp/cloud-api/reference/messages). An uncertain send (Meta's
 * answer named no wamid) is settled by the first status that names it.
 */
public record CallbackData(String botId, String envelopeId) {
    private static final String PREFIX = "wagw:";
    /** Meta's limit for {@code biz_opaque_callback_data}. */
    public static final int MAX = 512;

    /** @return the text to send, or empty when it would not fit Meta's limit */
    public static Optional<String> of(String botId, String envelopeId) {
        if (botId.indexOf(':') >= 0) {
            return Optional.empty();
        }
        String data = PREFIX + botId + ":" + envelopeId;
        return data.length() <= MAX ? Optional.of(data) : Optional.empty();
    }

    /** @return what a status's {@code biz_opaque_callback_data} names, when wagw wrote it */
    public static Optional<CallbackData> parse(String data) {
        if (data == null || !data.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int colon = data.indexOf(':', PREFIX.length());
        if (colon <= PREFIX.length() || colon == data.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new CallbackData(data.substring(PREFIX.length(), colon), data.substring(colon + 1)));
    }
}
