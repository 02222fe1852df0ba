package net.wagw.lime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import net.wagw.domain.delivery.BotEndpoint;
import net.wagw.domain.delivery.CallbackSignature;

/**
 * {@link BotEndpoint} over the JDK HTTP client: one client per process, short timeouts, so a slow
 * bot costs a retry later rather than holding up the caller.
 */
public final class HttpBotEndpoint implements BotEndpoint {
    private final HttpClient client;

    public HttpBotEndpoint(Duration connectTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String post(String url, String body, String signatureHeader, Duration timeout) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(CallbackSignature.HEADER, signatureHeader)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (IllegalArgumentException badUrl) {
            return "the bot's URL is not valid: " + badUrl.getMessage();
        }
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "the bot answered HTTP " + response.statusCode();
        } catch (IOException e) {
            return "the bot could not be reached: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
