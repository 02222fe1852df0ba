package net.wagw.domain.inbound;

/**
 * A system message saying a customer changed number ({@code user_changed_number}) or
 * business-scoped user id ({@code user_changed_user_id}) (docs/contracts.md §4): {@code from} is the old
 * id, {@code to} the new one.
 */
public record IdentityChange(String phoneNumberId, String kind, String from, String to) {
}
