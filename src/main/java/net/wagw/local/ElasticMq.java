package net.wagw.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * An ElasticMQ process (an SQS-compatible server) on a free loopback port, for local runs and
 * tests only. Its class path is resolved by Maven from {@code tools/elasticmq/pom.xml} (once, kept
 * in {@code target/}), so ElasticMQ, Scala and Pekko stay out of the Lambda artifact.
 */
public final class ElasticMq implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ElasticMq.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RESOLVE_TIMEOUT = Duration.ofMinutes(5);
    private static final String TOOL_POM = "tools/elasticmq/pom.xml";
    private static final String CLASSPATH_FILE = "target/elasticmq.classpath";

    private final LocalProcess process;
    private final Path projectDir;

    private ElasticMq(LocalProcess process, Path projectDir) {
        this.process = process;
        this.projectDir = projectDir;
    }

    /** Starts ElasticMQ, asking Maven for its class path first when {@code target/} lacks it. */
    public static ElasticMq start(Path projectDir) {
        return start(projectDir, LocalProcess.freeLoopbackPort());
    }

    /** A new, empty ElasticMQ on this one's port (after {@link #close()}): the queue server came back. */
    public ElasticMq restart() {
        close();
        return start(projectDir, process.port());
    }

    private static ElasticMq start(Path projectDir, int port) {
        String classpath = classpath(projectDir);
        try {
            Path config = Files.createTempFile("wagw-elasticmq-", ".conf");
            config.toFile().deleteOnExit();
            Files.writeString(config, """
                    include classpath("application.conf")
                    node-address { protocol = http, host = 127.0.0.1, port = %d, context-path = "" }
                    rest-sqs { enabled = true, bind-port = %d, bind-hostname = "127.0.0.1", sqs-limits = strict }
                    rest-stats { enabled = false }
                    """.formatted(port, port), StandardCharsets.UTF_8);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            return new ElasticMq(LocalProcess.start("ElasticMQ", List.of(java.toString(), "-Xmx256m",
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dconfig.file=" + config,
                    "-Dlogback.configurationFile=none", "-cp", classpath, "org.elasticmq.server.Main"), port,
                    START_TIMEOUT), projectDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start ElasticMQ", e);
        }
    }

    public URI endpoint() {
        return process.endpoint();
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    @Override
    public void close() {
        process.close();
    }

    /** The server's class path, resolved by Maven (from the local repository once it is there). */
    private static synchronized String classpath(Path projectDir) {
        Path file = projectDir.resolve(CLASSPATH_FILE);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                resolve(projectDir, file);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static void resolve(Path projectDir, Path file) throws IOException {
        LOG.infof("Resolving ElasticMQ's class path with Maven (%s)", TOOL_POM);
        Files.createDirectories(file.getParent());
        Path mvnw = projectDir.resolve("mvnw");
        List<String> command = List.of(Files.isExecutable(mvnw) ? mvnw.toString() : "mvn", "-B", "-q",
                "-f", projectDir.resolve(TOOL_POM).toString(), "dependency:build-classpath",
                "-Dmdep.outputFile=" + file.toAbsolutePath());
        try {
            // Maven's output goes to a file: under surefire this JVM's stdout is the channel to the runner
            Path log = file.resolveSibling("elasticmq-resolve.log");
            Process maven = new ProcessBuilder(command).directory(projectDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!maven.waitFor(RESOLVE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                maven.destroyForcibly();
                throw new IllegalStateException("Maven did not resolve ElasticMQ within " + RESOLVE_TIMEOUT);
            }
            if (maven.exitValue() != 0) {
                throw new IllegalStateException("Maven could not resolve ElasticMQ (exit " + maven.exitValue() + "); see "
                        + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resolving ElasticMQ", e);
        }
    }
}
