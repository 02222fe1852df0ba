package net.wagw.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts the simulator's webhooks the way Meta delivers them: with a deadline, and again when a delivery
 * got no answer at all (a refused or dropped connection, a timeout), since Meta retries a webhook it
 * could not deliver. An answer, whatever its status, is the gateway's and is returned as is: the console
 * shows a 503 as the gateway gave it. Without the retry, a status posted on a pooled connection that the
 * gateway's server had just closed as idle could be lost (the JDK client resends only idempotent requests).
 */
final class WebhookPoster {
    static final int ATTEMPTS = 3;

    private final HttpClient http;
    private final Duration timeout;
    private final Duration pause;

    WebhookPoster(Duration timeout, Duration pause) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.pause = pause;
    }

    /**
     * The outcome of one webhook: the gateway's status, or 0 with the last failure when no attempt
     * was answered.
     */
    record Delivery(int status, int attempts, String failure) {
    }

    Delivery post(URI url, byte[] payload, String signature) throws InterruptedException {
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                int status = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", signature)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                return new Delivery(status, attempt, null);
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                if (attempt < ATTEMPTS) {
                    Thread.sleep(pause.toMillis() * attempt);
                }
            }
        }
        return new Delivery(0, ATTEMPTS, failure);
    }
}
