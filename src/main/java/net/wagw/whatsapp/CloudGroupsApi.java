package net.wagw.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.group.GroupsApi;
import net.wagw.domain.secret.Secrets;
import net.wagw.domain.meta.MetaOutcome;

/** {@link GroupsApi} over the Cloud API REST client, with Meta's request bodies from the reference. */
public final class CloudGroupsApi implements GroupsApi {
    private final CloudApiClient client;
    private final ObjectMapper json;
    private final String version;
    private final Secrets.Secret accessToken;

    public CloudGroupsApi(CloudApiClient client, ObjectMapper json, String version, Secrets.Secret accessToken) {
        this.client = client;
        this.json = json;
        this.version = version;
        this.accessToken = accessToken;
    }

    @Override
    public Answer<String> create(String phoneNumberId, String subject, String description, String joinApprovalMode) {
        ObjectNode body = whatsapp();
        body.put("subject", subject);
        if (description != null) {
            body.put("description", description);
        }
        if (joinApprovalMode != null) {
            body.put("join_approval_mode", joinApprovalMode);
        }
        return call(authorization -> client.createGroup(version, phoneNumberId, authorization, body),
                answer -> answer.path("request_id").asText(null));
    }

    @Override
    public Answer<Boolean> delete(String metaGroupId) {
        return call(authorization -> client.deleteGroup(version, metaGroupId, authorization), answer -> true);
    }

    @Override
    public Answer<String> inviteLink(String metaGroupId) {
        return call(authorization -> client.getOnGroup(version, metaGroupId, "invite_link", authorization),
                answer -> answer.path("invite_link").asText(null));
    }

    @Override
    public Answer<String> resetInviteLink(String metaGroupId) {
        return call(authorization -> client.postOnGroup(version, metaGroupId, "invite_link", authorization, whatsapp()),
                answer -> answer.path("invite_link").asText(null));
    }

    @Override
    public Answer<Boolean> removeParticipants(String metaGroupId, List<String> users) {
        ObjectNode body = whatsapp();
        users.forEach(user -> body.withArray("participants").addObject().put("user", user));
        return call(authorization -> client.deleteOnGroup(version, metaGroupId, "participants", authorization, body), answer -> true);
    }

    @Override
    public Answer<List<JoinRequest>> joinRequests(String metaGroupId) {
        return call(authorization -> client.getOnGroup(version, metaGroupId, "join_requests", authorization), answer -> {
            List<JoinRequest> requests = new ArrayList<>();
            answer.path("data").forEach(r -> requests.add(new JoinRequest(r.path("join_request_id").asText(),
                    r.path("wa_id").asText(), Instant.ofEpochSecond(r.path("creation_timestamp").asLong()))));
            return requests;
        });
    }

    @Override
    public Answer<Boolean> answerJoinRequests(String metaGroupId, List<String> ids, boolean approve) {
        ObjectNode body = whatsapp();
        ids.forEach(body.withArray("join_requests")::add);
        return call(approve
                ? authorization -> client.postOnGroup(version, metaGroupId, "join_requests", authorization, body)
                : authorization -> client.deleteOnGroup(version, metaGroupId, "join_requests", authorization, body), answer -> true);
    }

    private ObjectNode whatsapp() {
        return json.createObjectNode().put("messaging_product", "whatsapp");
    }

    private <T> Answer<T> call(Function<String, Response> request, Function<JsonNode, T> read) {
        try (Response response = MetaAnswers.withToken(accessToken, json, request)) {
            JsonNode answer = MetaAnswers.body(json, response);
            return MetaAnswers.ok(response) ? new Answer<>(read.apply(answer), null)
                    : new Answer<>(null, MetaAnswers.error(response, answer));
        } catch (ProcessingException e) {
            return new Answer<>(null, new MetaOutcome.Unreachable(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }
}
