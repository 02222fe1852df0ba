package net.wagw.domain.delivery;

import java.util.List;
import java.util.Optional;

/** Port: deliveries to bots, by bot and delivery id. */
public interface DeliveryStore {
    /** Stores a new delivery unless its id is taken; false (nothing changed) if it is. */
    boolean create(Delivery delivery);

    /**
     * As {@link #create}, telling a taken id by the delivery stored under it (nothing changed);
     * empty when this one was stored.
     */
    Optional<Delivery> createOrFind(Delivery delivery);

    Optional<Delivery> find(String botId, String id);

    /** Stores {@code updated} if the stored version is {@code updated.version() - 1}. */
    boolean replace(Delivery updated);

    /** Dead-lettered deliveries of a bot, oldest first. */
    List<Delivery> dead(String botId, int limit);
}
