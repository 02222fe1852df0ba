package net.wagw.testing;

import net.wagw.local.WhatsAppSimulator;

/**
 * The simulator plays Meta: it posts an earlier test's status webhooks a little later (up to ~1 s,
 * tried for up to 10 s more). A test that counts requests, log lines or calls in this JVM waits for
 * them to land first, so that it counts only its own.
 */
public final class SimulatorQuiet {
    private SimulatorQuiet() {
    }

    /** Returns once the simulator has nothing more to post (at most 20 s). */
    public static void await(WhatsAppSimulator simulator) {
        try {
            for (int waited = 0; !simulator.quiet() && waited < 20_000; waited += 50) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
