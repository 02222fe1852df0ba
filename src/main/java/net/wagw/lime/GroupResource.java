package net.wagw.lime;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.group.Group;

/**
 * {@code application/vnd.lime.group+json}: a group as the bot sees it (docs/contracts.md §6), its
 * {@code identity} the node it sends to; the fields after {@code name} are wagw's own.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupResource(String id, String identity, String name, String description, String joinApprovalMode,
        String status, String inviteLink, List<String> participants, String failure, Instant createdAt) {

    public static GroupResource of(Group group, Nodes nodes) {
        return new GroupResource(group.id(), group.id() + "@" + nodes.groupsDomain(), group.name(), group.description(),
                group.joinApprovalMode(), group.status().name().toLowerCase(), group.inviteLink(),
                group.participants().stream().sorted().map(nodes::customer).toList(), group.failure(), group.createdAt());
    }
}
