package net.wagw.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The simulator delivers a webhook as Meta does: again when no answer came, never twice once one did. */
class WebhookPosterTest {
    private final WebhookPoster poster = new WebhookPoster(Duration.ofSeconds(10), Duration.ofMillis(10));

    @Test
    void aWebhookWhoseConnectionWasDroppedIsPostedAgainAndItsAnswerReturned() throws Exception {
        try (Gateway gateway = new Gateway(1, "200 OK")) {
            WebhookPoster.Delivery delivery = poster.post(gateway.url(), "{}".getBytes(StandardCharsets.UTF_8), "sha256=x");

            assertThat(delivery.status()).isEqualTo(200);
            assertThat(delivery.attempts()).isEqualTo(2);
            assertThat(gateway.requests.get()).isEqualTo(2);
        }
    }

    @Test
    void anAnswerIsTheGatewaysEvenA503AndIsNotPostedAgain() throws Exception {
        try (Gateway gateway = new Gateway(0, "503 Service Unavailable")) {
            WebhookPoster.Delivery delivery = poster.post(gateway.url(), "{}".getBytes(StandardCharsets.UTF_8), "sha256=x");

            assertThat(delivery.status()).isEqualTo(503);
            assertThat(gateway.requests.get()).isEqualTo(1);
        }
    }

    @Test
    void aWebhookNoAttemptDeliveredIsReportedWithItsFailure() throws Exception {
        try (Gateway gateway = new Gateway(Integer.MAX_VALUE, "200 OK")) {
            WebhookPoster.Delivery delivery = poster.post(gateway.url(), "{}".getBytes(StandardCharsets.UTF_8), "sha256=x");

            assertThat(delivery.status()).isZero();
            assertThat(delivery.attempts()).isEqualTo(WebhookPoster.ATTEMPTS);
            assertThat(delivery.failure()).isNotBlank();
            assertThat(gateway.requests.get()).isEqualTo(WebhookPoster.ATTEMPTS);
        }
    }

    /** A gateway that reads each request and drops the connection unanswered for the first {@code dropped}. */
    private static final class Gateway implements AutoCloseable {
        final AtomicInteger requests = new AtomicInteger();
        private final ServerSocket socket;
        private final Thread thread;

        Gateway(int dropped, String answer) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        readRequest(client.getInputStream());
                        if (requests.incrementAndGet() > dropped) {
                            client.getOutputStream().write(("HTTP/1.1 " + answer
                                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                            client.getOutputStream().flush();
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/webhooks/whatsapp");
        }

        /** Reads the head and the body its Content-Length announces. */
        private static void readRequest(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.append((char) b);
            }
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)")
                    .matcher(head);
            if (length.find()) {
                in.readNBytes(Integer.parseInt(length.group(1)));
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
