package net.wagw.functions;

import jakarta.enterprise.context.ApplicationScoped;

/** Binds each route of the table to the resource that serves it. */
@ApplicationScoped
public class Resources {
    private final AccountsResource accounts;
    private final OptInsResource optIns;
    private final MessagesResource messages;
    private final TemplatesResource templates;
    private final MediaResource media;
    private final DeadLettersResource deadLetters;
    private final GroupsResource groups;
    private final UsageResource usage;

    public Resources(AccountsResource accounts, OptInsResource optIns, MessagesResource messages,
            TemplatesResource templates, MediaResource media, DeadLettersResource deadLetters, GroupsResource groups,
            UsageResource usage) {
        this.accounts = accounts;
        this.optIns = optIns;
        this.messages = messages;
        this.templates = templates;
        this.media = media;
        this.deadLetters = deadLetters;
        this.groups = groups;
        this.usage = usage;
    }

    /** {@code POST /media}: the body is the file itself, not JSON. */
    ResourceResponse upload(net.wagw.domain.bot.Bot bot, byte[] body, String contentType, java.util.Map<String, String> query) {
        return media.upload(bot, body, contentType, query);
    }

    ResourceResponse invoke(ResourceRequest request) {
        return switch (request.route()) {
            case GET_ACCOUNT -> accounts.get(request);
            case SET_OPT_IN -> optIns.set(request);
            case GET_OPT_IN -> optIns.get(request);
            case DELETE_OPT_IN -> optIns.delete(request);
            case SEND_MESSAGE -> messages.send(request);
            case SEND_NOTIFICATION -> messages.notification(request);
            case GET_MESSAGE_TEMPLATES -> templates.get(request);
            case GET_USAGE -> usage.get(request);
            case GET_MEDIA -> media.get(request);
            case GET_DEAD_LETTERS -> deadLetters.list(request);
            case REDRIVE_DEAD_LETTER -> deadLetters.redrive(request);
            case CREATE_GROUP -> groups.create(request);
            case LIST_GROUPS -> groups.list(request);
            case GET_GROUP -> groups.get(request);
            case DELETE_GROUP -> groups.delete(request);
            case GET_INVITE_LINK -> groups.inviteLink(request);
            case RESET_INVITE_LINK -> groups.resetInviteLink(request);
            case REMOVE_PARTICIPANT -> groups.removeParticipant(request);
            case LIST_JOIN_REQUESTS -> groups.joinRequests(request);
            case ANSWER_JOIN_REQUESTS -> groups.answerJoinRequests(request);
            case WEBHOOK_HANDSHAKE, WEBHOOK_EVENTS -> throw new IllegalArgumentException("Meta's routes are not a bot's");
            case UPLOAD_MEDIA -> throw new IllegalArgumentException("POST /media takes bytes: see upload");
            case COMMANDS -> throw new IllegalArgumentException("/commands is the dispatcher, not a resource");
            case ADMIN_LIST_BOTS, ADMIN_GET_BOT, ADMIN_PUT_BOT, ADMIN_DISABLE_BOT ->
                throw new IllegalArgumentException("the admin routes are the operator's, not a bot's");
        };
    }
}
