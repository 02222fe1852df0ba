package net.wagw.domain.group;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change to a WhatsApp group, from Meta's group webhooks (docs/contracts.md §6): one element of
 * {@code groups[]} in a change of field {@code group_lifecycle_update},
 * {@code group_participants_update}, {@code group_settings_update} or {@code group_status_update}.
 *
 * @param change       what happened, read from the change's field and the element's type
 * @param type         the element's {@code type} as Meta wrote it (group_create, participants_add, ...), for
 *                     logs and as the reason of a suspension Meta gives no text for
 * @param groupId      Meta's group id (absent on a failed create)
 * @param requestId    the create request it answers (group_create), else null
 * @param added        wa_ids of participants who joined
 * @param removed      wa_ids of participants who left or were removed
 * @param joinRequests ids of join requests made (groups with approval required)
 * @param errorCode    Meta's error code when the change failed, else 0
 * @param errorText    its title and details, else null
 * @param rawJson      the element exactly as received, forwarded to the bot
 */
public record GroupEvent(String phoneNumberId, GroupChange change, String type, String groupId, String requestId,
        Instant timestamp, String subject, String description, String inviteLink, String joinApprovalMode,
        List<String> added, List<String> removed, List<String> joinRequests, int errorCode, String errorText,
        String rawJson) {
    public GroupEvent {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(rawJson, "rawJson");
        added = added == null ? List.of() : List.copyOf(added);
        removed = removed == null ? List.of() : List.copyOf(removed);
        joinRequests = joinRequests == null ? List.of() : List.copyOf(joinRequests);
    }
}
