package net.wagw.domain.group;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import net.wagw.domain.NotYetKnown;
import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.contact.Customers;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.meta.MetaErrors;

/**
 * Groups on the Cloud API's Groups API (docs/contracts.md §6): created at once as wagw's and pending,
 * made active (or failed) by Meta's lifecycle webhook; read, deleted, their invite link and
 * participants managed through Meta; every change the webhooks tell kept and passed to the bot.
 */
public final class GroupService {
    /** Meta's limits (reference: POST /{phone-number-id}/groups). */
    static final int MAX_NAME = 128;
    static final int MAX_DESCRIPTION = 2048;

    private final GroupStore store;
    private final GroupsApi meta;
    private final GroupNotifier notifier;
    private final Customers customers;
    private final Clock clock;

    public GroupService(GroupStore store, GroupsApi meta, GroupNotifier notifier, Customers customers, Clock clock) {
        this.store = store;
        this.meta = meta;
        this.notifier = notifier;
        this.customers = customers;
        this.clock = clock;
    }

    public Group create(Bot bot, String name, String description, String joinApprovalMode) {
        String subject = name == null ? "" : name.strip();
        if (subject.isEmpty()) {
            throw invalid("A group needs a name.");
        }
        if (subject.length() > MAX_NAME) {
            throw invalid("A group name has at most " + MAX_NAME + " characters; this one has " + subject.length() + ".");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw invalid("A group description has at most " + MAX_DESCRIPTION + " characters; this one has "
                    + description.length() + ".");
        }
        if (joinApprovalMode != null && !Set.of("approval_required", "auto_approve").contains(joinApprovalMode)) {
            throw invalid("joinApprovalMode is approval_required or auto_approve, not '" + joinApprovalMode + "'.");
        }
        String phoneNumberId = bot.requirePhoneNumber();
        GroupsApi.Answer<String> request = meta.create(phoneNumberId, subject, description, joinApprovalMode);
        checked(request);
        var now = clock.instant();
        Group group = new Group(bot.id(), UUID.randomUUID().toString(), null, request.value(), subject, description,
                joinApprovalMode == null ? "auto_approve" : joinApprovalMode, Group.Status.PENDING, null, Set.of(), null,
                now, now);
        store.save(group);
        return group;
    }

    public Group get(Bot bot, String id) {
        return store.find(bot.id(), id).orElseThrow(() -> new Refusal(Reason.RESOURCE_NOT_FOUND,
                "Bot " + bot.id() + " has no group " + id + ".", Refusal.Kind.NOT_FOUND));
    }

    public List<Group> list(Bot bot) {
        return store.all(bot.id());
    }

    /** Asks Meta to delete it; the {@code group_delete} webhook confirms. */
    public Group delete(Bot bot, String id) {
        Group group = active(bot, id);
        checked(meta.delete(group.metaGroupId()));
        Group deleting = group.with(Group.Status.DELETING, clock.instant());
        store.save(deleting);
        return deleting;
    }

    public Group inviteLink(Bot bot, String id) {
        Group group = active(bot, id);
        Group updated = group.withInviteLink(checked(meta.inviteLink(group.metaGroupId())), clock.instant());
        store.save(updated);
        return updated;
    }

    public Group resetInviteLink(Bot bot, String id) {
        Group group = active(bot, id);
        Group updated = group.withInviteLink(checked(meta.resetInviteLink(group.metaGroupId())), clock.instant());
        store.save(updated);
        return updated;
    }

    public void removeParticipant(Bot bot, String id, String identity) {
        Group group = active(bot, id);
        String user = customers.parse(identity).digits();
        checked(meta.removeParticipants(group.metaGroupId(), List.of(user)));
    }

    public List<GroupsApi.JoinRequest> joinRequests(Bot bot, String id) {
        return checked(meta.joinRequests(active(bot, id).metaGroupId()));
    }

    public void answerJoinRequests(Bot bot, String id, List<String> joinRequestIds, boolean approve) {
        if (joinRequestIds == null || joinRequestIds.isEmpty()) {
            throw invalid("Name the join requests to " + (approve ? "approve" : "reject") + ".");
        }
        checked(meta.answerJoinRequests(active(bot, id).metaGroupId(), joinRequestIds, approve));
    }

    /** wagw's id of a group Meta names by its own id, if it is one of the bot's. */
    public Optional<String> ownId(Bot bot, String metaGroupId) {
        return store.findByMetaId(bot.id(), metaGroupId).map(Group::id);
    }

    /** The group a message to this node goes to, if the bot may send there now. */
    public Group sendable(Bot bot, String id) {
        Group group = get(bot, id);
        if (group.status() == Group.Status.PENDING) {
            throw new Refusal(Reason.NOT_ALLOWED, "Group " + id + " is still being created; send when it is active.",
                    Refusal.Kind.CONFLICT);
        }
        if (group.status() != Group.Status.ACTIVE) {
            throw new Refusal(Reason.NOT_ALLOWED, "Group " + id + " is " + group.status().name().toLowerCase()
                    + "; nothing can be sent to it.", Refusal.Kind.UNPROCESSABLE);
        }
        return group;
    }

    /**
     * A group webhook: kept on the group and passed to the bot once.
     *
     * @return the stored delivery to try, empty when there is nothing new to tell
     * @throws NotYetKnown when the group is not recorded yet but may be in a moment
     */
    public Optional<Delivery> onEvent(Bot bot, GroupEvent event) {
        Optional<Group> found = event.requestId() != null && event.change() == GroupChange.CREATE
                ? store.findByRequest(bot.id(), event.requestId())
                : Optional.<Group>empty();
        if (found.isEmpty() && event.groupId() != null) {
            found = store.findByMetaId(bot.id(), event.groupId());
        }
        if (found.isEmpty()) {
            Instant now = clock.instant();
            // only an event of the last moments can race its group's record; one dated further ahead than
            // that (milliseconds, a skewed clock) would be asked for again for all of Meta's 7 days of retries
            if (event.timestamp().isAfter(now.minus(NotYetKnown.RACE_WINDOW))
                    && !event.timestamp().isAfter(now.plus(NotYetKnown.RACE_WINDOW))) {
                throw new NotYetKnown(event.groupId() != null ? event.groupId() : event.requestId());
            }
            return Optional.empty();
        }
        Group group = found.get();
        var now = clock.instant();
        String kind;
        Group updated;
        switch (event.change()) {
            case DELETE -> {
                kind = "deleted";
                updated = group.with(Group.Status.DELETED, now);
            }
            case CREATE, LIFECYCLE -> {
                if (event.errorCode() != 0 || event.groupId() == null) {
                    kind = "failed";
                    updated = group.failed("(#" + event.errorCode() + ") " + event.errorText(), now);
                } else {
                    kind = "created";
                    updated = group.activated(event.groupId(), event.inviteLink(), now);
                }
            }
            case PARTICIPANTS -> {
                Set<String> participants = new LinkedHashSet<>(group.participants());
                participants.addAll(event.added());
                participants.removeAll(event.removed());
                kind = event.joinRequests().isEmpty() ? "participants" : "join-requests";
                updated = group.withParticipants(participants, now);
            }
            case SETTINGS -> {
                kind = "settings";
                updated = group.withSettings(event.subject(), event.description(), now);
            }
            case SUSPENSION_CLEARED -> {
                kind = "status";
                updated = group.with(Group.Status.ACTIVE, now);
            }
            case SUSPEND -> {
                kind = "status";
                updated = group.suspended(event.errorText() != null ? event.errorText() : event.type(), now);
            }
            default -> throw new IllegalStateException("unhandled group change " + event.change());
        }
        store.save(updated);
        return notifier.enqueue(bot, updated, kind, event.rawJson());
    }

    private Group active(Bot bot, String id) {
        Group group = get(bot, id);
        if (group.status() != Group.Status.ACTIVE) {
            throw new Refusal(Reason.NOT_ALLOWED, "Group " + id + " is " + group.status().name().toLowerCase()
                    + ", not active.", group.status() == Group.Status.PENDING ? Refusal.Kind.CONFLICT
                            : Refusal.Kind.UNPROCESSABLE);
        }
        return group;
    }

    private static <T> T checked(GroupsApi.Answer<T> answer) {
        if (answer.ok()) {
            return answer.value();
        }
        throw MetaErrors.refusalNow(answer.failure());
    }

    private static Refusal invalid(String description) {
        return new Refusal(Reason.INVALID_ARGUMENT, description, Refusal.Kind.INVALID);
    }
}
