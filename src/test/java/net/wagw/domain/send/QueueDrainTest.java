package net.wagw.domain.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import net.wagw.domain.meta.MetaOutcome;
import net.wagw.domain.send.QueueScenarios.Figures;

/** The queue's fault suite (issue 14), asserted; {@code bench/queue-drain.sh} prints the same figures. */
class QueueDrainTest {

    private static void allSentOnceAndNothingLeft(Figures figures) {
        assertThat(figures.sent()).as("sent").isEqualTo(figures.posted());
        assertThat(figures.duplicates()).as("sent twice").isZero();
        assertThat(figures.givenUp()).as("given up").isZero();
        assertThat(figures.stuck()).as("left SENDING/PENDING/UNCERTAIN").isZero();
        assertThat(figures.lost()).as("deliveries to the bot never delivered").isZero();
        assertThat(figures.botDuplicates()).as("deliveries the bot got twice").isZero();
        assertThat(figures.queued()).as("work left on the queue").isZero();
    }

    @Test
    void tenThousandTemplateSendsPacedAtMetasLimitAreEachSentOnceWithNo130429() {
        Figures figures = QueueScenarios.backlog("10,000 at 80/s", 10_000, 80, 80);

        allSentOnceAndNothingLeft(figures);
        assertThat(figures.throttled()).as("130429 answers").isZero();
    }

    @Test
    void tenThousandTemplateSendsUnder130429AreEachSentOnceNoneGivenUpAndThePacingAdaptsToFew130429s() {
        // Meta counts the number's inbound traffic too: here it leaves half the configured rate
        Figures figures = QueueScenarios.backlog("10,000 at 80/s, Meta allows 40/s", 10_000, 80, 40);

        assertThat(figures.throttled()).as("130429 answers: the rate learns Meta's limit")
                .isPositive().isLessThan(figures.posted() / 100);
        allSentOnceAndNothingLeft(figures);
    }

    @Test
    void sendsMetaAnsweredUnclearlyAreNeverSentAgainAndTheBotIsToldOnce() {
        Figures figures = QueueScenarios.uncertain(1_000);

        assertThat(figures.duplicates()).as("sent twice").isZero();
        assertThat(figures.toldUnclear()).as("told failed: Meta's answer was unclear").isEqualTo(300);
        assertThat(figures.sent()).isEqualTo(700);
        assertThat(figures.stuck()).as("left SENDING/PENDING/UNCERTAIN").isZero();
        assertThat(figures.lost()).as("deliveries to the bot never delivered").isZero();
        assertThat(figures.botDuplicates()).as("deliveries the bot got twice").isZero();
    }

    @Test
    void unclearAnswersFollowedByTheirStatusWebhookAreSettledAsSentNeverSentAgainAndNeverToldFailed() {
        Figures figures = QueueScenarios.uncertainSettled(1_000);

        assertThat(figures.toldUnclear()).as("told failed: Meta's answer was unclear").isZero();
        allSentOnceAndNothingLeft(figures);
    }

    @Test
    void aStatusNamingTheUnclearSendOfAnotherBotSettlesNothing() {
        SendWorld world = new SendWorld(80, 80);
        world.meta.fault((envelope, at) -> new MetaOutcome.Done());
        world.post("e-1", SendWorld.customer(1));
        String others = CallbackData.of("other-bot", "e-1").orElseThrow();

        world.status(new StatusUpdate(SendWorld.PHONE_NUMBER_ID, "wamid.X", MessageStatus.SENT,
                world.clock.instant(), "5531980000001", null, 0, null, null, java.util.Map.of(), others));
        world.drain(java.time.Duration.ofHours(1));

        assertThat(world.failed(net.wagw.domain.Reason.GATEWAY_ERROR.code())).as("told failed: unclear").isEqualTo(1);
        assertThat(world.statuses.sent(world.bot.id(), "wamid.X")).as("the wamid not taken as this send's").isEmpty();
    }

    @Test
    void aStatusNamingAnUnclearSendRecordsItsWamidAndTellsTheBotWhatMetaSaid() {
        SendWorld world = new SendWorld(80, 80);
        world.meta.fault((envelope, at) -> new MetaOutcome.Uncertain("read timed out after the request was written"));
        world.post("e-1", SendWorld.customer(1));
        String named = CallbackData.of(world.bot.id(), "e-1").orElseThrow();

        world.status(new StatusUpdate(SendWorld.PHONE_NUMBER_ID, "wamid.E1", MessageStatus.DELIVERED,
                world.clock.instant(), "5531980000001", null, 0, null, null, java.util.Map.of(), named));
        world.drain(java.time.Duration.ofHours(1));

        OutboundMessage message = world.messages.find(world.bot.id(), "e-1").orElseThrow();
        assertThat(message.state()).isEqualTo(OutboundMessage.State.SENT);
        assertThat(message.wamid()).isEqualTo("wamid.E1");
        assertThat(world.botSide.received("received")).as("told delivered").isEqualTo(1);
        assertThat(world.botSide.received("failed")).as("never told failed").isZero();
        assertThat(world.meta.requests()).as("requests at Meta").isEqualTo(1);
    }

    @Test
    void sendsThroughBurstsOfMetaServerErrorsAreEachSentOnceAndNoneGivenUp() {
        Figures figures = QueueScenarios.serverErrorBursts(10_000);

        assertThat(figures.metaErrors()).as("5xx answers").isPositive();
        allSentOnceAndNothingLeft(figures);
    }

    @Test
    void everythingForABotDownThreeDaysIsDeliveredOnceAfterItComesBack() {
        Figures figures = QueueScenarios.botDown(1_000);

        allSentOnceAndNothingLeft(figures);
    }

    @Test
    void aSendTheQueueCouldNotKeepIsAcceptedOnTheBotsRetryOnceTheQueueIsBackAndSentOnce() {
        SendWorld world = new SendWorld(80, 80);
        String to = SendWorld.customer(1);
        // Meta asks for a retry, so the send must be handed to the queue, which is down
        world.meta.fault((envelope, at) -> at.isBefore(SendWorld.START.plusSeconds(60))
                ? new MetaOutcome.Error(500, 131000, null, "Something went wrong", null) : null);
        world.queue.down = true;
        assertThatThrownBy(() -> world.post("e-1", to)).as("not accepted while it cannot be kept").isNotNull();
        assertThat(world.botSide.received("accepted")).isZero();

        world.queue.down = false;
        assertThat(world.post("e-1", to)).as("the bot's retry of the same envelope").isEqualTo("e-1");
        assertThat(world.messages.find(world.bot.id(), "e-1").orElseThrow().accepted())
                .as("accepted when its retry queued it, not only once Meta takes it").isTrue();
        world.clock.advance(java.time.Duration.ofMinutes(2));
        world.drain(java.time.Duration.ofHours(1));

        assertThat(world.meta.taken()).as("sent").isEqualTo(1);
        assertThat(world.meta.duplicates()).as("sent twice").isZero();
        assertThat(world.botSide.received("accepted")).as("the bot told accepted once").isEqualTo(1);
    }
}
