package net.wagw.domain.send;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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
import net.wagw.domain.delivery.BotNotifier;
import net.wagw.domain.delivery.Notification;
import net.wagw.domain.group.Group;
import net.wagw.domain.group.GroupService;
import net.wagw.domain.identity.CustomerState;
import net.wagw.domain.identity.Identities;
import net.wagw.domain.meta.MetaErrors;
import net.wagw.domain.meta.MetaOutcome;
import net.wagw.domain.optin.OptInChange;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.window.CustomerServiceWindow;
import net.wagw.domain.window.WindowStore;
import net.wagw.domain.work.Pacer;
import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkQueue;
import net.wagw.domain.work.WorkResult;

/**
 * Sending (docs/contracts.md §3.3): WhatsApp's rules first (window, opt-in, template catalog), each
 * refusal free and before anything is stored; then the message is taken once per envelope id and
 * sent, retried later when Meta says so, and the bot told what became of it.
 */
public final class SendService {
    /** How long one sender may hold a message; a SENDING one found after that is uncertain. */
    static final Duration LEASE = Duration.ofSeconds(60);
    /** Pending messages still failing this long after they were taken end failed. */
    public static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    /**
     * How long an uncertain send waits for a status webhook to say Meta took it; Meta's first
     * status ("sent") normally follows within seconds.
     */
    public static final Duration SETTLE_WITHIN = Duration.ofMinutes(10);
    private static final String PACED = "paced: over Meta's throughput or pair rate";
    static final String UNCLEAR = "Meta's answer was unclear, so the message was not sent again: ";
    /** Waits this short are taken in place by the queue's consumer; longer ones go back on the queue. */
    private static final Duration PAUSE_IN_PLACE = Duration.ofSeconds(1);
    /**
     * Waits this short are taken in place by a bot's request: the number's next slot (12.5 ms at 80
     * messages per second), between a collection's items say. Queued, such a send would wait a second
     * at least (SQS delays are whole seconds) and cost two queue calls; a longer wait (the customer's
     * pair rate) is queued so that the bot's answer does not wait for it.
     */
    static final Duration PAUSE_IN_REQUEST = Duration.ofMillis(100);
    private static final String NOT_SENT_AFTER = "Not sent: item ";
    /** The payload of a collection's own record, which answers repeats of its envelope id. */
    private static final String COLLECTION_RECORD = "{\"items\":";
    private static final Duration AWAIT_DUPLICATE = Duration.ofSeconds(10);

    private final Recipients recipients;
    private final Contacts contacts;
    private final Identities identities;
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
    private final WorkQueue queue;
    private final Pacer pacer;
    private final Clock clock;
    private final Consumer<Duration> pause;

    /** @param identities a customer's contact, window and consent, read at once for a send's checks */
    public SendService(Recipients recipients, Contacts contacts, Identities identities, WindowStore windows,
            OptIns optIns, TemplateCatalog catalog, TemplateSync templateSync, MessageStore messages, WhatsAppApi meta,
            BotNotifier notifier, StatusStore statuses, StatusEffects effects, GroupService groups, WorkQueue queue,
            Pacer pacer, Clock clock) {
        this(recipients, contacts, identities, windows, optIns, catalog, templateSync, messages, meta, notifier,
                statuses, effects, groups, queue, pacer, clock, SendService::sleep);
    }

    /** As above, waiting for a pacing slot in place through {@code pause} (virtual time in a simulation). */
    SendService(Recipients recipients, Contacts contacts, Identities identities, WindowStore windows, OptIns optIns,
            TemplateCatalog catalog, TemplateSync templateSync, MessageStore messages, WhatsAppApi meta,
            BotNotifier notifier, StatusStore statuses, StatusEffects effects, GroupService groups, WorkQueue queue,
            Pacer pacer, Clock clock, Consumer<Duration> pause) {
        this.recipients = recipients;
        this.contacts = contacts;
        this.identities = identities;
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
        this.queue = queue;
        this.pacer = pacer;
        this.clock = clock;
        this.pause = pause;
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
        if (content instanceof Collection) {
            Optional<OutboundMessage> existing = existing(bot, request);
            if (existing.isPresent()) {
                return replay(bot, existing.get(), request);
            }
        }
        String phoneNumberId;
        Recipient recipient;
        Checked checked;
        try {
            phoneNumberId = bot.requirePhoneNumber();
            recipient = recipients.parse(request.to());
            checked = recipient instanceof Recipient.Group group
                    ? new Checked(checkGroup(bot, group, request.message()), null)
                    : checkCustomer(bot, ((Recipient.Person) recipient).customer(), request.message());
        } catch (Refusal refused) {
            // a repeat is answered as the first request was, whatever the rules say now
            Optional<OutboundMessage> existing = existing(bot, request);
            if (existing.isPresent()) {
                return replay(bot, existing.get(), request);
            }
            throw refused;
        }
        Instant now = clock.instant();
        String to = checked.to();
        if (content instanceof Collection) {
            return sendItems(bot, phoneNumberId, request, recipient, checked);
        }
        OutboundMessage taken = new OutboundMessage(bot.id(), request.id(), recipient.node(), to,
                recipient instanceof Recipient.Group, request.message().payloadJson(),
                request.fingerprint(), OutboundMessage.State.SENDING, 0, now, now.plus(LEASE), false, null, 0, null,
                null, null, 0);
        // the idempotent create is the first write and no read precedes it: a repeat finds the id taken
        if (!messages.create(taken)) {
            return replay(bot, awaitSettled(bot.id(), request.id()), request);
        }
        Duration wait = slot(phoneNumberId, to, PAUSE_IN_REQUEST);
        if (!wait.isZero()) {
            // over the number's or the customer's rate: the queue sends it when there is room
            return answer(defer(bot, taken, wait, PACED));
        }
        return answer(attempt(bot, phoneNumberId, taken, ContentRules.sent(request.id(), content), true,
                checked.knownWaId()));
    }

    /** The message an earlier request with this envelope id took (a collection's first item, if only that). */
    private Optional<OutboundMessage> existing(Bot bot, SendRequest request) {
        Optional<OutboundMessage> existing = messages.find(bot.id(), request.id());
        if (existing.isEmpty() && request.message().content() instanceof Collection) {
            // its first item is taken before the envelope's own record: a repeat finds either
            existing = messages.find(bot.id(), itemId(request.id(), 0));
        }
        return existing;
    }

    /**
     * One queued try of a send (the {@code dispatch} function): sends what is due, paced; ends
     * what waited too long; fails what stayed uncertain. A message is never sent twice: only a
     * PENDING one (Meta said "not taken") is sent again.
     */
    public WorkResult retry(Bot bot, Work.Send work) {
        Optional<OutboundMessage> found = messages.find(bot.id(), work.envelopeId());
        if (found.isEmpty() || found.get().isSettled()) {
            return WorkResult.DONE;
        }
        OutboundMessage due = found.get();
        Instant now = clock.instant();
        if (now.isBefore(due.nextAttemptAt())) {
            return WorkResult.notYet(Duration.between(now, due.nextAttemptAt()));
        }
        if (due.state() == OutboundMessage.State.SENDING) {
            // its sender stopped before recording Meta's answer: Meta may have it
            OutboundMessage uncertain = due.uncertain(now.plus(SETTLE_WITHIN), "the send's outcome was never recorded",
                    due.accepted());
            return messages.replace(uncertain) ? WorkResult.later(SETTLE_WITHIN) : WorkResult.notYet(Duration.ZERO);
        }
        if (due.state() == OutboundMessage.State.UNCERTAIN) {
            String why = UNCLEAR + due.lastError() + ". No status from Meta followed; check with the customer.";
            OutboundMessage failed = due.failed(Reason.GATEWAY_ERROR.code(), Refusal.Kind.UPSTREAM.name(), why, false);
            if (messages.replace(failed)) {
                notifier.notify(bot, failure(failed, failed.failureCode(), why));
            }
            return WorkResult.DONE;
        }
        if (!now.isBefore(due.createdAt().plus(GIVE_UP_AFTER)) || bot.phoneNumber().isEmpty()) {
            String why = "Not sent within 24 hours" + (due.lastError() == null ? "." : "; last error: " + due.lastError());
            OutboundMessage failed = due.failed(Reason.TIMED_OUT.code(), null, why, false);
            if (messages.replace(failed)) {
                notifier.notify(bot, failure(failed, Reason.TIMED_OUT.code(), why));
            }
            return WorkResult.DONE;
        }
        Optional<OutboundMessage> refused = failedBefore(due);
        if (refused.isPresent()) {
            endAfter(bot, due, refused.get());
            return WorkResult.DONE;
        }
        Duration wait = slot(bot.phoneNumberId(), due.to(), PAUSE_IN_PLACE);
        if (!wait.isZero()) {
            return WorkResult.notYet(wait);
        }
        OutboundMessage leased = due.leased(clock.instant().plus(LEASE));
        if (!messages.replace(leased)) {
            return WorkResult.DONE; // someone else is sending it
        }
        // what its options return is not kept with a pending message: a reply still names its envelope id
        OutboundMessage after = attempt(bot, bot.phoneNumberId(), leased, new SentMessage(leased.id(), "", Map.of()),
                false, null);
        return switch (after.state()) {
            case PENDING, UNCERTAIN -> WorkResult.later(Duration.between(clock.instant(), after.nextAttemptAt()));
            default -> WorkResult.DONE;
        };
    }

    /** Keeps the message PENDING for {@code wait} and queues its try; the bot is told "accepted". */
    private OutboundMessage defer(Bot bot, OutboundMessage taken, Duration wait, String why) {
        OutboundMessage pending = new OutboundMessage(taken.botId(), taken.id(), taken.recipientNode(), taken.to(),
                taken.group(), taken.payloadJson(), taken.fingerprint(), OutboundMessage.State.PENDING,
                taken.attempts(), taken.createdAt(), clock.instant().plus(wait), true, null, 0, null, null, why,
                taken.version() + 1);
        messages.replace(handOff(pending, wait));
        notifyAccepted(bot, pending);
        return pending;
    }

    /**
     * Queues the next try of a message about to be recorded as accepted. When the queue cannot
     * keep it, the message is recorded as not accepted and the bot answered 503: its retry of the
     * same envelope id queues it then (see {@link #replay}), so nothing is acknowledged unkept.
     */
    private OutboundMessage handOff(OutboundMessage updated, Duration delay) {
        try {
            queue.enqueue(new Work.Send(updated.botId(), updated.id()), lane(updated), delay);
            return updated;
        } catch (RuntimeException queueDown) {
            messages.replace(updated.withAccepted(false));
            throw queueDown;
        }
    }

    /**
     * A customer's sends keep their order in a lane of their own: in the lane of the customer's
     * notifications, a send queued behind a notification the bot did not take waited for the bot
     * (days) and was given up after 24 hours.
     */
    private static String lane(OutboundMessage message) {
        return message.botId() + "/send/" + message.recipientNode();
    }

    /**
     * Takes a pacing slot for a message to {@code to}, waiting for it in place while the wait is
     * shorter than {@code inPlace}; answers zero once taken, else the wait, with nothing taken.
     */
    private Duration slot(String phoneNumberId, String to, Duration inPlace) {
        Duration wait = pacer.reserve(phoneNumberId, to);
        while (!wait.isZero() && wait.compareTo(inPlace) < 0) {
            pause.accept(wait);
            wait = pacer.reserve(phoneNumberId, to);
        }
        return wait;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing sends", e);
        }
    }

    /**
     * docs/contracts.md §3.3: a collection's items go as messages of their own, in order, tracked as
     * {@code {id}:{index}}; the envelope's record answers repeats. Every item is taken before the
     * first is sent, so a sender that dies midway leaves the rest for dispatch, in order.
     */
    private String sendItems(Bot bot, String phoneNumberId, SendRequest request, Recipient recipient,
            Checked checked) {
        String to = checked.to();
        List<Content> items = ((Collection) request.message().content()).items();
        List<String> payloads = request.message().payloads();
        Instant now = clock.instant();
        List<OutboundMessage> taken = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            OutboundMessage item = new OutboundMessage(bot.id(), itemId(request.id(), i), recipient.node(), to,
                    recipient instanceof Recipient.Group, payloads.get(i),
                    request.fingerprint(), OutboundMessage.State.SENDING, 0, now, now.plus(LEASE).plusMillis(i), false,
                    null, 0, null, null, null, 0);
            if (!messages.create(item)) {
                if (i == 0) {
                    return replay(bot, awaitSettled(bot.id(), item.id()), request);
                }
                item = messages.find(bot.id(), item.id()).orElseThrow();
            }
            taken.add(item);
        }
        OutboundMessage envelope = new OutboundMessage(bot.id(), request.id(), recipient.node(), to,
                recipient instanceof Recipient.Group, COLLECTION_RECORD + items.size() + "}",
                request.fingerprint(), OutboundMessage.State.SENT, 0, now, now, false, null, 0, null, null, null, 0);
        messages.create(envelope);
        OutboundMessage first = null;
        boolean waiting = false;
        OutboundMessage refused = null;
        for (int i = 0; i < taken.size(); i++) {
            OutboundMessage item = taken.get(i);
            if (refused != null && item.state() == OutboundMessage.State.SENDING) {
                OutboundMessage skipped = endAfter(bot, item, refused);
                first = first == null ? skipped : first;
                continue;
            }
            Duration wait = waiting ? Duration.ZERO : slot(phoneNumberId, to, PAUSE_IN_REQUEST);
            OutboundMessage done;
            if (waiting || !wait.isZero()) {
                // an earlier item waits for a retry, or pacing holds this one: it queues on the
                // customer's lane, so the items still reach Meta in order
                done = defer(bot, item, wait, waiting ? "after the collection's earlier items" : PACED);
            } else {
                done = attempt(bot, phoneNumberId, item, ContentRules.sent(item.id(), items.get(i)), true,
                        checked.knownWaId());
            }
            waiting = waiting || done.state() == OutboundMessage.State.PENDING
                    || done.state() == OutboundMessage.State.UNCERTAIN;
            refused = done.state() == OutboundMessage.State.FAILED ? done : null;
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
     * docs/contracts.md §3.3: a collection's items go in order, and an item Meta refused for good ends
     * the sequence: what follows it would reach the customer out of its context. The item ends failed
     * with the refusal's reason (the first refused item's, when {@code refused} was itself ended so).
     */
    private OutboundMessage endAfter(Bot bot, OutboundMessage item, OutboundMessage refused) {
        String description = refused.failureDescription();
        String why = description != null && description.startsWith(NOT_SENT_AFTER) ? description
                : NOT_SENT_AFTER + itemIndex(refused.id()) + " of this collection was refused (" + description + ").";
        OutboundMessage skipped = item.failed(refused.failureCode(), refused.failureKind(), why, false);
        if (messages.replace(skipped)) {
            notifier.notify(bot, failure(skipped, skipped.failureCode(), why));
        }
        return skipped;
    }

    /** The item before a queued collection item, when it ended failed: the sequence ends there. */
    private Optional<OutboundMessage> failedBefore(OutboundMessage item) {
        int colon = item.id().lastIndexOf(':');
        int index;
        try {
            index = colon < 0 ? 0 : Integer.parseInt(item.id().substring(colon + 1));
        } catch (NumberFormatException notAnItem) {
            return Optional.empty();
        }
        if (index <= 0) {
            return Optional.empty();
        }
        String envelopeId = item.id().substring(0, colon);
        // a bot's own ids may look like items ("order:2"): the envelope's record says it is a collection
        return messages.find(item.botId(), itemId(envelopeId, index - 1))
                .filter(before -> before.state() == OutboundMessage.State.FAILED)
                .filter(before -> messages.find(item.botId(), envelopeId)
                        .filter(envelope -> envelope.payloadJson().startsWith(COLLECTION_RECORD)).isPresent());
    }

    private static String itemIndex(String itemId) {
        return itemId.substring(itemId.lastIndexOf(':') + 1);
    }

    /**
     * docs/contracts.md §3.3: {@code composing} shows the customer that the business is typing, on
     * their latest message (Meta's typing indicator, which also marks it read); other states are
     * taken and not sent.
     */
    private String chatState(Bot bot, SendRequest request, ChatState state) {
        String phoneNumberId = bot.requirePhoneNumber();
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
        String phoneNumberId = bot.requirePhoneNumber();
        MetaOutcome outcome = meta.markRead(phoneNumberId, wamid);
        if (outcome instanceof MetaOutcome.Sent || outcome instanceof MetaOutcome.Done) {
            return;
        }
        throw MetaErrors.refusalNow(outcome);
    }

    /**
     * One call to Meta for a leased message, and its outcome recorded. Whatever goes wrong here,
     * the message does not stay SENDING unseen: a retry or an uncertain outcome is queued before
     * it is recorded, and a failure to record is found by that queued work.
     *
     * @param knownWaId the wa_id the customer's item held when the send was checked (null: not read)
     */
    private OutboundMessage attempt(Bot bot, String phoneNumberId, OutboundMessage leased, SentMessage sentAs,
            boolean inline, String knownWaId) {
        MetaOutcome outcome;
        Optional<String> callbackData = CallbackData.of(bot.id(), leased.id());
        try {
            outcome = meta.send(phoneNumberId, leased.to(), leased.group(), leased.payloadJson(),
                    callbackData.orElse(null));
        } catch (RuntimeException e) {
            // the request may have been written before the failure: not safe to send again
            outcome = new MetaOutcome.Uncertain(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        OutboundMessage updated;
        boolean newlyAccepted = false;
        Optional<StatusUpdate> early = Optional.empty();
        boolean recorded = false;
        if (outcome instanceof MetaOutcome.Sent sent) {
            newlyAccepted = !leased.accepted();
            updated = leased.sent(sent.wamid(), true);
            if (callbackData.isEmpty()) {
                // its statuses name no envelope id: tracked by wamid alone, an item of its own
                early = statuses.track(bot.id(), sent.wamid(), leased.recipientNode(), sentAs);
            }
            // the outcome and the tracking of its statuses and replies: one write (docs/storage.md)
            MessageStore.Recorded written = messages.recordSent(updated, sentAs);
            early = early.or(written::early);
            recorded = true;
            if (sent.waId() != null && !sent.waId().equals(knownWaId)) {
                learnWaId(bot, leased, sent.waId());
            }
        } else if (outcome instanceof MetaOutcome.Uncertain uncertain) {
            newlyAccepted = !leased.accepted();
            updated = leased.uncertain(clock.instant().plus(SETTLE_WITHIN), uncertain.why(), true);
            updated = inline ? handOff(updated, SETTLE_WITHIN) : updated;
        } else if (outcome instanceof MetaOutcome.Done) {
            newlyAccepted = !leased.accepted();
            String why = "Meta answered 2xx without a message id";
            updated = leased.uncertain(clock.instant().plus(SETTLE_WITHIN), why, true);
            updated = inline ? handOff(updated, SETTLE_WITHIN) : updated;
        } else {
            MetaErrors.Verdict verdict = MetaErrors.classify(outcome, leased.attempts() + 1);
            if (verdict instanceof MetaErrors.Retry retry) {
                newlyAccepted = !leased.accepted();
                updated = leased.retryAt(clock.instant().plus(retry.after()), retry.description(), true);
                if (outcome instanceof MetaOutcome.Error error && error.code() == MetaErrors.THROUGHPUT) {
                    pacer.throttled(phoneNumberId);
                }
                updated = inline ? handOff(updated, retry.after()) : updated;
            } else {
                Refusal refusal = ((MetaErrors.Definitive) verdict).refusal();
                updated = leased.failed(refusal.reason().code(), refusal.kind().map(Enum::name).orElse(null),
                        refusal.description(), true);
                if (outcome instanceof MetaOutcome.Error error && error.code() == MetaErrors.MARKETING_STOPPED) {
                    revokeMarketing(bot, leased, refusal.description());
                }
            }
        }
        if (!recorded) {
            messages.replace(updated);
        }
        if (newlyAccepted) {
            notifyAccepted(bot, updated);
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
     *         customer's business-scoped user id (the Cloud API's {@code recipient}); and the wa_id stored
     */
    private Checked checkCustomer(Bot bot, Customer customer, RenderedMessage message) {
        // contact, window and consent: one item read (docs/storage.md)
        Optional<CustomerState> state = identities.state(bot.id(), customer.key());
        Optional<KnownContact> known = state.flatMap(CustomerState::contact);
        if (customer.number() == null && !customer.byUserId()
                && known.map(KnownContact::waId).filter(customer.id()::equals).isEmpty()) {
            throw new Refusal(Reason.INVALID_IDENTITY, "'" + customer.id() + "' is not a valid phone number, and no "
                    + "customer with that WhatsApp id has written to this bot.");
        }
        Instant now = clock.instant();
        if (message.kind() != MessageKind.TEMPLATE) {
            if (!CustomerServiceWindow.isOpen(state.flatMap(CustomerState::lastInboundAt), now)) {
                throw new Refusal(Reason.NOT_ALLOWED, "The customer-service window with " + customer.shown()
                        + " is closed: the customer has not written in the last 24 hours. Send a template.",
                        Refusal.Kind.UNPROCESSABLE);
            }
        } else {
            TemplateUse use = message.template().orElseThrow();
            Optional<Template> template = checkTemplate(bot, use);
            if (bot.requireOptIn()) {
                String category = template.map(Template::category).orElse(null);
                Optional<OptInChange> optIn = state.flatMap(CustomerState::optIn);
                if (optIn.isEmpty() || !optIn.get().covers(category)) {
                    throw new Refusal(Reason.UNAUTHORIZED_SENDER, customer.shown() + (optIn.isEmpty()
                            ? " has not opted in" : optIn.get().active() ? " has not opted in to " + category
                                    + " messages" : " has revoked their opt-in")
                            + ": templates need the customer's consent (record it with set /opt-ins).",
                            Refusal.Kind.FORBIDDEN);
                }
            }
        }
        return new Checked(known.flatMap(KnownContact::sendTarget).orElse(customer.id()),
                known.map(KnownContact::waId).orElse(null));
    }

    /**
     * A recipient that passed the rules.
     *
     * @param to        whom Meta is to send to
     * @param knownWaId the customer's wa_id as stored (a send teaches it only when Meta's differs)
     */
    private record Checked(String to, String knownWaId) {
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

    private String replay(Bot bot, OutboundMessage existing, SendRequest request) {
        if (!existing.fingerprint().equals(request.fingerprint())) {
            throw new Refusal(Reason.NOT_ALLOWED, "Message id '" + request.id()
                    + "' was already used for another message; use a new id.", Refusal.Kind.CONFLICT);
        }
        OutboundMessage current = existing;
        if (!current.accepted() && current.state() == OutboundMessage.State.SENDING) {
            // its first request may still be sending it: wait for what Meta answers that one
            current = awaitSettled(existing.botId(), existing.id());
        }
        boolean stranded = current.state() == OutboundMessage.State.SENDING
                ? !clock.instant().isBefore(current.nextAttemptAt()) // its sender's lease ran out
                : current.state() == OutboundMessage.State.PENDING; // kept but never queued
        if (!current.accepted() && !current.isSettled() && stranded) {
            current = takeOver(bot, current);
        } else if (current.accepted()) {
            // told once (the delivery id is the message's); queued again in case the queue
            // was down when the first request told it
            notifyAccepted(bot, current);
        }
        return answer(current);
    }

    /**
     * A message taken before but never handed to the queue (the queue was down, or its sender
     * stopped): queued now. One left SENDING may have reached Meta, so it becomes uncertain.
     */
    private OutboundMessage takeOver(Bot bot, OutboundMessage stranded) {
        Instant now = clock.instant();
        OutboundMessage next = stranded.state() == OutboundMessage.State.SENDING
                ? stranded.uncertain(now.plus(SETTLE_WITHIN), "the first request's outcome was never recorded", true)
                : stranded.acceptedNow();
        Duration delay = next.state() == OutboundMessage.State.UNCERTAIN ? SETTLE_WITHIN
                : Duration.between(now, next.nextAttemptAt()).isNegative() ? Duration.ZERO
                        : Duration.between(now, next.nextAttemptAt());
        if (!messages.replace(handOff(next, delay))) {
            return messages.find(stranded.botId(), stranded.id()).orElse(stranded);
        }
        notifyAccepted(bot, next);
        return next;
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

    private void notifyAccepted(Bot bot, OutboundMessage message) {
        notifier.notify(bot, new Notification(message.id(), message.recipientNode(), Notification.Event.ACCEPTED, 0, null,
                Map.of()));
    }

    private static Notification failure(OutboundMessage message, int code, String description) {
        return new Notification(message.id(), message.recipientNode(), Notification.Event.FAILED, code, description, Map.of());
    }
}
