package net.wagw.domain.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.wagw.domain.content.InboundContent;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.group.Group;
import net.wagw.domain.group.GroupChange;
import net.wagw.domain.group.GroupEvent;
import net.wagw.domain.ports.InMemory;
import net.wagw.domain.ports.World;
import net.wagw.domain.send.MessageStatus;
import net.wagw.domain.send.SentMessage;
import net.wagw.domain.send.StatusUpdate;
import net.wagw.domain.work.Work;

/**
 * One webhook POST taken in (docs/contracts.md §7): order, repeats, the send-again answer, kept early
 * statuses, account-wide events, media, values the store refuses, strangers.
 */
class WebhookIngestionTest {
    private static final String WA_ID = "5531988881001";
    private final World world = new World();
    private final WebhookIngestion ingestion = world.ingestion();

    private InboundMessage message(String phoneNumberId, String wamid, String groupId, InboundContent content) {
        return message(WA_ID, phoneNumberId, wamid, groupId, content);
    }

    private InboundMessage message(String from, String phoneNumberId, String wamid, String groupId,
            InboundContent content) {
        return new InboundMessage(phoneNumberId, wamid, from, "Maria", null, world.clock.instant(), "text", "Oi",
                groupId, "{}", new Received(content, null, false, false, false, Map.of(), Map.of(), null), null, null);
    }

    private InboundMessage text(String wamid) {
        return message(World.PHONE_NUMBER_ID, wamid, null, new InboundContent.Plain("Oi"));
    }

    /** A text from another customer than {@link #WA_ID}. */
    private InboundMessage textFrom(String from, String wamid) {
        return message(from, World.PHONE_NUMBER_ID, wamid, null, new InboundContent.Plain("Oi"));
    }

    private static WebhookBatch batch(List<InboundMessage> messages, List<StatusUpdate> statuses, List<GroupEvent> events) {
        return new WebhookBatch(messages, statuses, events, 0);
    }

    @Test
    void aBatchIsKeptAndQueuedForTheBotAndMetaToldItWasReceived() {
        assertThat(ingestion.ingest(batch(List.of(text("wamid.1"), text("wamid.2")), List.of(), List.of())))
                .isEqualTo(WebhookIngestion.Answer.RECEIVED);

        assertThat(world.deliveries.stored.values()).extracting(Delivery::body).containsExactlyInAnyOrder(
                "{\"id\":\"wamid.1\",\"group\":\"null\"}", "{\"id\":\"wamid.2\",\"group\":\"null\"}");
        assertThat(world.queue.works()).containsExactlyInAnyOrder(new Work.Deliver(World.BOT.id(), "message:wamid.1"),
                new Work.Deliver(World.BOT.id(), "message:wamid.2"));
    }

    @Test
    void aCustomersMessagesInOneBatchGoOnTheirLaneInTheBatchsOrderWhileAnotherCustomersRunBeside() {
        // the first renders only once the other customer's message is queued: handled side by side,
        // the customer's later messages would overtake it; handled in one lane, the other would wait
        world.rendersOnceQueued.put("wamid.1", "message:wamid.X");
        InboundMessage other = textFrom("5531977771002", "wamid.X");

        ingestion.ingest(batch(List.of(text("wamid.1"), text("wamid.2"), other, text("wamid.3"), text("wamid.4")),
                List.of(), List.of()));

        assertThat(world.queue.queued).filteredOn(q -> q.lane().equals("bot-a/" + WA_ID))
                .extracting(q -> ((Work.Deliver) q.work()).deliveryId())
                .containsExactly("message:wamid.1", "message:wamid.2", "message:wamid.3", "message:wamid.4");
        assertThat(world.queue.queued).extracting(q -> ((Work.Deliver) q.work()).deliveryId())
                .as("the other customer's message did not wait behind the slow one").startsWith("message:wamid.X");
    }

    @Test
    void anOutageStopsTheRestOfItsCustomersMessagesSoMetasRetryQueuesThemInOrder() {
        world.outageWhileRendering.add("wamid.2");
        InboundMessage other = textFrom("5531977771003", "wamid.X");
        WebhookBatch batch = batch(List.of(text("wamid.1"), text("wamid.2"), text("wamid.3"), other), List.of(), List.of());

        assertThatThrownBy(() -> ingestion.ingest(batch)).hasMessageContaining("down");
        assertThat(world.queue.works()).extracting(w -> ((Work.Deliver) w).deliveryId())
                .containsExactlyInAnyOrder("message:wamid.1", "message:wamid.X");

        world.outageWhileRendering.clear();
        world.queue.queued.clear();
        ingestion.ingest(batch);
        assertThat(world.queue.queued).filteredOn(q -> q.lane().equals("bot-a/" + WA_ID))
                .extracting(q -> ((Work.Deliver) q.work()).deliveryId())
                .containsExactly("message:wamid.1", "message:wamid.2", "message:wamid.3");
    }

    @Test
    void aRepeatedMessageIsQueuedAgainButNotRenderedOrAppliedAgain() {
        ingestion.ingest(batch(List.of(text("wamid.1")), List.of(), List.of()));
        world.windows.recordInbound(World.BOT.id(), world.numbers.contactKeyOfWaId(WA_ID), Instant.EPOCH);

        ingestion.ingest(batch(List.of(text("wamid.1")), List.of(), List.of()));

        assertThat(world.rendered).containsExactly("wamid.1");
        assertThat(world.queue.works()).containsExactly(new Work.Deliver(World.BOT.id(), "message:wamid.1"),
                new Work.Deliver(World.BOT.id(), "message:wamid.1"));
        assertThat(world.windows.lastInbound(World.BOT.id(), world.numbers.contactKeyOfWaId(WA_ID)))
                .contains(world.clock.instant());
    }

    @Test
    void aGroupCreatedInTheBatchIsActiveForItsMessagesWhichNameItByWagwsId() {
        Group created = world.groups.create(World.BOT, "VIP", null, null);
        GroupEvent create = new GroupEvent(World.PHONE_NUMBER_ID, GroupChange.CREATE, "group_create", "G-1",
                created.requestId(), world.clock.instant(), "VIP", null, null, null, List.of(), List.of(), List.of(), 0,
                null, "{}");

        ingestion.ingest(batch(List.of(message(World.PHONE_NUMBER_ID, "wamid.G", "G-1", new InboundContent.Plain("Oi"))),
                List.of(), List.of(create)));

        assertThat(world.deliveries.get(World.BOT.id(), "message:wamid.G").body())
                .isEqualTo("{\"id\":\"wamid.G\",\"group\":\"" + created.id() + "\"}");
    }

    @Test
    void aGroupEventBeforeItsGroupIsRecordedAsksMetaToSendAgainAndKeepsTheRest() {
        GroupEvent early = new GroupEvent(World.PHONE_NUMBER_ID, GroupChange.CREATE, "group_create", "G-404",
                "REQ-404", world.clock.instant(), "VIP", null, null, null, List.of(), List.of(), List.of(), 0, null, "{}");

        assertThat(ingestion.ingest(batch(List.of(text("wamid.1")), List.of(), List.of(early))))
                .isEqualTo(WebhookIngestion.Answer.SEND_AGAIN);
        assertThat(world.deliveries.get(World.BOT.id(), "message:wamid.1")).isNotNull();
    }

    @Test
    void aStatusBeforeItsMessageIsRecordedIsKeptAndToldOnceTheMessageIsTracked() {
        StatusUpdate early = status("wamid.OUT", MessageStatus.SENT);

        assertThat(ingestion.ingest(batch(List.of(text("wamid.1")), List.of(early), List.of())))
                .isEqualTo(WebhookIngestion.Answer.RECEIVED);
        assertThat(world.told.notifications).isEmpty();

        world.statuses.track(World.BOT.id(), "wamid.OUT", WA_ID + "@wa.gw.msging.net", new SentMessage("m-1", "", Map.of()))
                .ifPresent(kept -> world.effects.applyKept(World.BOT, kept));
        assertThat(world.told.events("m-1")).containsExactly("dispatched");
    }

    @Test
    void twoStatusesOfOneMessageInOneBatchAreAppliedInTheBatchsOrderSoTheBotIsToldBoth() {
        world.statuses.track(World.BOT.id(), "wamid.OUT", WA_ID + "@wa.gw.msging.net", new SentMessage("m-1", "", Map.of()));
        world.statuses.track(World.BOT.id(), "wamid.OUT2", WA_ID + "@wa.gw.msging.net", new SentMessage("m-2", "", Map.of()));
        // its "sent" is applied once its "delivered" was tried, or after 1 s: side by side, the "delivered"
        // would go first and the "sent" be dropped as a step back
        world.statuses.holdAdvance("wamid.OUT", MessageStatus.SENT, MessageStatus.DELIVERED);
        List<StatusUpdate> statuses = List.of(status("wamid.OUT", MessageStatus.SENT),
                status("wamid.OUT2", MessageStatus.DELIVERED), status("wamid.OUT", MessageStatus.DELIVERED));

        ingestion.ingest(batch(List.of(), statuses, List.of()));

        assertThat(world.told.events("m-1")).containsExactly("dispatched", "received");
        assertThat(world.told.events("m-2")).containsExactly("received");
    }

    private StatusUpdate status(String wamid, MessageStatus status) {
        return new StatusUpdate(World.PHONE_NUMBER_ID, wamid, status, world.clock.instant(), WA_ID, null, 0, null);
    }

    @Test
    void aCustomersCallEventsInOneBatchGoOnTheirLaneInTheBatchsOrder() {
        world.slowToRender.put("C-1", java.time.Duration.ofMillis(300));
        List<FieldEvent> events = java.util.stream.Stream.of("C-1", "C-2", "C-3").map(id -> new FieldEvent(null,
                World.PHONE_NUMBER_ID, "calls", id, world.clock.instant(), Map.of("customer", WA_ID), FieldEffect.NONE,
                "{}")).toList();

        ingestion.ingest(new WebhookBatch(List.of(), List.of(), List.of(), 0, List.of(), List.of(), events));

        assertThat(world.queue.queued).extracting(q -> ((Work.Deliver) q.work()).deliveryId())
                .containsExactly("event:C-1", "event:C-2", "event:C-3");
    }

    @Test
    void anAccountWideEventIsKeptForEveryBotOfThatBusinessAccountAndOnlyThem() {
        FieldEvent template = new FieldEvent(World.BOT.wabaId(), null, "message_template_status_update", "T-1",
                world.clock.instant(), Map.of(), FieldEffect.NONE, "{}");
        FieldEvent elsewhere = new FieldEvent("waba-nobody", null, "account_update", "A-1", world.clock.instant(),
                Map.of(), FieldEffect.NONE, "{}");

        assertThat(ingestion.ingest(new WebhookBatch(List.of(), List.of(), List.of(), 0, List.of(), List.of(),
                List.of(template, elsewhere)))).isEqualTo(WebhookIngestion.Answer.RECEIVED);

        assertThat(world.deliveries.stored.values()).extracting(Delivery::id).containsExactly("event:T-1");
    }

    @Test
    void anElementTheStoreRefusesAsAValueIsAcknowledgedButAnOutageFailsTheBatch() {
        world.queue.down = new World.Unstorable("item too large");
        assertThat(ingestion.ingest(batch(List.of(text("wamid.1"), text("wamid.2")), List.of(), List.of())))
                .isEqualTo(WebhookIngestion.Answer.RECEIVED);

        world.queue.down = new IllegalStateException("queue unreachable");
        assertThatThrownBy(() -> ingestion.ingest(batch(List.of(text("wamid.3"), text("wamid.4")), List.of(),
                List.of()))).hasMessage("queue unreachable");
    }

    @Test
    void aMediaFileIsTheBotsAndItsCopyQueuedBeforeTheMessageIsKept() {
        ingestion.ingest(batch(List.of(message(World.PHONE_NUMBER_ID, "wamid.M", null,
                new InboundContent.MediaFile("image", "MEDIA-1", "image/jpeg", null, null))), List.of(), List.of()));

        assertThat(world.media).containsKey("MEDIA-1");
        assertThat(world.queue.works()).containsExactly(new Work.CopyMedia(World.BOT.id(), "MEDIA-1"),
                new Work.Deliver(World.BOT.id(), "message:wamid.M"));
    }

    @Test
    void anEventForANumberNoBotHasIsAcknowledgedAndDropped() {
        assertThat(ingestion.ingest(batch(List.of(message("999", "wamid.X", null, new InboundContent.Plain("Oi"))),
                List.of(), List.of()))).isEqualTo(WebhookIngestion.Answer.RECEIVED);

        assertThat(world.deliveries.stored).isEmpty();
        assertThat(world.queue.queued).extracting(InMemory.Queue.Queued::work).isEmpty();
    }
}
