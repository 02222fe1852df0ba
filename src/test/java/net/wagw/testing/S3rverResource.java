package net.wagw.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import net.wagw.local.S3rver;
import net.wagw.store.S3Clients;
import net.wagw.store.S3Connection;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real s3rver process for a {@code @QuarkusTest}: started on a free loopback port with the media
 * bucket, handed to the application as {@code wagw.media.s3-endpoint}, stopped after.
 */
public class S3rverResource implements QuarkusTestResourceLifecycleManager {
    public static final String BUCKET = "test-media";
    private static volatile S3rver current;

    @Override
    public Map<String, String> start() {
        current = S3rver.start(Path.of("").toAbsolutePath());
        try (S3Client s3 = client()) {
            S3Clients.createBucket(s3, BUCKET);
        }
        return Map.of("wagw.media.s3-endpoint", current.endpoint().toString(), "wagw.media.bucket", BUCKET);
    }

    /** A client of the running server, for tests to look at what is stored. */
    public static S3Client client() {
        return S3Clients.client(new S3Connection(Optional.of(current.endpoint()), "us-east-1"));
    }

    /** Takes S3 away from the running application (an outage); its objects are kept. */
    public static void stopStorage() {
        current.stop();
    }

    /** Brings it back with its objects on the same endpoint. */
    public static void restartStorage() {
        current = current.restart();
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
        }
    }
}
