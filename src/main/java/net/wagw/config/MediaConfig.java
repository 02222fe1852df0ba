package net.wagw.config;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Media settings (docs/contracts.md §11); each from the environment too ({@code WAGW_MEDIA_BUCKET}). */
@ConfigMapping(prefix = "wagw.media")
public interface MediaConfig {
    /** The S3 bucket of media copies and uploads. */
    @WithDefault("wagw-media")
    String bucket();

    /** Set for a local S3-compatible server; unset in AWS. */
    Optional<URI> s3Endpoint();

    @WithDefault("us-east-1")
    String s3Region();

    /** How long a copy is served after the file was received (and the S3 lifecycle rule's days). */
    @WithDefault("30")
    int retentionDays();

    /** The wait before the first retry of a failed copy; each next one waits twice as long, up to an hour. */
    @WithDefault("30")
    int copyRetrySeconds();

    /** Inbound files larger than this are not copied (Meta's largest, documents, have 100 MB). */
    @WithDefault("104857600")
    long maxCopyBytes();
}
