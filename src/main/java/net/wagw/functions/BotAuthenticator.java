package net.wagw.functions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.bot.BotRecord;

/**
 * BLiP-style bot authentication (docs/contracts.md §3): {@code Authorization: Key base64(botId:accessKey)}.
 * The key's SHA-256 is compared with the configured hash in constant time, and an unknown bot
 * costs the same comparison, so timing tells an attacker neither which bots exist nor how much of
 * a key was right.
 */
@ApplicationScoped
public class BotAuthenticator {
    private static final String SCHEME = "key ";
    private static final byte[] NO_HASH = new byte[32];

    private final BotDirectory bots;

    public BotAuthenticator(BotDirectory bots) {
        this.bots = bots;
    }

    public Optional<Bot> authenticate(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = credentials.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        // a disabled bot is refused like an unknown one, after the same comparison
        Optional<BotRecord> entry = bots.find(credentials.substring(0, colon));
        byte[] expected = entry.map(BotRecord::accessKeyHash).orElse(NO_HASH);
        byte[] actual = sha256(credentials.substring(colon + 1));
        boolean matches = MessageDigest.isEqual(expected, actual);
        return matches && entry.isPresent() && entry.get().enabled() ? entry.map(BotRecord::bot) : Optional.empty();
    }

    static byte[] sha256(String accessKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(accessKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
