package net.wagw.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app
 * secret)>}, computed over the exact bytes Meta sent, so any re-serialisation (whitespace, key
 * order, escapes) breaks it (developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads).
 */
public final class MetaSignature {
    private static final String PREFIX = "sha256=";

    private MetaSignature() {
    }

    /** Constant-time check of the header against the raw body. */
    public static boolean isValid(String header, byte[] rawBody, byte[] appSecret) {
        if (header == null || appSecret.length == 0 || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim().toLowerCase());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(rawBody, appSecret), given);
    }

    public static String of(byte[] rawBody, byte[] appSecret) {
        return PREFIX + HexFormat.of().formatHex(hmac(rawBody, appSecret));
    }

    public static String of(String body, String appSecret) {
        return of(body.getBytes(StandardCharsets.UTF_8), appSecret.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] body, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
