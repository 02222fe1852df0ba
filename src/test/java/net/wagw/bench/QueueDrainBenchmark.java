package net.wagw.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import net.wagw.domain.send.QueueScenarios;
import net.wagw.domain.send.QueueScenarios.Figures;

/**
 * The queue's drain and fault suite in virtual time (domain level, in-memory ports; see
 * {@link QueueScenarios}): prints each scenario's figures, the median of {@code repeats} runs.
 * Usage: QueueDrainBenchmark [repeats]
 */
public final class QueueDrainBenchmark {
    private QueueDrainBenchmark() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Supplier<Figures>> scenarios = List.of(
                () -> QueueScenarios.backlog("10,000 sends, 80/s configured, Meta allows 80/s", 10_000, 80, 80),
                () -> QueueScenarios.backlog("10,000 sends, 1,000/s configured, Meta allows 1,000/s", 10_000, 1000, 1000),
                () -> QueueScenarios.backlog("10,000 sends, 80/s configured, Meta allows 40/s", 10_000, 80, 40),
                () -> QueueScenarios.uncertain(1_000),
                () -> QueueScenarios.uncertainSettled(1_000),
                () -> QueueScenarios.serverErrorBursts(10_000),
                () -> QueueScenarios.botDown(1_000));
        System.out.printf("%-62s %6s %6s %10s %10s %8s %7s %6s %5s %6s %7s %5s %4s %6s %8s%n", "scenario (median of " + repeats
                + ")", "posted", "sent", "drain", "to bot", "sends/s", "130429", "5xx", "dup", "gaveup", "unclear", "stuck", "lost",
                "botdup", "wall ms");
        for (Supplier<Figures> scenario : scenarios) {
            List<Figures> runs = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                runs.add(scenario.get());
            }
            runs.sort(Comparator.comparingLong(Figures::wallMillis));
            Figures f = runs.get(runs.size() / 2);
            System.out.printf("%-62s %6d %6d %9.1fs %9.1fs %8.1f %7d %6d %5d %6d %7d %5d %4d %6d %8d%n", f.name(), f.posted(),
                    f.sent(), f.drain().toMillis() / 1000.0, f.toBot().toMillis() / 1000.0,
                    f.sendsPerSecond(), f.throttled(), f.metaErrors(),
                    f.duplicates(), f.givenUp(), f.toldUnclear(), f.stuck(), f.lost(), f.botDuplicates(), f.wallMillis());
        }
    }
}
