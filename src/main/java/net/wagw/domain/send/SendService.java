package net.wagw.domain.send;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.content.ChatState;
import net.wagw.domain.content.Collection;
import net.wagw.domain.content.Content;
import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.KnownContact;
import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.Customer;
import net.wagw.domain.group.Group;
import net.wagw.domain.group.GroupService;
import net.wagw.domain.inbound.StatusUpdate;
import net.wagw.domain.optin.OptInChange;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.window.CustomerServiceWindow;
import net.wagw.domain.window.WindowStore;

/**
 * Sending (docs/contracts.md §3.3): WhatsApp's rules first (window, opt-in, template catalog), each
 * refusal free and before anything is stored; then the message is taken once per envelope id and
 * sent, retried later when Meta says so, and the bot told what became of it.
 */
public final class SendService {
    /** How long one sender may hold a message before dispatch may take it over. */
    static final Duration LEASE = Duration.ofSeconds(60);
    /** Pending messages still failing this long after they were taken end failed. */
    public static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    private static final Duration AWAIT_DUPLICATE = Duration.ofSeconds(10);

    private final Recipients recipients;
    private final Contacts contacts;
    private final WindowStore windows;
    private final OptIns optIns;
    private final TemplateCatalog catalog;
    private final TemplateSync templateSync;
    private final MessageStore messages;
    private final WhatsAppApi meta;
    private final BotNotifier notifier;
    private final StatusStore statuses;
    private final StatusEffects effects;
    private final GroupService groups;
    private final Clock clock;

    public SendService(Recipients recipients, Contacts contacts, WindowStore windows, OptIns optIns,
            TemplateCatalog catalog, TemplateSync templateSync, MessageStore messages, WhatsAppApi meta,
            BotNotifier notifier, StatusStore statuses, StatusEffects effects, GroupService groups, Clock clock) {
        this.recipients = recipients;
        this.contacts = contacts;
        this.windows = windows;
        this.optIns = optIns;
        this.catalog = catalog;
        this.templateSync = templateSync;
        this.messages = messages;
        this.meta = meta;
        this.notifier = notifier;
        this.statuses = statuses;
        this.effects = effects;
        this.groups = groups;
        this.clock = clock;
    }

    /**
     * Sends a message, or answers as the first request with the same id was answered.
     *
     * @return the id of the accepted message
     * @throws Refusal when a rule or Meta refuses it for good
     */
    public String send(Bot bot, SendRequest request) {
        Content content = request.message().content();
        if (content instanceof ChatState state) {
            return chatState(bot, request, state);
        }
        Optional<OutboundMessage> existing = messages.find(bot.id(), request.id());
        if (existing.isEmpty() && content instanceof Collection) {
            // its first item is taken before the envelope's own record: a repeat finds either
            existing = messages.find(bot.id(), itemId(request.id(), 0));
        }
        if (existing.isPresent()) {
            return replay(existing.get(), request);
        }
        String phoneNumberId = bot.phoneNumber().orElseThrow(() -> new Refusal(Reason.NOT_ALLOWED,
                "Bot " + bot.id() + " has no WhatsApp phone number id configured, so it cannot send.",
                Refusal.Kind.UNPROCESSABLE));
        Recipient recipient = recipients.parse(request.to());
        String to = recipient instanceof Recipient.Group group ? checkGroup(bot, group, request.message())
                : checkCustomer(bot, ((Recipient.Person) recipient).customer(), request.message());
        Instant now = clock.instant();
        if (content instanceof Collection) {
            return sendItems(bot, phoneNumberId, request, recipient, to);
        }
        OutboundMessage taken = new OutboundMessage(bot.id(), request.id(), recipient.node(), to,
                recipient instanceof Recipient.Group, request.message().kind(), request.message().payloadJson(),
                request.fingerprint(), OutboundMessage.State.SENDING, 0, now, now.plus(LEASE), false, null, 0, null,
                null, null, 0);
        if (!messages.create(taken)) {
            return replay(awaitSettled(bot.id(), request.id()), request);
        }
        return answer(attempt(bot, phoneNumberId, taken, ContentRules.sent(request.id(), request.message().content())));
    }

    /**
     * docs/contracts.md §3.3: a collection's items go as messages of their own, in order, tracked as
     * {@code {id}:{index}}; the envelope's record answers repeats. Every item is taken before the
     * first is sent, so a sender that dies midway leaves the rest for dispatch, in order.
     */
    private String sendItems(Bot bot, String phoneNumberId, SendRequest request, Recipient recipient, String to) {
        List<Content> items = ((Collection) request.message().content()).items();
        List<String> payloads = request.message().payloads();
        Instant now = clock.instant();
        List<OutboundMessage> taken = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            OutboundMessage item = new OutboundMessage(bot.id(), itemId(request.id(), i), recipient.node(), to,
                    recipient instanceof Recipient.Group, ContentRules.kind(items.get(i)), payloads.get(i),
                    request.fingerprint(), OutboundMessage.State.SENDING, 0, now, now.plus(LEASE).plusMillis(i), false,
                    null, 0, null, null, null, 0);
            if (!messages.create(item)) {
                if (i == 0) {
                    return replay(awaitSettled(bot.id(), item.id()), request);
                }
                item = messages.find(bot.id(), item.id()).orElseThrow();
            }
            taken.add(item);
        }
        OutboundMessage envelope = new OutboundMessage(bot.id(), request.id(), recipient.node(), to,
                recipient instanceof Recipient.Group, request.message().kind(), "{\"items\":" + items.size() + "}",
                request.fingerprint(), OutboundMessage.State.SENT, 0, now, now, false, null, 0, null, null, null, 0);
        messages.create(envelope);
        OutboundMessage first = null;
        Instant waitUntil = null;
        for (int i = 0; i < taken.size(); i++) {
            OutboundMessage item = taken.get(i);
            if (waitUntil != null) {
                // an earlier item waits for a retry: this one goes after it
                messages.replace(item.leased(waitUntil.plusMillis(i)));
                continue;
            }
            OutboundMessage done = attempt(bot, phoneNumberId, item, ContentRules.sent(item.id(), items.get(i)));
            if (done.state() == OutboundMessage.State.PENDING) {
                waitUntil = done.nextAttemptAt();
            }
            first = first == null ? done : first;
        }
        if (first.accepted()) {
            messages.replace(envelope.sent(null, true));
            return request.id();
        }
        messages.replace(envelope.failed(first.failureCode(), first.failureKind(), first.failureDescription(), false));
        return answer(first);
    }

    static String itemId(String envelopeId, int index) {
        return envelopeId + ":" + index;
    }

    /**
     * docs/contracts.md §3.3: {@code composing} shows the customer that the business is typing, on
     * their latest message (Meta's typing indicator, which also marks it read); other states are
     * taken and not sent.
     */
    private String chatState(Bot bot, SendRequest request, ChatState state) {
        String phoneNumberId = bot.phoneNumber().orElseThrow(() -> new Refusal(Reason.NOT_ALLOWED,
                "Bot " + bot.id() + " has no WhatsApp phone number id configured, so it cannot send.",
                Refusal.Kind.UNPROCESSABLE));
        if (!(recipients.parse(request.to()) instanceof Recipient.Person person)) {
            throw new Refusal(Reason.NOT_ALLOWED, "WhatsApp shows that the business is typing only to a customer,"
                    + " not in a group.", Refusal.Kind.UNPROCESSABLE);
        }
        if (!state.composing()) {
            return request.id();
        }
        Optional<WindowStore.LastInbound> last = windows.lastInboundMessage(bot.id(), person.customer().key());
        if (last.isEmpty() || last.get().wamid() == null
                || !CustomerServiceWindow.isOpen(Optional.of(last.get().at()), clock.instant())) {
            throw new Refusal(Reason.NOT_ALLOWED, "WhatsApp shows that the business is typing only on a message the"
                    + " customer sent in the last 24 hours, and " + person.customer().shown() + " has sent none.",
                    Refusal.Kind.UNPROCESSABLE);
        }
        MetaOutcome outcome = meta.typing(phoneNumberId, last.get().wamid());
        if (outcome instanceof MetaOutcome.Sent || outcome instanceof MetaOutcome.Done) {
            return request.id();
        }
        throw MetaErrors.refusalNow(outcome);
    }

    /** Marks an inbound message read at Meta (the bot's "consumed" notification). */
    public void markRead(Bot bot, String wamid) {
        String phoneNumberId = bot.phoneNumber().orElseThrow(() -> new Refusal(Reason.NOT_ALLOWED,
                "Bot " + bot.id() + " has no WhatsApp phone number id configured.", Refusal.Kind.UNPROCESSABLE));
        MetaOutcome outcome = meta.markRead(phoneNumberId, wamid);
        if (outcome instanceof MetaOutcome.Sent || outcome instanceof MetaOutcome.Done) {
            return;
        }
        throw MetaErrors.refusalNow(outcome);
    }

    /**
     * One retry round for a bot (the {@code dispatch} function): sends what is due, ends what has
     * waited too long. Each message is leased first, so overlapping rounds never send it twice.
     *
     * @return how many messages were attempted or ended
     */
    public int retryDue(Bot bot, int limit) {
        Instant now = clock.instant();
        int handled = 0;
        for (OutboundMessage due : messages.due(bot.id(), now, limit)) {
            OutboundMessage leased = due.leased(now.plus(LEASE));
            if (!messages.replace(leased)) {
                continue; // another dispatch run took it
            }
            handled++;
            if (!now.isBefore(due.createdAt().plus(GIVE_UP_AFTER)) || bot.phoneNumber().isEmpty()) {
                String why = "Not sent within 24 hours" + (due.lastError() == null ? "." : "; last error: "
                        + due.lastError());
                OutboundMessage failed = leased.failed(Reason.TIMED_OUT.code(), null, why, false);
                messages.replace(failed);
                notifier.notify(bot, failure(failed, Reason.TIMED_OUT.code(), why));
                continue;
            }
            // what its options return is not kept with a pending message: a reply still names its envelope id
            attempt(bot, bot.phoneNumberId(), leased, new SentMessage(leased.id(), "", Map.of()));
        }
        return handled;
    }

    private OutboundMessage attempt(Bot bot, String phoneNumberId, OutboundMessage leased, SentMessage sentAs) {
        MetaOutcome outcome = meta.send(phoneNumberId, leased.to(), leased.group(), leased.payloadJson());
        OutboundMessage updated;
        boolean newlyAccepted = false;
        Optional<StatusUpdate> early = Optional.empty();
        if (outcome instanceof MetaOutcome.Sent sent) {
            newlyAccepted = !leased.accepted();
            updated = leased.sent(sent.wamid(), true);
            early = statuses.track(bot.id(), sent.wamid(), leased.recipientNode(), sentAs);
            learnWaId(bot, leased, sent.waId());
        } else {
            MetaErrors.Verdict verdict = MetaErrors.classify(outcome, leased.attempts() + 1);
            if (verdict instanceof MetaErrors.Retry retry) {
                newlyAccepted = !leased.accepted();
                updated = leased.retryAt(clock.instant().plus(retry.after()), retry.description(), true);
            } else {
                Refusal refusal = ((MetaErrors.Definitive) verdict).refusal();
                updated = leased.failed(refusal.reason().code(), refusal.kind().map(Enum::name).orElse(null),
                        refusal.description(), true);
                if (outcome instanceof MetaOutcome.Error error && error.code() == MetaErrors.MARKETING_STOPPED) {
                    revokeMarketing(bot, leased, refusal.description());
                }
            }
        }
        messages.replace(updated);
        if (newlyAccepted) {
            notifier.notify(bot, new Notification(updated.id(), updated.recipientNode(), Notification.ACCEPTED, 0, null,
                    Map.of()));
        }
        if (updated.state() == OutboundMessage.State.FAILED) {
            notifier.notify(bot, failure(updated, updated.failureCode(), updated.failureDescription()));
        }
        // a status that overtook this write was kept: told now, after "accepted" (docs/contracts.md §3.4)
        early.ifPresent(status -> effects.applyKept(bot, status));
        return updated;
    }

    /**
     * docs/contracts.md §3.3 rule 4 and 6: only the bot's own active groups; no interactive messages (Meta
     * does not deliver them in groups); no 24-hour window (a group is not a customer conversation).
     */
    private String checkGroup(Bot bot, Recipient.Group recipient, RenderedMessage message) {
        Group group = groups.sendable(bot, recipient.groupId());
        if (message.kind() == MessageKind.INTERACTIVE) {
            throw new Refusal(Reason.NOT_ALLOWED, "WhatsApp groups take no interactive messages (buttons, lists); "
                    + "send text instead.", Refusal.Kind.UNPROCESSABLE);
        }
        if (message.kind() == MessageKind.TEMPLATE) {
            checkTemplate(bot, message.template().orElseThrow());
        }
        return group.metaGroupId();
    }

    /**
     * @return whom Meta is to send to: the wa_id Meta reported, else the number's digits, else the
     *         customer's business-scoped user id (the Cloud API's {@code recipient})
     */
    private String checkCustomer(Bot bot, Customer customer, RenderedMessage message) {
        Optional<KnownContact> known = contacts.find(bot.id(), customer.key());
        if (customer.number() == null && !customer.byUserId()
                && known.map(KnownContact::waId).filter(customer.id()::equals).isEmpty()) {
            throw new Refusal(Reason.INVALID_IDENTITY, "'" + customer.id() + "' is not a valid phone number, and no "
                    + "customer with that WhatsApp id has written to this bot.");
        }
        Instant now = clock.instant();
        if (message.kind() != MessageKind.TEMPLATE) {
            if (!CustomerServiceWindow.isOpen(windows.lastInbound(bot.id(), customer.key()), now)) {
                throw new Refusal(Reason.NOT_ALLOWED, "The customer-service window with " + customer.shown()
                        + " is closed: the customer has not written in the last 24 hours. Send a template.",
                        Refusal.Kind.UNPROCESSABLE);
            }
        } else {
            TemplateUse use = message.template().orElseThrow();
            Optional<Template> template = checkTemplate(bot, use);
            if (bot.requireOptIn()) {
                String category = template.map(Template::category).orElse(null);
                Optional<OptInChange> optIn = optIns.current(bot.id(), customer.key());
                if (optIn.isEmpty() || !optIn.get().covers(category)) {
                    throw new Refusal(Reason.UNAUTHORIZED_SENDER, customer.shown() + (optIn.isEmpty()
                            ? " has not opted in" : optIn.get().active() ? " has not opted in to " + category
                                    + " messages" : " has revoked their opt-in")
                            + ": templates need the customer's consent (record it with set /opt-ins).",
                            Refusal.Kind.FORBIDDEN);
                }
            }
        }
        return known.flatMap(KnownContact::sendTarget).orElse(customer.id());
    }

    /**
     * docs/contracts.md §3.3 rule 3. An empty catalog lets everything through (it may not be synced yet);
     * a name the catalog lacks is looked up once more at Meta, in case it was created since.
     */
    private Optional<Template> checkTemplate(Bot bot, TemplateUse use) {
        List<Template> templates = catalog.all(bot.id());
        if (templates.isEmpty()) {
            return Optional.empty();
        }
        if (templates.stream().noneMatch(t -> t.name().equals(use.name())) && bot.wabaId() != null) {
            templates = templateSync.syncOnDemand(bot);
        }
        List<Template> named = templates.stream().filter(t -> t.name().equals(use.name())).toList();
        if (named.isEmpty()) {
            throw invalidTemplate("Template '" + use.name() + "' is not in the account's template catalog.");
        }
        Template template = named.stream().filter(t -> t.language().equals(use.language())).findFirst()
                .orElseThrow(() -> invalidTemplate("Template '" + use.name() + "' has no " + use.language()
                        + " version; it has " + named.stream().map(Template::language).sorted()
                                .collect(Collectors.joining(", ")) + "."));
        if (!template.isApproved()) {
            throw invalidTemplate("Template '" + use.name() + "' (" + use.language() + ") is " + template.status()
                    + ", not APPROVED.");
        }
        for (String component : union(template.parameters(), use.parameters())) {
            int declared = template.parameters().getOrDefault(component, 0);
            int given = use.parameters().getOrDefault(component, 0);
            if (declared != given) {
                throw invalidTemplate("Template '" + use.name() + "' takes " + declared + " parameter"
                        + (declared == 1 ? "" : "s") + " in its " + component + "; the message gives " + given + ".");
            }
        }
        return Optional.of(template);
    }

    private static java.util.Set<String> union(Map<String, Integer> a, Map<String, Integer> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private static Refusal invalidTemplate(String description) {
        return new Refusal(Reason.INVALID_ARGUMENT, description, Refusal.Kind.UNPROCESSABLE);
    }

    private String replay(OutboundMessage existing, SendRequest request) {
        if (!existing.fingerprint().equals(request.fingerprint())) {
            throw new Refusal(Reason.NOT_ALLOWED, "Message id '" + request.id()
                    + "' was already used for another message; use a new id.", Refusal.Kind.CONFLICT);
        }
        return answer(existing.accepted() || existing.isSettled() ? existing
                : awaitSettled(existing.botId(), existing.id()));
    }

    /** A concurrent duplicate waits for the first request's answer, so both answer the same. */
    private OutboundMessage awaitSettled(String botId, String id) {
        Instant deadline = Instant.now().plus(AWAIT_DUPLICATE);
        OutboundMessage message = messages.find(botId, id).orElseThrow();
        while (!message.accepted() && !message.isSettled() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            message = messages.find(botId, id).orElseThrow();
        }
        return message;
    }

    private static String answer(OutboundMessage message) {
        if (message.state() == OutboundMessage.State.FAILED && !message.accepted()) {
            throw new Refusal(Reason.ofCode(message.failureCode()), message.failureDescription(),
                    message.failureKind() == null ? null : Refusal.Kind.valueOf(message.failureKind()));
        }
        return message.id();
    }

    private void learnWaId(Bot bot, OutboundMessage message, String waId) {
        if (waId == null || message.group()) {
            return;
        }
        Recipient recipient = recipients.parse(message.recipientNode());
        if (recipient instanceof Recipient.Person person && ContactKey.isDigits(waId)) {
            contacts.learnWaId(bot.id(), person.customer().key(), waId);
        }
    }

    private void revokeMarketing(Bot bot, OutboundMessage message, String detail) {
        if (recipients.parse(message.recipientNode()) instanceof Recipient.Person person) {
            optIns.revokeMarketing(bot.id(), person.customer().key(), detail);
        }
    }

    private static Notification failure(OutboundMessage message, int code, String description) {
        return new Notification(message.id(), message.recipientNode(), Notification.FAILED, code, description, Map.of());
    }
}
