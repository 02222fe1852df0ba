package net.wagw.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An s3rver process (the npm package, an S3-compatible server) on a free loopback port, keeping
 * its objects in a temporary directory that is deleted on {@link #close()}. Installed from the
 * checked-in package-lock.json when missing. For local runs and tests only: it answers the S3
 * calls wagw makes (CreateBucket, PutObject, GetObject, HeadObject) and, like any S3-compatible
 * server we could run here, has no lifecycle rules, so retention is enforced by the code too.
 */
public final class S3rver implements AutoCloseable {
    private final LocalProcess process;
    private final Path projectDir;
    private final Path data;

    private S3rver(LocalProcess process, Path projectDir, Path data) {
        this.process = process;
        this.projectDir = projectDir;
        this.data = data;
    }

    /** Starts s3rver from {@code projectDir/node_modules}, installing it there first if needed. */
    public static S3rver start(Path projectDir) {
        try {
            return start(projectDir, LocalProcess.freeLoopbackPort(), Files.createTempDirectory("wagw-s3rver-"));
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for s3rver", e);
        }
    }

    private static S3rver start(Path projectDir, int port, Path data) {
        LocalProcess process = LocalProcess.node("s3rver", projectDir, "s3rver/bin/s3rver.js", List.of("--directory",
                data.toString(), "--address", "127.0.0.1", "--port", Integer.toString(port), "--silent",
                "--no-vhost-buckets"), port);
        return new S3rver(process, projectDir, data);
    }

    /** Stops the server and keeps its objects: an outage of the storage, not a loss. */
    public void stop() {
        process.close();
    }

    /** After {@link #stop()}: the same objects on the same endpoint again. */
    public S3rver restart() {
        process.close();
        return start(projectDir, process.port(), data);
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
        delete(data);
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
