package net.wagw.domain.secret;

import java.util.Optional;

/**
 * Port: where secrets live. In AWS, Secrets Manager (a reference is a secret's name or ARN);
 * locally and in tests, the configuration (a reference is a configuration key).
 */
public interface SecretSource {
    /** The secret's current value, or empty when there is no such secret. */
    Optional<String> read(String reference);
}
