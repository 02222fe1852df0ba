package net.wagw.domain.group;

import java.time.Instant;
import java.util.List;

import net.wagw.domain.meta.MetaOutcome;

/** Port: the Cloud API's Groups API (reference: /{phone-number-id}/groups, /{group-id}/...). */
public interface GroupsApi {
    /** What Meta answered: the value asked for, or its error ({@link MetaOutcome.Error} / Unreachable). */
    record Answer<T>(T value, MetaOutcome failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    record JoinRequest(String id, String waId, Instant createdAt) {
    }

    /** {@code POST /{phone-number-id}/groups}: Meta answers only a request id; a webhook finishes it. */
    Answer<String> create(String phoneNumberId, String subject, String description, String joinApprovalMode);

    /** {@code DELETE /{group-id}}. */
    Answer<Boolean> delete(String metaGroupId);

    /** {@code GET /{group-id}/invite_link}. */
    Answer<String> inviteLink(String metaGroupId);

    /** {@code POST /{group-id}/invite_link}: a new link; the old one stops working. */
    Answer<String> resetInviteLink(String metaGroupId);

    /** {@code DELETE /{group-id}/participants} with {@code participants:[{user}]}. */
    Answer<Boolean> removeParticipants(String metaGroupId, List<String> users);

    /** {@code GET /{group-id}/join_requests}. */
    Answer<List<JoinRequest>> joinRequests(String metaGroupId);

    /** {@code POST /{group-id}/join_requests} (approve) or {@code DELETE} (reject). */
    Answer<Boolean> answerJoinRequests(String metaGroupId, List<String> joinRequestIds, boolean approve);
}
