package net.wagw.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import net.wagw.domain.media.MediaFiles;
import net.wagw.store.S3Clients;
import net.wagw.store.S3Connection;
import net.wagw.store.S3MediaFiles;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** s3rver answers the S3 calls wagw makes through the SDK, and its objects outlast an outage. */
class S3rverTest {

    @Test
    void storesEncryptedObjectsWithTheirTypeServesThemByPresignedLinkAndKeepsThemAcrossARestart() throws Exception {
        S3rver server = S3rver.start(Path.of("").toAbsolutePath());
        try {
            S3Connection connection = new S3Connection(Optional.of(server.endpoint()), "us-east-1");
            byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3 };
            try (S3Client s3 = S3Clients.client(connection);
                    var presigner = S3Clients.presigner(connection)) {
                S3Clients.createBucket(s3, "media-test");
                S3Clients.createBucket(s3, "media-test");
                MediaFiles files = new S3MediaFiles(s3, presigner, "media-test");
                files.put("media/bot/1", "image/png", png);

                HeadObjectResponse head = s3.headObject(r -> r.bucket("media-test").key("media/bot/1"));
                assertThat(head.contentLength()).isEqualTo(png.length);
                assertThat(head.contentType()).isEqualTo("image/png");
                assertThat(files.get("media/bot/1")).get().satisfies(f -> {
                    assertThat(f.bytes()).isEqualTo(png);
                    assertThat(f.contentType()).isEqualTo("image/png");
                });
                assertThat(files.get("media/bot/2")).isEmpty();

                URI link = files.temporaryLink("media/bot/1", Duration.ofMinutes(5));
                HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(fetched.statusCode()).isEqualTo(200);
                assertThat(fetched.body()).isEqualTo(png);

                server.stop();
                assertThatThrownBy(() -> files.get("media/bot/1")).isInstanceOf(SdkClientException.class);
                server = server.restart();
                assertThat(files.get("media/bot/1")).get().extracting(MediaFiles.StoredFile::bytes).isEqualTo(png);
            }
        } finally {
            server.close();
        }
        assertThat(server.isRunning()).isFalse();
    }
}
