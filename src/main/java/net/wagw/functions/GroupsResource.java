package net.wagw.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import net.wagw.domain.Bounds;
import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.group.Group;
import net.wagw.domain.group.GroupService;
import net.wagw.domain.group.GroupsApi;
import net.wagw.json.JsonScalars;
import net.wagw.lime.GroupResource;
import net.wagw.lime.Lime;
import net.wagw.lime.LimeCollection;

/** {@code /groups/...} (docs/contracts.md §3.2, §6). */
@ApplicationScoped
public class GroupsResource {
    private final GroupService groups;
    private final Nodes nodes;

    public GroupsResource(GroupService groups, Nodes nodes) {
        this.groups = groups;
        this.nodes = nodes;
    }

    ResourceResponse create(ResourceRequest request) {
        JsonNode body = Bodies.object(request.body(), "a group {name, description?, joinApprovalMode?}");
        Group group = groups.create(request.bot(), Bodies.text(body, "name").orElse(null),
                Bodies.text(body, "description").orElse(null), Bodies.text(body, "joinApprovalMode").orElse(null));
        return new ResourceResponse(201, Lime.GROUP, GroupResource.of(group, nodes));
    }

    ResourceResponse list(ResourceRequest request) {
        List<GroupResource> items = groups.list(request.bot()).stream().map(g -> GroupResource.of(g, nodes)).toList();
        return ResourceResponse.ok(Lime.COLLECTION, LimeCollection.of(Lime.GROUP, items));
    }

    ResourceResponse get(ResourceRequest request) {
        return ResourceResponse.ok(Lime.GROUP, GroupResource.of(groups.get(request.bot(), id(request)), nodes));
    }

    ResourceResponse delete(ResourceRequest request) {
        return new ResourceResponse(202, Lime.GROUP,
                GroupResource.of(groups.delete(request.bot(), id(request)), nodes));
    }

    ResourceResponse inviteLink(ResourceRequest request) {
        return ResourceResponse.ok(Lime.WEB_LINK, link(groups.inviteLink(request.bot(), id(request))));
    }

    ResourceResponse resetInviteLink(ResourceRequest request) {
        return ResourceResponse.ok(Lime.WEB_LINK, link(groups.resetInviteLink(request.bot(), id(request))));
    }

    ResourceResponse removeParticipant(ResourceRequest request) {
        groups.removeParticipant(request.bot(), id(request), request.pathParameter("identity"));
        return ResourceResponse.noContent();
    }

    ResourceResponse joinRequests(ResourceRequest request) {
        List<JoinRequest> items = groups.joinRequests(request.bot(), id(request)).stream()
                .map(r -> new JoinRequest(r.id(), nodes.customer(r.waId()), r.createdAt().toString())).toList();
        return ResourceResponse.ok(Lime.COLLECTION, LimeCollection.of(Lime.JOIN_REQUEST, items));
    }

    /** {@code {"approve":[ids], "reject":[ids]}}. */
    ResourceResponse answerJoinRequests(ResourceRequest request) {
        JsonNode body = Bodies.object(request.body(), "{\"approve\": [join request ids], \"reject\": [...]}");
        List<String> approve = ids(body, "approve");
        List<String> reject = ids(body, "reject");
        List<String> both = approve.stream().filter(reject::contains).toList();
        if (!both.isEmpty()) {
            throw new Refusal(Reason.INVALID_ARGUMENT, "Join request " + Bounds.shown(both.get(0))
                    + " is both to approve and to reject; name it once.", Refusal.Kind.INVALID);
        }
        if (approve.isEmpty() && reject.isEmpty()) {
            throw new Refusal(Reason.INVALID_ARGUMENT, "Name join requests to approve or reject.", Refusal.Kind.INVALID);
        }
        if (!approve.isEmpty()) {
            groups.answerJoinRequests(request.bot(), id(request), approve, true);
        }
        if (!reject.isEmpty()) {
            groups.answerJoinRequests(request.bot(), id(request), reject, false);
        }
        return new ResourceResponse(200, null, Map.of("approved", approve, "rejected", reject));
    }

    private static List<String> ids(JsonNode body, String field) {
        JsonNode given = body.get(field);
        List<String> ids = new ArrayList<>();
        if (given == null || given.isNull()) {
            return ids;
        }
        if (!given.isArray()) {
            throw new Refusal(Reason.INVALID_ARGUMENT, "'" + field + "' must be a list of join request ids.",
                    Refusal.Kind.INVALID);
        }
        // every id is checked before either list goes to Meta: a bad one in "reject" must not leave
        // "approve" carried out
        given.forEach(id -> ids.add(JsonScalars.stringOrNumber(id).filter(text -> !text.isBlank())
                .map(text -> Bounds.check(field + " id", text, Bounds.NAME))
                .orElseThrow(() -> new Refusal(Reason.INVALID_ARGUMENT, "'" + field + "' must list join request ids"
                        + " as strings (from get /groups/{id}/join-requests); it has " + Bounds.shown(id.toString()) + ".",
                        Refusal.Kind.INVALID))));
        return ids;
    }

    private String id(ResourceRequest request) {
        return nodes.groupId(request.pathParameter("id"));
    }

    private static WebLink link(Group group) {
        return new WebLink(group.inviteLink(), group.name());
    }

    /** {@code application/vnd.lime.web-link+json}. */
    @RegisterForReflection
    public record WebLink(String uri, String title) {
    }

    @RegisterForReflection
    public record JoinRequest(String id, String identity, String createdAt) {
    }
}
