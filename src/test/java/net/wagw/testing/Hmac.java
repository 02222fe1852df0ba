package net.wagw.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The signature a bot computes to check wagw's ({@code sha256=} and the hex HMAC-SHA256 of the
 * body under its secret), built here from RFC 2104 over plain SHA-256 rather than with wagw's
 * code or {@code javax.crypto.Mac}, so that a test of wagw's signing can fail when the signing
 * breaks.
 */
public final class Hmac {
    private static final int BLOCK = 64;

    private Hmac() {
    }

    public static String sha256Header(String secret, String body) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length > BLOCK) {
            key = sha256(key);
        }
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            inner[i] = (byte) (k ^ 0x36);
            outer[i] = (byte) (k ^ 0x5c);
        }
        byte[] innerHash = sha256(inner, body.getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(sha256(outer, innerHash));
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
