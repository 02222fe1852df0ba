package net.wagw.whatsapp;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import net.wagw.domain.media.MediaUploads;
import net.wagw.domain.meta.MetaOutcome;

/** {@link MediaUploads} over the Cloud API REST client: {@code POST /{phone-number-id}/media}. */
public final class CloudMediaUploads implements MediaUploads {
    private final CloudMediaClient client;
    private final ObjectMapper json;
    private final String version;
    private final String authorization;

    public CloudMediaUploads(CloudMediaClient client, ObjectMapper json, String version, String accessToken) {
        this.client = client;
        this.json = json;
        this.version = version;
        this.authorization = "Bearer " + accessToken;
    }

    @Override
    public Uploaded upload(String phoneNumberId, String contentType, String filename, byte[] bytes) {
        ClientMultipartForm form = ClientMultipartForm.create()
                .attribute("messaging_product", "whatsapp", null)
                .attribute("type", contentType, null)
                .binaryFileUpload("file", filename, Buffer.buffer(bytes), contentType);
        try (Response response = MetaAnswers.answer(() -> client.upload(version, phoneNumberId, authorization, form))) {
            JsonNode answer = MetaAnswers.body(json, response);
            if (!MetaAnswers.ok(response)) {
                return new Failed(MetaAnswers.error(response, answer));
            }
            String id = answer.path("id").asText("");
            return id.isEmpty() ? new Failed(new MetaOutcome.Unreachable("Meta answered an upload without an id"))
                    : new Accepted(id);
        } catch (ProcessingException e) {
            return new Failed(new MetaOutcome.Unreachable(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }
}
