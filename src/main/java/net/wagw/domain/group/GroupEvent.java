package net.wagw.domain.group;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change to a WhatsApp group, from Meta's group webhooks (docs/contracts.md §6): one element of
 * {@code groups[]} in a change of field {@code group_lifecycle_update},
 * {@code group_participants_update}, {@code group_settings_update} or {@code group_status_update}.
 *
 * @param field        the change's field; Meta's misspelling {@code group_participant_update} reads as
 *                     {@code group_participants_update}
 * @param type         the element's {@code type} (group_create, group_delete, participants_add, ...)
 * @param groupId      Meta's group id (absent on a failed create)
 * @param requestId    the create request it answers (group_create), else null
 * @param added        wa_ids of participants who joined
 * @param removed      wa_ids of participants who left or were removed
 * @param joinRequests ids of join requests made (groups with approval required)
 * @param errorCode    Meta's error code when the change failed, else 0
 * @param errorText    its title and details, else null
 * @param rawJson      the element exactly as received, forwarded to the bot
 */
public record GroupEvent(String phoneNumberId, String field, String type, String groupId, String requestId,
        Instant timestamp, String subject, String description, String inviteLink, String joinApprovalMode,
        List<String> added, List<String> removed, List<String> joinRequests, int errorCode, String errorText,
        String rawJson) {
    public GroupEvent {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(rawJson, "rawJson");
        added = added == null ? List.of() : List.copyOf(added);
        removed = removed == null ? List.of() : List.copyOf(removed);
        joinRequests = joinRequests == null ? List.of() : List.copyOf(joinRequests);
    }
}
