package net.wagw.domain.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
    void tenThousandTemplateSendsUnder130429AreEachSentOnceAndNoneGivenUp() {
        // Meta counts the number's inbound traffic too: here it leaves half the configured rate
        Figures figures = QueueScenarios.backlog("10,000 at 80/s, Meta allows 40/s", 10_000, 80, 40);

        assertThat(figures.throttled()).as("130429 answers").isPositive();
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
}
