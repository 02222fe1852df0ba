package net.wagw.domain.group;

import java.util.List;
import java.util.Optional;

/** Port: each bot's groups, by wagw id, by Meta's create request id and by Meta's group id. */
public interface GroupStore {
    void save(Group group);

    Optional<Group> find(String botId, String id);

    Optional<Group> findByRequest(String botId, String requestId);

    Optional<Group> findByMetaId(String botId, String metaGroupId);

    List<Group> all(String botId);
}
