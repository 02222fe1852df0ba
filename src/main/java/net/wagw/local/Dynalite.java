package net.wagw.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A dynalite process (the npm package, a DynamoDB-compatible server) on a free loopback port,
 * installed from the checked-in package-lock.json when missing. For local runs and tests only.
 * dynalite keeps its data in memory and has no transactions and no TTL (docs/contracts.md §1).
 */
public final class Dynalite implements AutoCloseable {
    private final LocalProcess process;
    private final Path projectDir;

    private Dynalite(LocalProcess process, Path projectDir) {
        this.process = process;
        this.projectDir = projectDir;
    }

    /** Starts dynalite from {@code projectDir/node_modules}, installing it there first if needed. */
    public static Dynalite start(Path projectDir) {
        return start(projectDir, LocalProcess.freeLoopbackPort());
    }

    /**
     * A new, empty dynalite on this one's port (after {@link #close()}), as when a database comes
     * back after an outage; clients configured with the endpoint reconnect to it.
     */
    public Dynalite restart() {
        close();
        return start(projectDir, process.port());
    }

    private static Dynalite start(Path projectDir, int port) {
        return new Dynalite(LocalProcess.node("dynalite", projectDir, "dynalite/cli.js", List.of("--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0",
                "--updateTableMs", "0"), port), projectDir);
    }

    public URI endpoint() {
        return process.endpoint();
    }

    public int port() {
        return process.port();
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    @Override
    public void close() {
        process.close();
    }
}
