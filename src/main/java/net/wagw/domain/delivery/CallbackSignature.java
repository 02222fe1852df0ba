package net.wagw.domain.delivery;

import java.nio.charset.StandardCharsets;

import net.wagw.domain.HmacSignature;

/**
 * {@code X-Wagw-Signature-256} (docs/contracts.md §3.5): the same scheme Meta uses for its
 * webhooks, so a bot checks it the way it would check Meta's.
 */
public final class CallbackSignature {
    public static final String HEADER = "X-Wagw-Signature-256";

    private CallbackSignature() {
    }

    public static String of(byte[] secret, String body) {
        return HmacSignature.of(secret, body.getBytes(StandardCharsets.UTF_8));
    }
}
