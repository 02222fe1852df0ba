package net.wagw.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * dynalite keeps its data in memory and has no transactions and no TTL (docs/contracts.md §1).
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
        return start(projectDir, freeLoopbackPort());
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
        // the other local tools (the API viewer, the browser driver) come from the same lock file
        if (!Files.isRegularFile(cli) || !Files.isDirectory(projectDir.resolve("node_modules/swagger-ui-dist"))
                || !Files.isDirectory(projectDir.resolve("node_modules/playwright-core"))) {
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
            dynalite.awaitListening();
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
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with code " + process.exitValue() + " on start");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                sleep(25);
            }
        }
        close();
        throw new IllegalStateException("dynalite did not listen on port " + port + " within " + START_TIMEOUT);
    }

    private static void install(Path projectDir) {
        LOG.infof("Installing dynalite and the local tools with npm ci in %s", projectDir.toAbsolutePath());
        Path output = null;
        try {
            // npm's output goes to a file, not to this JVM's stdout: under surefire that stream is the
            // channel to the test runner, and foreign bytes on it corrupt it.
            output = Files.createTempFile("wagw-npm-ci", ".log");
            Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                    .directory(projectDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci did not finish within " + INSTALL_TIMEOUT + ": " + tail(output));
            }
            if (npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed with exit code " + npm.exitValue() + ": " + tail(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run npm: is Node.js installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing dynalite", e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** The last lines npm wrote, for the exception that says it failed. */
    private static String tail(Path output) {
        try {
            List<String> lines = Files.readAllLines(output);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(npm's output could not be read: " + e.getMessage() + ")";
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dynalite", e);
        }
    }
}
