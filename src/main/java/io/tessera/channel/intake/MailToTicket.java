package io.tessera.channel.intake;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.tessera.channel.email.MachineMail;
import io.tessera.channel.email.MailAddress;
import io.tessera.channel.email.MailAttachment;
import io.tessera.channel.email.ParsedMail;
import io.tessera.channel.email.ReplyText;
import io.tessera.channel.outbox.Acknowledgements;
import io.tessera.channel.outbox.Bounces;
import io.tessera.channel.settings.SupportAddresses;
import io.tessera.channel.settings.TeamMailRules;
import io.tessera.channel.settings.TeamMailSettings;
import io.tessera.channel.threading.MessageIdTokens;
import io.tessera.channel.threading.ThreadFinder;
import io.tessera.channel.threading.ThreadIds;
import io.tessera.channel.threading.ThreadMatch;
import io.tessera.conversation.AgentMessage;
import io.tessera.conversation.Attachment;
import io.tessera.conversation.AttachmentTooLarge;
import io.tessera.conversation.Attachments;
import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.conversation.IncomingMessage;
import io.tessera.conversation.WrittenMessage;
import io.tessera.customer.Customer;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;
import io.tessera.ticket.Channel;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketFollowers;
import io.tessera.ticket.TicketLinks;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketStatus;

/**
 * What a received mail does, decided in this order (docs/email.md):
 * <ol>
 *   <li>our own mail coming back (sent from one of our addresses, or carrying a Message-ID we made) is kept
 *       and ignored — a loop stops here;</li>
 *   <li>a bounce goes to the ticket whose mail bounced, as a note, and a permanent one marks the address;
 *       a delivery or feedback report is kept and ignored;</li>
 *   <li>a reply ({@link ThreadFinder}) lands on its ticket — merged: on the target; closed: by the team's
 *       rule; under a new subject: a new linked ticket if the team wants that;</li>
 *   <li>anything else opens a new ticket for the sender (Reply-To aware), found or created by address,
 *       with CC'd people as followers, acknowledged by mail unless it was written by a machine.</li>
 * </ol>
 * Runs inside the processing transaction: the ticket, its message, files, followers, thread ids and the
 * queued acknowledgement are committed together with the stored mail's new status, or not at all.
 */
@Component
class MailToTicket {

    private final SupportAddresses ourAddresses;
    private final MessageIdTokens tokens;
    private final ThreadFinder threads;
    private final ThreadIds threadIds;
    private final TeamMailRules rules;
    private final Customers customers;
    private final AgentManagement agents;
    private final Conversations conversations;
    private final Attachments attachments;
    private final TicketFollowers followers;
    private final Acknowledgements acknowledgements;
    private final Bounces bounces;
    private final TicketManagement tickets;
    private final TicketLinks links;
    private final Clock clock;

    MailToTicket(SupportAddresses ourAddresses, MessageIdTokens tokens, ThreadFinder threads, ThreadIds threadIds,
                 TeamMailRules rules, Customers customers, AgentManagement agents, Conversations conversations,
                 Attachments attachments, TicketFollowers followers, Acknowledgements acknowledgements, Bounces bounces,
                 TicketManagement tickets, TicketLinks links, Clock clock) {
        this.tickets = tickets;
        this.links = links;
        this.ourAddresses = ourAddresses;
        this.tokens = tokens;
        this.threads = threads;
        this.threadIds = threadIds;
        this.rules = rules;
        this.customers = customers;
        this.agents = agents;
        this.conversations = conversations;
        this.attachments = attachments;
        this.followers = followers;
        this.acknowledgements = acknowledgements;
        this.bounces = bounces;
        this.clock = clock;
    }

    Outcome handle(InboundRow row, ParsedMail mail) {
        if (isLoop(mail)) {
            return Outcome.ignored("LOOP", "Our own mail came back (sent from " + address(mail.from()) + ").");
        }
        MachineMail.Verdict verdict = MachineMail.classify(mail);
        if (verdict.kind() == MachineMail.Kind.BOUNCE) {
            return bounce(mail, verdict);
        }
        if (verdict.kind() == MachineMail.Kind.REPORT) {
            return Outcome.ignored("REPORT", "A " + verdict.reason() + "; nothing bounced.");
        }
        MailAddress sender = sender(mail).orElseThrow(() -> new UnreadableMail("The message has no sender address."));
        Optional<ThreadMatch> match = threads.find(mail, sender.address());
        if (match.isPresent()) {
            return reply(row, mail, verdict, sender, match.get());
        }
        return newTicket(row, mail, verdict, sender, null);
    }

    // --- replies --------------------------------------------------------------------------------------------

    private Outcome reply(InboundRow row, ParsedMail mail, MachineMail.Verdict verdict, MailAddress sender, ThreadMatch match) {
        Ticket ticket = match.ticket();
        TeamMailSettings teamRules = rules.of(ticket.team());
        if (teamRules.newSubjectSplits() && Subjects.newTopic(mail.subject(), ticket.subject())) {
            return newTicket(row, mail, verdict, sender, ticket);
        }
        Optional<Agent> agent = agents.findByEmail(sender.address()).filter(Agent::active);
        Body body = body(mail);
        WrittenMessage written;
        if (agent.isPresent()) {
            // An agent answering from their mail client: kept as their note. Replies to customers are written
            // in Tessera, so that nobody gets the same answer twice (once from the agent, once from us).
            written = conversations.agentWrote(ticket.id(), null, Actor.agent(agent.get().id()),
                    new AgentMessage(body.text(), BodyFormat.TEXT, true, List.of(), List.of()));
        } else if (!verdict.mayAutoReply()) {
            // An out-of-office answer to our reply: agents should see it, but it must not reopen the ticket.
            written = new WrittenMessage(conversations.systemNote(ticket.id(),
                    "Automatic reply from " + sender.address() + " (" + verdict.reason() + "):\n\n" + body.text(),
                    body.visible()), ticket);
        } else {
            Customer customer = customers.findOrCreate(sender.address(), sender.name());
            written = conversations.customerWrote(ticket.id(), Actor.customer(customer.id().value()),
                    new IncomingMessage(body.content(), body.format(), body.visible(), Channel.EMAIL,
                            closedRule(ticket, teamRules)));
        }
        Ticket landed = written.ticket();
        String note = "Reply, found by " + match.rule().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (!landed.id().equals(ticket.id())) {
            note += "; landed on #" + landed.number() + " (" + (ticket.mergedInto() != null ? "merge target" : "follow-up") + ")";
        }
        finish(row, mail, landed, written.messageId(), body, sender);
        return Outcome.onTicket(landed.id(), verdict.kind().name(), note + ".");
    }

    private IncomingMessage.ClosedTicketRule closedRule(Ticket ticket, TeamMailSettings teamRules) {
        if (ticket.status() != TicketStatus.CLOSED) {
            return IncomingMessage.ClosedTicketRule.FOLLOW_UP;
        }
        return switch (teamRules.closedReplyRule()) {
            case REOPEN -> IncomingMessage.ClosedTicketRule.REOPEN;
            case FOLLOW_UP -> IncomingMessage.ClosedTicketRule.FOLLOW_UP;
            case FOLLOW_UP_AFTER_DAYS -> ticket.closedAt() != null
                    && ticket.closedAt().plus(Duration.ofDays(teamRules.closedReplyDays())).isAfter(clock.instant())
                    ? IncomingMessage.ClosedTicketRule.REOPEN : IncomingMessage.ClosedTicketRule.FOLLOW_UP;
        };
    }

    // --- new tickets ----------------------------------------------------------------------------------------

    private Outcome newTicket(InboundRow row, ParsedMail mail, MachineMail.Verdict verdict, MailAddress sender, Ticket previous) {
        Customer customer = customers.findOrCreate(sender.address(), sender.name());
        TeamId team = row.team() != null ? row.team() : previous != null ? previous.team() : recipientTeam(mail);
        String subject = mail.subject().isBlank() ? "(no subject)" : shorten(mail.subject().strip(), MAX_SUBJECT - 1);
        Set<String> tags = verdict.mayAutoReply() ? Set.of() : Set.of("auto-reply");
        Body body = body(mail);
        WrittenMessage written = conversations.open(
                new NewTicket(subject, customer.id(), Channel.EMAIL, null, null, team, null, tags, null),
                new IncomingMessage(body.content(), body.format(), body.visible(), Channel.EMAIL, null));
        Ticket ticket = written.ticket();
        String note = "New ticket";
        if (previous != null) {
            links.followUp(ticket.id(), previous.id(), Actor.customer(customer.id().value()));
            note += ", follow-up of #" + previous.number() + " (new subject in its thread)";
        }
        finish(row, mail, ticket, written.messageId(), body, sender);
        if (verdict.mayAutoReply() && !bounces.bouncing(List.of(sender.address())).contains(sender.normalized())) {
            if (!acknowledgements.acknowledge(ticket, sender.address())) {
                note += "; no acknowledgement (rate limit)";
            }
        } else if (!verdict.mayAutoReply()) {
            note += "; not acknowledged: " + verdict.reason();
        }
        return Outcome.onTicket(ticket.id(), verdict.kind().name(), note + ".");
    }

    private TeamId recipientTeam(ParsedMail mail) {
        List<MailAddress> recipients = new ArrayList<>(mail.to());
        recipients.addAll(mail.cc());
        for (MailAddress recipient : recipients) {
            Optional<TeamId> team = ourAddresses.teamFor(recipient.address());
            if (team.isPresent()) {
                return team.get();
            }
        }
        return null;
    }

    // --- what every message on a ticket gets ----------------------------------------------------------------

    /** Files (inline images pointed at their attachments), followers from CC, and the Message-ID for threading. */
    private void finish(InboundRow row, ParsedMail mail, Ticket ticket, long messageId, Body body, MailAddress sender) {
        List<String> skipped = new ArrayList<>();
        if (body.cut()) {
            attachments.store(ticket.id(), messageId, "original-message.eml", "message/rfc822", null,
                    new ByteArrayInputStream(row.raw()));
        }
        if (row.oversized()) {
            skipped.add("all files: the message is larger than the intake limit");
        } else {
            Map<MailAttachment, Attachment> stored = new LinkedHashMap<>();
            for (MailAttachment file : mail.attachments()) {
                try {
                    stored.put(file, attachments.store(ticket.id(), messageId, file.fileName(), file.contentType(),
                            file.contentId(), new ByteArrayInputStream(file.content())));
                } catch (AttachmentTooLarge tooLarge) {
                    skipped.add(file.fileName() + " (" + tooLarge.getMessage() + ")");
                }
            }
            if (body.format() == BodyFormat.HTML && stored.keySet().stream().anyMatch(f -> !f.contentId().isEmpty())) {
                Map<MailAttachment, String> urls = new HashMap<>();
                stored.forEach((file, attachment) -> urls.put(file, attachment.previewPath()));
                conversations.resolveInlineImages(messageId, mail.htmlWithImages(urls::get));
            }
        }
        if (!skipped.isEmpty()) {
            conversations.systemNote(ticket.id(), "Not imported from the email of " + sender.address() + ": "
                    + String.join("; ", skipped) + ". The original message is kept under Admin → Email → Inbound mail (#"
                    + row.id() + ").", null);
        }
        addFollowers(mail, ticket, sender);
        threadIds.record(mail.messageId(), ticket.id(), messageId, false);
    }

    /** Everyone else the customer wrote to (To and CC, not us, not agents) follows the ticket. */
    private void addFollowers(ParsedMail mail, Ticket ticket, MailAddress sender) {
        if (ticket.status() == TicketStatus.CLOSED) {
            return;
        }
        List<MailAddress> others = new ArrayList<>(mail.to());
        others.addAll(mail.cc());
        Customer requester = customers.find(ticket.requester()).orElse(null);
        Set<String> known = new java.util.HashSet<>();
        followers.followers(ticket.id()).forEach(f -> known.add(f.email().toLowerCase(Locale.ROOT)));
        for (MailAddress other : others) {
            String address = other.normalized();
            if (!address.contains("@") || address.equals(sender.normalized()) || known.contains(address)
                    || ourAddresses.isOurs(address) || agents.findByEmail(address).isPresent()
                    || (requester != null && customers.findByEmail(address).map(c -> c.id().equals(requester.id())).orElse(false))) {
                continue;
            }
            try {
                followers.add(ticket.id(), address, other.name(), Actor.customer(requester == null ? 0 : requester.id().value()));
                known.add(address);
            } catch (InvalidTicketChange notAFollower) {
                // An address the customer module refuses (malformed): the mail is still on the ticket.
            }
        }
    }

    // --- machine mail -----------------------------------------------------------------------------------------

    private Outcome bounce(ParsedMail mail, MachineMail.Verdict verdict) {
        List<String> ids = new ArrayList<>();
        if (!verdict.originalMessageId().isEmpty()) {
            ids.add(verdict.originalMessageId());
        }
        ids.addAll(mail.inReplyTo());
        ids.addAll(mail.references());
        Optional<TicketId> ticket = ids.stream().map(tokens::ticketNumber).flatMap(Optional::stream).findFirst()
                .flatMap(tickets::findByNumber).map(Ticket::id)
                .or(() -> threadIds.ticketOf(ids));
        String recipients = verdict.failedRecipients().isEmpty() ? "an unknown recipient"
                : String.join(", ", verdict.failedRecipients());
        boolean permanent = verdict.severity() == MachineMail.Severity.PERMANENT;
        if (permanent) {
            verdict.failedRecipients().forEach(address ->
                    bounces.mark(address, verdict.status(), verdict.reason(), ticket.orElse(null)));
        }
        if (ticket.isEmpty()) {
            return Outcome.ignored("BOUNCE", "Bounce for mail we cannot find (" + recipients + ", " + verdict.status() + ")"
                    + (permanent ? "; address marked as bouncing." : "."));
        }
        String summary = ReplyText.visible(mail.text()).visible();
        conversations.systemNote(ticket.get(), "Mail to " + recipients + " could not be delivered"
                + (verdict.status().isEmpty() ? "" : " (" + verdict.status() + ")")
                + (permanent ? ". No more mail goes to this address until it is cleared on the customer's profile." : ".")
                + "\n\n" + shorten(summary, 4000), "Mail to " + recipients + " bounced");
        threadIds.record(mail.messageId(), ticket.get(), null, false);
        return Outcome.onTicket(ticket.get(), "BOUNCE", "Bounce (" + verdict.status() + ") for " + recipients + ".");
    }

    private boolean isLoop(ParsedMail mail) {
        if (tokens.isOurs(mail.messageId())) {
            return true;
        }
        return mail.from() != null && ourAddresses.isOurs(mail.from().address());
    }

    /** Who the ticket is for: Reply-To when it names someone other than us (web forms, shared mailboxes), else From. */
    private Optional<MailAddress> sender(ParsedMail mail) {
        return mail.replyTo().stream().filter(a -> a.address().contains("@") && !ourAddresses.isOurs(a.address()))
                .findFirst()
                .or(() -> Optional.ofNullable(mail.from()).filter(a -> a.address().contains("@")));
    }

    // --- bodies ---------------------------------------------------------------------------------------------

    /**
     * The stored body: the sanitised HTML when there is one, else the text; plus the visible new text. A
     * message body may hold 64 KB of text: a longer HTML body falls back to the text, a longer text is cut,
     * and then the whole original is attached as a file ({@link Body#cut()}), so nothing is lost to readers.
     */
    private static Body body(ParsedMail mail) {
        String text = mail.text() == null ? "" : mail.text();
        String visible = ReplyText.visible(text).visible();
        boolean html = mail.html() != null && !mail.html().isBlank() && mail.html().length() <= MAX_BODY;
        boolean cut = mail.html() != null && mail.html().length() > MAX_BODY;
        if (!html && text.length() > MAX_BODY) {
            text = text.substring(0, MAX_BODY - 200) + "\n\n[… cut here: the whole message is attached as original-message.eml]";
            cut = true;
        }
        String content = html ? mail.html() : text;
        if (content.isBlank()) {
            content = "(This email has no text.)";
        }
        if (visible.length() > MAX_BODY) {
            visible = visible.substring(0, MAX_BODY);
        }
        return new Body(content, html ? BodyFormat.HTML : BodyFormat.TEXT, text.isBlank() ? content : text,
                visible.isBlank() ? null : visible, cut);
    }

    /** A ticket's subject may be this long; a longer mail subject is cut rather than the mail failing. */
    private static final int MAX_SUBJECT = 500;

    /** A message body may be this long (Conversations' limit, in characters), a little less to leave room. */
    private static final int MAX_BODY = 64_000;

    private record Body(String content, BodyFormat format, String text, String visible, boolean cut) {
    }

    private static String address(MailAddress address) {
        return address == null ? "nobody" : address.address();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
