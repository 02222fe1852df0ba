package net.wagw.store;

import java.net.URI;
import java.util.Optional;

/** Where S3 is: AWS (no endpoint) or a local S3-compatible server such as s3rver. */
public record S3Connection(Optional<URI> endpoint, String region) {
}
