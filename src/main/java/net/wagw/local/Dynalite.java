package net.wagw.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * A dynalite process (the npm package, a DynamoDB-compatible server) on a free loopback port,
 * installed from the checked-in package-lock.json when missing. For local runs and tests only.
 * dynalite keeps its data in memory and has no transactions and no TTL (DESIGN.md 1).
 */
public final class Dynalite implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Dynalite.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final int port;
    private final Path projectDir;
    private final Thread shutdownHook;

    private Dynalite(Process process, int port, Path projectDir) {
        this.process = process;
        this.port = port;
        this.projectDir = projectDir;
        this.shutdownHook = new Thread(process::destroyForcibly, "dynalite-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts dynalite from {@code projectDir/node_modules}, installing it there first if needed. */
    public static Dynalite start(Path projectDir) {
        return start(projectDir, LocalServers.freeLoopbackPort());
    }

    /**
     * A new, empty dynalite on this one's port (after {@link #close()}), as when a database comes
     * back after an outage; clients configured with the endpoint reconnect to it.
     */
    public Dynalite restart() {
        close();
        return start(projectDir, port);
    }

    private static Dynalite start(Path projectDir, int port) {
        Path cli = projectDir.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            install(projectDir);
        }
        try {
            Process process = new ProcessBuilder(List.of("node", cli.toString(), "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0",
                    "--updateTableMs", "0"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Dynalite dynalite = new Dynalite(process, port, projectDir);
            LocalServers.awaitListening(process, port, "dynalite", START_TIMEOUT);
            return dynalite;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start dynalite with node: is Node.js installed?", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        LocalServers.stop(process, shutdownHook);
    }

    private static void install(Path projectDir) {
        LOG.infof("Installing dynalite with npm ci in %s", projectDir.toAbsolutePath());
        try {
            Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                    .directory(projectDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci did not finish within " + INSTALL_TIMEOUT);
            }
            if (npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed with exit code " + npm.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run npm: is Node.js installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing dynalite", e);
        }
    }
}
