package net.wagw.domain.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.wagw.domain.NotYetKnown;
import net.wagw.domain.Refusal;
import net.wagw.domain.ports.World;

/** A group's life (docs/contracts.md §6): pending until Meta's webhook, then active, deleted, suspended. */
class GroupStateMachineTest {
    private final World world = new World();

    private GroupEvent event(GroupChange change, String type, String groupId, String requestId, List<String> added,
            List<String> removed, int errorCode, Instant at) {
        return new GroupEvent(World.PHONE_NUMBER_ID, change, type, groupId, requestId, at, "VIP", null,
                "https://chat.whatsapp.com/L", null, added, removed, List.of(), errorCode,
                errorCode == 0 ? null : "could not", "{\"type\":\"" + type + "\",\"at\":\"" + at + "\"}");
    }

    private GroupEvent lifecycle(String type, String groupId, String requestId, int errorCode) {
        return event("group_delete".equals(type) ? GroupChange.DELETE : GroupChange.CREATE, type, groupId, requestId, List.of(), List.of(), errorCode,
                world.clock.instant());
    }

    private Group status(String id) {
        return world.groups.get(World.BOT, id);
    }

    @Test
    void aGroupIsPendingUntilMetasCreateWebhookMakesItActive() {
        Group created = world.groups.create(World.BOT, "  VIP  ", null, null);
        assertThat(created.status()).isEqualTo(Group.Status.PENDING);
        assertThat(created.name()).isEqualTo("VIP");
        assertThatThrownBy(() -> world.groups.inviteLink(World.BOT, created.id())).isInstanceOf(Refusal.class);

        world.groups.onEvent(World.BOT, lifecycle("group_create", "G-1", created.requestId(), 0));

        assertThat(status(created.id())).satisfies(g -> {
            assertThat(g.status()).isEqualTo(Group.Status.ACTIVE);
            assertThat(g.metaGroupId()).isEqualTo("G-1");
            assertThat(g.inviteLink()).isEqualTo("https://chat.whatsapp.com/L");
        });
        assertThat(world.told.groupEvents).containsExactly("created");
    }

    @Test
    void aCreateMetaRefusesEndsTheGroupFailed() {
        Group created = world.groups.create(World.BOT, "VIP", null, null);

        world.groups.onEvent(World.BOT, lifecycle("group_create", null, created.requestId(), 131000));

        assertThat(status(created.id()).status()).isEqualTo(Group.Status.FAILED);
        assertThat(status(created.id()).failure()).contains("131000");
        assertThat(world.told.groupEvents).containsExactly("failed");
    }

    @Test
    void deletingAsksMetaAndItsWebhookEndsTheGroup() {
        Group created = world.groups.create(World.BOT, "VIP", null, null);
        world.groups.onEvent(World.BOT, lifecycle("group_create", "G-1", created.requestId(), 0));

        assertThat(world.groups.delete(World.BOT, created.id()).status()).isEqualTo(Group.Status.DELETING);
        assertThat(world.metaGroups.calls).contains("delete G-1");
        world.groups.onEvent(World.BOT, lifecycle("group_delete", "G-1", null, 0));

        assertThat(status(created.id()).status()).isEqualTo(Group.Status.DELETED);
        assertThatThrownBy(() -> world.groups.sendable(World.BOT, created.id())).isInstanceOf(Refusal.class);
    }

    @Test
    void participantsJoinAndLeaveAndASuspensionIsLiftedWhenMetaClearsIt() {
        Group created = world.groups.create(World.BOT, "VIP", null, null);
        world.groups.onEvent(World.BOT, lifecycle("group_create", "G-1", created.requestId(), 0));
        Instant now = world.clock.instant();

        world.groups.onEvent(World.BOT, event(GroupChange.PARTICIPANTS, "participants_add", "G-1", null,
                List.of("551", "552"), List.of(), 0, now));
        world.groups.onEvent(World.BOT, event(GroupChange.PARTICIPANTS, "participants_remove", "G-1", null,
                List.of(), List.of("551"), 0, now.plusSeconds(1)));
        assertThat(status(created.id()).participants()).containsExactly("552");

        world.groups.onEvent(World.BOT, event(GroupChange.SUSPEND, "group_suspend", "G-1", null, List.of(),
                List.of(), 0, now.plusSeconds(2)));
        assertThat(status(created.id()).status()).isEqualTo(Group.Status.SUSPENDED);
        world.groups.onEvent(World.BOT, event(GroupChange.SUSPENSION_CLEARED, "group_suspend_cleared", "G-1", null, List.of(),
                List.of(), 0, now.plusSeconds(3)));
        assertThat(status(created.id()).status()).isEqualTo(Group.Status.ACTIVE);
        assertThat(world.told.groupEvents).containsExactly("created", "participants", "participants", "status",
                "status");
    }

    @Test
    void anEventForAGroupNotRecordedYetIsAskedAgainForTwoMinutesThenDropped() {
        Instant now = world.clock.instant();

        assertThatThrownBy(() -> world.groups.onEvent(World.BOT, event(GroupChange.CREATE, "group_create",
                "G-9", "REQ-9", List.of(), List.of(), 0, now.minusSeconds(100)))).isInstanceOf(NotYetKnown.class);
        assertThat(world.groups.onEvent(World.BOT, event(GroupChange.CREATE, "group_create", "G-9", "REQ-9",
                List.of(), List.of(), 0, now.minusSeconds(121)))).isEmpty();
    }

    @Test
    void anEventOfAnUnknownGroupDatedBeyondTheRaceAheadIsNotAskedForAgain() {
        Instant now = world.clock.instant();

        assertThatThrownBy(() -> world.groups.onEvent(World.BOT, event(GroupChange.CREATE, "group_create",
                "G-8", "REQ-8", List.of(), List.of(), 0, now.plusSeconds(100)))).isInstanceOf(NotYetKnown.class);
        assertThat(world.groups.onEvent(World.BOT, event(GroupChange.CREATE, "group_create", "G-8", "REQ-8",
                List.of(), List.of(), 0, now.plus(java.time.Duration.ofDays(3650))))).isEmpty();
    }

    @Test
    void theSameWebhookTwiceTellsTheBotOnce() {
        Group created = world.groups.create(World.BOT, "VIP", null, null);
        GroupEvent create = lifecycle("group_create", "G-1", created.requestId(), 0);

        assertThat(world.groups.onEvent(World.BOT, create)).isPresent();
        assertThat(world.groups.onEvent(World.BOT, create)).isEmpty();
        assertThat(world.told.groupEvents).containsExactly("created");
    }
}
