package net.wagw.domain.send;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import net.wagw.domain.content.Content;

/**
 * What a bot asked, as a digest: the same envelope id with another recipient, content or metadata
 * is another message (docs/contracts.md §3.3). Read from the content model, so the order of the
 * JSON fields and the spelling of the content type do not matter.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(String to, Content content, Map<String, String> metadata) {
        String asked = to + '\u0000' + content + '\u0000' + new TreeMap<>(metadata == null ? Map.of() : metadata);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(asked.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
