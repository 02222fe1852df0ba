package net.wagw.domain.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Wagw-Signature-256: sha256=<hex HMAC-SHA256(body, bot secret)>} (docs/contracts.md §3.5): the
 * same scheme Meta uses for its webhooks, so a bot checks it the way it would check Meta's.
 */
public final class CallbackSignature {
    public static final String HEADER = "X-Wagw-Signature-256";

    private CallbackSignature() {
    }

    public static String of(byte[] secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
