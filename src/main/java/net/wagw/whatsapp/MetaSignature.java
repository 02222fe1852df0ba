package net.wagw.whatsapp;

import java.nio.charset.StandardCharsets;

import net.wagw.domain.HmacSignature;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256}, computed over the exact bytes Meta sent,
 * so any re-serialisation (whitespace, key order, escapes) breaks it
 * (developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads).
 */
public final class MetaSignature {
    private MetaSignature() {
    }

    /** Constant-time check of the header against the raw body. */
    public static boolean isValid(String header, byte[] rawBody, byte[] appSecret) {
        return HmacSignature.matches(header, rawBody, appSecret);
    }

    /** What Meta would send: for the simulator and tests. */
    public static String of(byte[] rawBody, byte[] appSecret) {
        return HmacSignature.of(appSecret, rawBody);
    }

    public static String of(String body, String appSecret) {
        return of(body.getBytes(StandardCharsets.UTF_8), appSecret.getBytes(StandardCharsets.UTF_8));
    }
}
