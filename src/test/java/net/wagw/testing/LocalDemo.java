package net.wagw.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway as {@code ./mvnw quarkus:dev} runs it: one demo bot whose endpoints and Meta are the
 * local simulator, on a free port chosen before the start (the simulator's URLs need it).
 */
public class LocalDemo implements QuarkusTestProfile {
    public static final String ACCESS_KEY = "demo-access-key-local-only";
    /** Chosen once: Quarkus asks a profile for its overrides more than once, and every answer must agree. */
    private static final int PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        int port = PORT;
        String base = "http://127.0.0.1:" + port;
        Map<String, String> config = new HashMap<>();
        config.put("%test.wagw.local.port", Integer.toString(port));
        config.put("%test.quarkus.rest-client.meta.url", base + "/_simulator/graph");
        config.put("%test.wagw.bots.demo.access-key-sha256", "51ab82e2f2507f5851bbb86d4fa74428809f0fc8abbf3fb12d1c2cdc1f4f9337");
        config.put("%test.wagw.bots.demo.verification-quota", "1000");
        config.put("%test.wagw.bots.demo.phone-number-id", "100000000000001");
        config.put("%test.wagw.bots.demo.waba-id", "200000000000001");
        config.put("%test.wagw.bots.demo.messages-url", base + "/_simulator/bot/messages");
        config.put("%test.wagw.bots.demo.notifications-url", base + "/_simulator/bot/notifications");
        config.put("%test.wagw.bots.demo.callback-secret", "demo-callback-secret-local-only");
        // deliveries flow from the work queue as in the local run, not only when a test drains it
        config.put("%test.wagw.local.pump-queue", "true");
        config.put("%test.wagw.local.demo-bot-id", "demo");
        config.put("%test.wagw.local.demo-access-key", ACCESS_KEY);
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
