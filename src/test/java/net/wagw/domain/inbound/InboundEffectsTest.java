package net.wagw.domain.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.content.InboundContent;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.Notification;
import net.wagw.domain.optin.OptInChange;
import net.wagw.domain.ports.InMemory;
import net.wagw.domain.ports.World;
import net.wagw.domain.send.MessageStatus;
import net.wagw.domain.send.SentMessage;
import net.wagw.domain.send.StatusUpdate;

/** What Meta's webhooks change (docs/contracts.md §3.4, §3.5, §5), each effect safe to repeat. */
class InboundEffectsTest {
    private static final String WA_ID = "5531988881001";
    private static final String NODE = WA_ID + "@wa.gw.msging.net";
    private final World world = new World();

    private ContactKey customer() {
        return world.numbers.contactKeyOfWaId(WA_ID);
    }

    private static InboundMessage message(String wamid, String text, Instant at) {
        return new InboundMessage(World.PHONE_NUMBER_ID, wamid, WA_ID, "Maria", null, at, "text", text, null, "{}",
                new Received(new InboundContent.Plain(text), null, false, false, false, Map.of(), Map.of(), null),
                null, null);
    }

    private static StatusUpdate status(String wamid, MessageStatus status, Instant at, int errorCode) {
        return new StatusUpdate(World.PHONE_NUMBER_ID, wamid, status, at, WA_ID, null, errorCode,
                errorCode == 0 ? null : "error " + errorCode);
    }

    private void sent(String wamid, String envelopeId) {
        world.statuses.track(World.BOT.id(), wamid, NODE, new SentMessage(envelopeId, "", Map.of()));
    }

    @Test
    void aCustomerMessageOpensTheWindowTeachesTheNameAndIsStoredAndQueuedForTheBotOnce() {
        Instant sent = world.clock.instant().minusSeconds(30);

        assertThat(world.inbound.receive(World.BOT, message("wamid.1", "Oi", sent), "lime-1")).isPresent();
        assertThat(world.inbound.receive(World.BOT, message("wamid.1", "Oi", sent), "lime-1")).isEmpty();

        assertThat(world.windows.lastInbound(World.BOT.id(), customer())).contains(sent);
        assertThat(world.contactStore.find(World.BOT.id(), customer())).get()
                .satisfies(c -> assertThat(c.fullName()).isEqualTo("Maria"));
        assertThat(world.deliveries.stored.values()).singleElement().satisfies(d -> {
            assertThat(d.target()).isEqualTo(Delivery.Target.MESSAGES);
            assertThat(d.body()).isEqualTo("lime-1");
        });
        // the repeat is queued again, so a first queueing that failed is made good; a try of a delivered one does nothing
        assertThat(world.queue.queued).extracting(InMemory.Queue.Queued::lane).containsOnly("bot-a/" + WA_ID);
    }

    @Test
    void aRepeatOnAnotherFunctionIsAppliedAgainUntilATryOfItsDeliveryTookItThenOnlyQueuedAgain() {
        Instant sent = world.clock.instant().minusSeconds(30);
        // stored by a function that stopped before its effects: never tried
        world.deliveries.stored.put(World.BOT.id() + "#message:wamid.1", new Delivery(World.BOT.id(), "message:wamid.1",
                Delivery.Target.MESSAGES, "lime-1", Delivery.State.PENDING, 0, sent, sent, null, 0));
        InboundService another = new InboundService(world.identities, world.windows, world.optIns, world.outbox,
                world.effects);

        assertThat(another.receive(World.BOT, message("wamid.1", "Oi", sent), "lime-1")).isEmpty();
        assertThat(world.windows.lastInbound(World.BOT.id(), customer())).as("applied again").contains(sent);

        // a try took the next one: its effects were applied before it was queued
        Instant later = world.clock.instant().minusSeconds(10);
        world.deliveries.stored.put(World.BOT.id() + "#message:wamid.2", new Delivery(World.BOT.id(), "message:wamid.2",
                Delivery.Target.MESSAGES, "lime-2", Delivery.State.DELIVERED, 1, later, later, null, 1));
        assertThat(new InboundService(world.identities, world.windows, world.optIns, world.outbox, world.effects)
                .receive(World.BOT, message("wamid.2", "Oi de novo", later), "lime-2")).isEmpty();
        assertThat(world.windows.lastInbound(World.BOT.id(), customer())).as("not applied again").contains(sent);
        assertThat(world.queue.queued).hasSize(2);
    }

    @Test
    void aCustomersMessagesShareOneLaneSoTheBotGetsThemInOrder() {
        Instant now = world.clock.instant();
        world.inbound.receive(World.BOT, message("wamid.1", "um", now), "a");
        world.inbound.receive(World.BOT, message("wamid.2", "dois", now), "b");
        world.inbound.receive(World.BOT, new InboundMessage(World.PHONE_NUMBER_ID, "wamid.3", "5531977770000", null,
                null, now, "text", "três", null, "{}", new Received(new InboundContent.Plain("três"), null, false,
                        false, false, Map.of(), Map.of(), null), null, null), "c");

        assertThat(world.queue.queued).extracting(InMemory.Queue.Queued::lane)
                .containsExactly("bot-a/" + WA_ID, "bot-a/" + WA_ID, "bot-a/5531977770000");
    }

    @Test
    void aLateMessageDoesNotMoveTheWindowBack() {
        Instant now = world.clock.instant();
        world.inbound.receive(World.BOT, message("wamid.2", "depois", now), "b");
        world.inbound.receive(World.BOT, message("wamid.1", "antes", now.minus(Duration.ofHours(2))), "a");

        assertThat(world.windows.lastInbound(World.BOT.id(), customer())).contains(now);
    }

    @Test
    void aStopKeywordRevokesAnActiveOptInAndAnyOtherTextLeavesIt() {
        world.optIns.consent(World.BOT.id(), world.numbers.parse("+" + WA_ID), "web", null, List.of());

        world.inbound.receive(World.BOT, message("wamid.1", "parar de receber", world.clock.instant()), "a");
        assertThat(world.optIns.current(World.BOT.id(), customer())).get().satisfies(c -> assertThat(c.active()).isTrue());

        world.inbound.receive(World.BOT, message("wamid.2", " Sair ", world.clock.instant()), "b");
        assertThat(world.optIns.current(World.BOT.id(), customer())).get().satisfies(c -> {
            assertThat(c.active()).isFalse();
            assertThat(c.source()).isEqualTo("keyword");
            assertThat(c.by()).isEqualTo("customer");
        });
    }

    @Test
    void statusesMoveOnlyForwardAndReadAndPlayedAreBothConsumed() {
        sent("wamid.S", "m-1");
        Instant now = world.clock.instant();

        assertThat(world.inbound.status(World.BOT, status("wamid.S", MessageStatus.DELIVERED, now, 0))).isPresent();
        assertThat(world.inbound.status(World.BOT, status("wamid.S", MessageStatus.SENT, now, 0))).isEmpty();
        assertThat(world.inbound.status(World.BOT, status("wamid.S", MessageStatus.PLAYED, now, 0))).isPresent();
        assertThat(world.inbound.status(World.BOT, status("wamid.S", MessageStatus.READ, now, 0))).isEmpty();

        assertThat(world.told.events("m-1")).containsExactly("received", "consumed");
    }

    @Test
    void aStatusOfAMessageNotRecordedYetIsKeptNotToldAndNotRefused() {
        Instant now = world.clock.instant();

        assertThat(world.inbound.status(World.BOT, status("wamid.X", MessageStatus.SENT, now, 0))).isEmpty();
        assertThat(world.inbound.status(World.BOT, status("wamid.X", MessageStatus.DELIVERED, now, 0))).isEmpty();
        assertThat(world.inbound.status(World.BOT, status("wamid.X", MessageStatus.SENT, now, 0))).isEmpty();

        assertThat(world.statuses.kept(World.BOT.id(), "wamid.X")).get()
                .extracting(StatusUpdate::status).isEqualTo(MessageStatus.DELIVERED);
        assertThat(world.told.notifications).isEmpty();
    }

    @Test
    void aFailedStatus131050RevokesMarketingConsentOnlyAndTellsTheBotWhy() {
        world.optIns.consent(World.BOT.id(), world.numbers.parse("+" + WA_ID), "web", null, List.of());
        sent("wamid.F", "m-1");

        world.inbound.status(World.BOT, status("wamid.F", MessageStatus.FAILED, world.clock.instant(), 131050));

        OptInChange now = world.optIns.current(World.BOT.id(), customer()).orElseThrow();
        assertThat(now.covers("MARKETING")).isFalse();
        assertThat(now.covers("UTILITY")).isTrue();
        Notification failed = world.told.notifications.get(0);
        assertThat(failed.event()).isEqualTo(Notification.Event.FAILED);
        assertThat(failed.reasonDescription()).contains("131050");
    }
}
