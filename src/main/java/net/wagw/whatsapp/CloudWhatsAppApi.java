package net.wagw.whatsapp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.media.MediaSource;
import net.wagw.domain.secret.Secrets;
import net.wagw.domain.media.Media;
import net.wagw.domain.meta.MetaOutcome;
import net.wagw.domain.send.Template;
import net.wagw.domain.send.WhatsAppApi;

/** {@link WhatsAppApi} and {@link MediaSource} over the Cloud API REST client. */
public final class CloudWhatsAppApi implements WhatsAppApi, MediaSource {
    private static final int TEMPLATE_PAGE = 100;
    private static final int MAX_TEMPLATE_PAGES = 100;

    private final CloudApiClient client;
    private final ObjectMapper json;
    private final String version;
    private final Secrets.Secret accessToken;
    private final java.net.http.HttpClient downloads = java.net.http.HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(5)).followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
            .build();

    public CloudWhatsAppApi(CloudApiClient client, ObjectMapper json, String version, Secrets.Secret accessToken) {
        this.client = client;
        this.json = json;
        this.version = version;
        this.accessToken = accessToken;
    }

    @Override
    public MetaOutcome send(String phoneNumberId, String to, boolean group, String payloadJson, String callbackData) {
        ObjectNode body = json.createObjectNode();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", group ? "group" : "individual");
        if (group || net.wagw.domain.contact.ContactKey.isDigits(to)) {
            body.put("to", to);
        } else {
            // a customer known only by business-scoped user id: Meta takes it as "recipient", not "to"
            // (developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids)
            body.put("recipient", to);
        }
        try {
            body.setAll((ObjectNode) json.readTree(payloadJson));
        } catch (IOException e) {
            throw new IllegalStateException("a stored payload is not JSON", e);
        }
        // a bot's own (a Cloud API object passed through) could name another send's identity
        body.remove("biz_opaque_callback_data");
        if (callbackData != null) {
            body.put("biz_opaque_callback_data", callbackData);
        }
        return call(authorization -> client.messages(version, phoneNumberId, authorization, body));
    }

    @Override
    public MetaOutcome markRead(String phoneNumberId, String wamid) {
        return call(authorization -> client.messages(version, phoneNumberId, authorization, read(wamid)));
    }

    @Override
    public MetaOutcome typing(String phoneNumberId, String wamid) {
        ObjectNode body = read(wamid);
        body.putObject("typing_indicator").put("type", "text");
        return call(authorization -> client.messages(version, phoneNumberId, authorization, body));
    }

    private ObjectNode read(String wamid) {
        ObjectNode body = json.createObjectNode();
        body.put("messaging_product", "whatsapp");
        body.put("status", "read");
        body.put("message_id", wamid);
        return body;
    }

    @Override
    public Media media(String mediaId, long maxBytes) {
        JsonNode info;
        try (Response response = MetaAnswers.withToken(accessToken, json,
                authorization -> client.media(version, mediaId, authorization))) {
            info = MetaAnswers.body(json, response);
            if (!MetaAnswers.ok(response)) {
                return new Media.Failed(MetaAnswers.error(response, info));
            }
        } catch (ProcessingException e) {
            return new Media.Failed(new MetaOutcome.Unreachable(e.getMessage()));
        }
        long size = info.path("file_size").asLong(-1);
        if (size > maxBytes) {
            return new Media.TooLarge(size);
        }
        // the URL is Meta's CDN (absolute, short-lived) and needs the same token
        try {
            java.net.http.HttpResponse<byte[]> file = downloads.send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(info.path("url").asText()))
                    .header("Authorization", "Bearer " + accessToken.valueOrEmpty()).timeout(java.time.Duration.ofSeconds(20)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (file.statusCode() / 100 != 2) {
                return new Media.Failed(new MetaOutcome.Error(file.statusCode(), 0, null, "media download failed", null));
            }
            if (file.body().length > maxBytes) {
                return new Media.TooLarge(file.body().length);
            }
            return new Media.Found(info.path("mime_type").asText("application/octet-stream"), file.body());
        } catch (IOException | IllegalArgumentException e) {
            return new Media.Failed(new MetaOutcome.Unreachable(e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Media.Failed(new MetaOutcome.Unreachable("interrupted"));
        }
    }

    @Override
    public List<Template> templates(String wabaId) {
        List<Template> templates = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAX_TEMPLATE_PAGES; page++) {
            String cursor = after;
            JsonNode answer;
            try (Response response = MetaAnswers.withToken(accessToken, json,
                    authorization -> client.templates(version, wabaId, authorization, TEMPLATE_PAGE, cursor))) {
                answer = MetaAnswers.body(json, response);
                if (response.getStatus() / 100 != 2) {
                    throw new MetaUnavailable("template catalog: HTTP " + response.getStatus() + " "
                            + answer.path("error").path("message").asText(""));
                }
            } catch (ProcessingException e) {
                throw new MetaUnavailable("template catalog: " + e.getMessage());
            }
            answer.path("data").forEach(t -> templates.add(TemplateDefinitions.parse(t)));
            JsonNode paging = answer.path("paging");
            after = paging.path("cursors").path("after").asText(null);
            if (!paging.hasNonNull("next") || after == null) {
                return templates;
            }
        }
        return templates;
    }

    private MetaOutcome call(java.util.function.Function<String, Response> request) {
        try (Response response = MetaAnswers.withToken(accessToken, json, request)) {
            JsonNode answer = MetaAnswers.body(json, response);
            if (response.getStatus() / 100 == 2) {
                JsonNode wamid = answer.path("messages").path(0).path("id");
                if (wamid.isMissingNode()) {
                    return new MetaOutcome.Done();
                }
                JsonNode waId = answer.path("contacts").path(0).path("wa_id");
                return new MetaOutcome.Sent(wamid.asText(), waId.isMissingNode() ? null : waId.asText());
            }
            return MetaAnswers.error(response, answer);
        } catch (ProcessingException e) {
            String why = e.getClass().getSimpleName() + ": " + e.getMessage();
            // only a connection never made is sure not to have reached Meta; a timeout or a reset
            // after connecting may come after Meta read the request (docs/queue.md)
            return neverConnected(e) ? new MetaOutcome.Unreachable(why) : new MetaOutcome.Uncertain(why);
        }
    }

    private static boolean neverConnected(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getName();
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.NoRouteToHostException || name.contains("ConnectTimeout")
                    || message.contains("Connection refused") || message.contains("connect timed out")) {
                return true;
            }
        }
        return false;
    }

    /** Meta could not be asked (the catalog sync fails as a whole and is tried again next sweep). */
    public static final class MetaUnavailable extends RuntimeException {
        MetaUnavailable(String message) {
            super(message);
        }
    }
}
