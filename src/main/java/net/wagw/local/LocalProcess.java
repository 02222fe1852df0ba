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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * One local server process (dynalite, s3rver, ElasticMQ) listening on a loopback port; stopped on
 * close or when the JVM exits. Node.js ones come from the project's own {@code node_modules}
 * (pinned by package-lock.json, installed with {@code npm ci} when missing). For local runs and
 * tests only.
 */
public final class LocalProcess implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LocalProcess.class);
    private static final Duration NODE_START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final Process process;
    private final int port;
    private final Thread shutdownHook;

    private LocalProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(process::destroyForcibly, name + "-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Runs {@code node projectDir/node_modules/<script> <arguments>} and waits until {@code port}
     * accepts connections.
     */
    static LocalProcess node(String name, Path projectDir, String script, List<String> arguments, int port) {
        Path cli = projectDir.resolve("node_modules").resolve(script);
        // the other local tools (the API viewer, the browser driver) come from the same lock file
        if (!Files.isRegularFile(cli) || !Files.isDirectory(projectDir.resolve("node_modules/swagger-ui-dist"))
                || !Files.isDirectory(projectDir.resolve("node_modules/playwright-core"))) {
            install(name, projectDir);
        }
        List<String> command = new ArrayList<>(List.of("node", cli.toString()));
        command.addAll(arguments);
        return start(name, command, port, NODE_START_TIMEOUT);
    }

    /** Runs {@code command} and waits until {@code port} accepts connections. */
    static LocalProcess start(String name, List<String> command, int port, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            LocalProcess started = new LocalProcess(name, process, port);
            started.awaitListening(timeout);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " (" + command.get(0) + "): is it installed?", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    boolean isRunning() {
        return process.isAlive();
    }

    /** Ends a process a local run or test started: asked first, forced after 5 s. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " on start");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                sleep(25);
            }
        }
        close();
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + timeout);
    }

    private static void install(String name, Path projectDir) {
        LOG.infof("Installing %s and the local tools with npm ci in %s", name, projectDir.toAbsolutePath());
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
            throw new IllegalStateException("interrupted while installing " + name, e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    private static String tail(Path output) {
        try {
            List<String> lines = Files.readAllLines(output);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(npm's output could not be read: " + e.getMessage() + ")";
        }
    }

    static int freeLoopbackPort() {
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
            throw new IllegalStateException("interrupted while waiting for a local server", e);
        }
    }
}
