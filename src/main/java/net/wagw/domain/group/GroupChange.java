package net.wagw.domain.group;

/**
 * What a group webhook says happened (docs/contracts.md §6), read from Meta's field and element
 * type at the parser, so the group's state machine does not depend on Meta's words.
 */
public enum GroupChange {
    /** {@code group_lifecycle_update} of type {@code group_create}: the answer to a create request. */
    CREATE,
    /** {@code group_lifecycle_update} of type {@code group_delete}. */
    DELETE,
    /** Any other {@code group_lifecycle_update}: the group's life as Meta reports it, failed when it has an error. */
    LIFECYCLE,
    /** {@code group_participants_update}: joined, left, removed, or join requests made. */
    PARTICIPANTS,
    /** {@code group_settings_update}: subject, description, picture. */
    SETTINGS,
    /** {@code group_status_update}: the group suspended by WhatsApp. */
    SUSPEND,
    /** {@code group_status_update} of a type ending {@code _cleared}: the suspension lifted. */
    SUSPENSION_CLEARED
}
