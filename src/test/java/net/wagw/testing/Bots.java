package net.wagw.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The bots of the test profile (application.properties) and their Authorization headers. */
public final class Bots {
    public static final String A = "bot-a";
    public static final String B = "bot-b";
    public static final String A_KEY = "Key " + encode(A + ":bot-a-test-key");
    public static final String B_KEY = "Key " + encode(B + ":bot-b-test-key");
    /** A bot with a daily verification quota of 2. */
    public static final String Q = "bot-q";
    public static final String Q_KEY = "Key " + encode(Q + ":bot-q-test-key");

    private Bots() {
    }

    public static String key(String botId, String accessKey) {
        return "Key " + encode(botId + ":" + accessKey);
    }

    private static String encode(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
