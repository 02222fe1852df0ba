package net.wagw.store;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import net.wagw.domain.media.MediaFiles;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** {@link MediaFiles} in one S3 bucket, every object encrypted by S3 (SSE-S3). */
public final class S3MediaFiles implements MediaFiles {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3MediaFiles(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, String contentType, byte[] bytes) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType).contentLength((long) bytes.length)
                .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<StoredFile> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
            return Optional.of(new StoredFile(object.response().contentType(), object.asByteArray()));
        } catch (NoSuchKeyException gone) {
            // deleted by the bucket's lifecycle rule
            return Optional.empty();
        }
    }

    @Override
    public URI temporaryLink(String key, Duration validity) {
        try {
            return presigner.presignGetObject(r -> r.signatureDuration(validity)
                    .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("S3 presigned a URL that is not a URI", e);
        }
    }
}
