package net.wagw.domain.group;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A WhatsApp group a bot created (docs/contracts.md §6). It is wagw's from the first request, under its own
 * id, and becomes Meta's group when the {@code group_create} webhook names it.
 *
 * @param id          wagw's id, the bot's node {@code {id}@groups.<domain>}
 * @param metaGroupId Meta's id, known once active
 * @param requestId   Meta's create request id, which the lifecycle webhook answers
 * @param participants the wa_ids known to be in it (from webhooks)
 * @param failure      Meta's error when creating (or suspension reason), else null
 */
public record Group(String botId, String id, String metaGroupId, String requestId, String name, String description,
        String joinApprovalMode, Status status, String inviteLink, Set<String> participants, String failure,
        Instant createdAt, Instant updatedAt) {

    public enum Status {
        PENDING, ACTIVE, FAILED, DELETING, DELETED, SUSPENDED
    }

    public Group {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        participants = participants == null ? Set.of() : Set.copyOf(participants);
    }

    public Group with(Status newStatus, Instant at) {
        return new Group(botId, id, metaGroupId, requestId, name, description, joinApprovalMode, newStatus, inviteLink,
                participants, failure, createdAt, at);
    }

    public Group activated(String metaId, String link, Instant at) {
        return new Group(botId, id, metaId, requestId, name, description, joinApprovalMode, Status.ACTIVE,
                link != null ? link : inviteLink, participants, null, createdAt, at);
    }

    public Group failed(String why, Instant at) {
        return new Group(botId, id, metaGroupId, requestId, name, description, joinApprovalMode, Status.FAILED, inviteLink,
                participants, why, createdAt, at);
    }

    public Group withInviteLink(String link, Instant at) {
        return new Group(botId, id, metaGroupId, requestId, name, description, joinApprovalMode, status, link,
                participants, failure, createdAt, at);
    }

    public Group withSettings(String newName, String newDescription, Instant at) {
        return new Group(botId, id, metaGroupId, requestId, newName != null ? newName : name,
                newDescription != null ? newDescription : description, joinApprovalMode, status, inviteLink,
                participants, failure, createdAt, at);
    }

    public Group withParticipants(Set<String> now, Instant at) {
        return new Group(botId, id, metaGroupId, requestId, name, description, joinApprovalMode, status, inviteLink, now,
                failure, createdAt, at);
    }

    public Group suspended(String why, Instant at) {
        return new Group(botId, id, metaGroupId, requestId, name, description, joinApprovalMode, Status.SUSPENDED,
                inviteLink, participants, why, createdAt, at);
    }
}
