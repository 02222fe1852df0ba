package net.wagw.store;

import java.net.URI;
import java.util.Optional;

/**
 * Where DynamoDB is: AWS (no endpoint; region and credentials from the Lambda environment) or a
 * local DynamoDB-compatible server such as dynalite.
 */
public record DynamoConnection(Optional<URI> endpoint, String region) {
}
