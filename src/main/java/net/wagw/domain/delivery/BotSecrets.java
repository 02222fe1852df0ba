package net.wagw.domain.delivery;

/** Port: each bot's callback secret, the key of its deliveries' signatures. */
public interface BotSecrets {
    byte[] callbackSecret(String botId);
}
