package io.tessera.channel.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.tessera.channel.settings.SupportAddresses;
import io.tessera.channel.settings.TeamMailRules;
import io.tessera.channel.threading.MessageIdTokens;
import io.tessera.channel.threading.ThreadIds;
import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.MessageFormatting;
import io.tessera.customer.Customer;
import io.tessera.customer.Customers;
import io.tessera.identity.TeamManagement;
import io.tessera.identity.Team;
import io.tessera.system.TesseraProperties;
import io.tessera.ticket.Follower;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketFollowers;

/**
 * Writes the mail of a ticket: From the team's support address, the ticket tag {@code [#1234]} in the
 * subject, a signed Message-ID naming the ticket, In-Reply-To the latest mail received on it and
 * References to the thread, a text part (the Markdown) and an HTML part rendered from it — or, for a reply
 * written in HTML, that HTML and the text read from it.
 */
@Component
public class TicketMailComposer {

    private static final Pattern TAG = Pattern.compile("\\[#\\d+]");
    /**
     * Where an HTML message goes in a template rendered as Markdown: a word Markdown and the sanitiser leave
     * alone, replaced after rendering by the message's own HTML (in the HTML part) and its text (in the text part).
     */
    private static final String MESSAGE_SLOT = "TesseraMessageSlot7f3c9a1e";

    private final MailTemplates templates;
    private final MessageIdTokens tokens;
    private final ThreadIds threadIds;
    private final SupportAddresses addresses;
    private final TeamMailRules rules;
    private final TeamManagement teams;
    private final Customers customers;
    private final TicketFollowers followers;
    private final MessageFormatting formatting;
    private final TesseraProperties properties;

    TicketMailComposer(MailTemplates templates, MessageIdTokens tokens, ThreadIds threadIds, SupportAddresses addresses,
                       TeamMailRules rules, TeamManagement teams, Customers customers, TicketFollowers followers,
                       MessageFormatting formatting, TesseraProperties properties) {
        this.templates = templates;
        this.tokens = tokens;
        this.threadIds = threadIds;
        this.addresses = addresses;
        this.rules = rules;
        this.teams = teams;
        this.customers = customers;
        this.followers = followers;
        this.formatting = formatting;
        this.properties = properties;
    }

    /**
     * An agent's public reply to the requester, with the followers in CC. A reply written in HTML (an
     * integration's {@code html} through the API) is mailed as that HTML, sanitised, inside the template's
     * HTML, with a text part read from it; rendering it as Markdown would send its tags as escaped text.
     */
    public OutgoingMail reply(Ticket ticket, long messageRowId, String agentName, String body, BodyFormat format) {
        Customer requester = customers.find(ticket.requester()).orElseThrow();
        Map<String, String> values = values(ticket, requester);
        values.put("agent.name", agentName);
        List<String> cc = followers.followers(ticket.id()).stream().map(Follower::email).toList();
        MailTemplate template = templates.get(MailTemplates.AGENT_REPLY);
        if (format != BodyFormat.HTML) {
            values.put("message", body);
            return compose(OutboundKind.REPLY, ticket, messageRowId, from(ticket, agentName), List.of(requester.email()), cc,
                    template, values);
        }
        String html = formatting.sanitize(body);
        values.put("message", MESSAGE_SLOT);
        OutgoingMail framed = compose(OutboundKind.REPLY, ticket, messageRowId, from(ticket, agentName),
                List.of(requester.email()), cc, template, values);
        return new OutgoingMail(framed.kind(), framed.ticket(), framed.messageRowId(), framed.from(), framed.to(), framed.cc(),
                framed.subject(), framed.messageId(), framed.inReplyTo(), framed.references(),
                framed.text().replace(MESSAGE_SLOT, formatting.mailText(html)),
                framed.html().replace("<p>" + MESSAGE_SLOT + "</p>", html).replace(MESSAGE_SLOT, html));
    }

    /** The acknowledgement of a new ticket, to the address the request came from. */
    public OutgoingMail acknowledgement(Ticket ticket, String address) {
        Customer requester = customers.find(ticket.requester()).orElseThrow();
        Map<String, String> values = values(ticket, requester);
        return compose(OutboundKind.ACKNOWLEDGEMENT, ticket, null, from(ticket, values.get("team.name")), List.of(address),
                List.of(), templates.get(MailTemplates.ACKNOWLEDGEMENT), values);
    }

    /**
     * An agent's notification (a mention, an assignment) to the agent, from the ticket's support address so
     * that the agent's reply threads back to the ticket, where it becomes their internal note.
     */
    public OutgoingMail agentNotification(Ticket ticket, String agentAddress, String headline, String excerpt) {
        Customer requester = customers.find(ticket.requester()).orElseThrow();
        Map<String, String> values = values(ticket, requester);
        values.put("notification.text", headline);
        values.put("message", excerpt == null ? "" : excerpt);
        return compose(OutboundKind.NOTIFICATION, ticket, null, from(ticket, "Tessera"), List.of(agentAddress), List.of(),
                templates.get(MailTemplates.AGENT_NOTIFICATION), values);
    }

    /**
     * A mail a rule sends (a trigger's or an automation's "send email"): the rule's own subject and body,
     * filled with the same placeholders as the templates, threaded into the ticket like every ticket mail.
     */
    public OutgoingMail ruleMail(Ticket ticket, List<String> to, String subject, String body) {
        Customer requester = customers.find(ticket.requester()).orElseThrow();
        Map<String, String> values = values(ticket, requester);
        return compose(OutboundKind.NOTIFICATION, ticket, null, from(ticket, values.get("team.name")), to, List.of(),
                new MailTemplate("rule", subject, body, true), values);
    }

    private OutgoingMail compose(OutboundKind kind, Ticket ticket, Long messageRowId, String from, List<String> to,
                                 List<String> cc, MailTemplate template, Map<String, String> values) {
        String subject = withTicketTag(MailTemplates.fill(template.subject(), values), ticket.number());
        String markdown = MailTemplates.fill(template.body(), values).strip() + "\n";
        ThreadIds.Thread thread = threadIds.threadOf(ticket.id());
        String messageId = tokens.create(ticket.number());
        List<String> references = new ArrayList<>(thread.references());
        return new OutgoingMail(kind, ticket.id(), messageRowId, from, to, cc, subject, messageId, thread.inReplyTo(),
                references, markdown, formatting.markdownToHtml(markdown));
    }

    /**
     * The subject as sent: on one line, with the ticket tag {@code [#1042]} added when the template dropped
     * it, because the tag is what threads a reply whose headers a mail client lost.
     */
    public static String withTicketTag(String subject, long number) {
        String oneLine = subject.replaceAll("\\s+", " ").strip();
        return TAG.matcher(oneLine).find() ? oneLine : oneLine + " [#" + number + "]";
    }

    private Map<String, String> values(Ticket ticket, Customer requester) {
        Map<String, String> values = new HashMap<>();
        values.put("ticket.number", Long.toString(ticket.number()));
        values.put("ticket.subject", ticket.subject());
        values.put("ticket.url", baseUrl() + "/portal/tickets/" + ticket.number());
        values.put("ticket.agent_url", baseUrl() + "/tickets/" + ticket.number());
        // The name is what the customer's first mail said it was: cleaned before we repeat it to anyone.
        values.put("requester.name", GreetingName.full(requester.name()));
        values.put("requester.first_name", GreetingName.first(requester.name()));
        values.put("requester.email", requester.email());
        values.put("team.name", ticket.team() == null ? "Support" : teams.find(ticket.team()).map(Team::name).orElse("Support"));
        return values;
    }

    /** {@code "Name" <address>} with the team's sending address, or the install's. */
    private String from(Ticket ticket, String name) {
        String address = rules.of(ticket.team()).supportAddress();
        String sender = address == null ? addresses.defaultSender() : address;
        String display = name == null ? "Support" : name.replace("\"", "'").replaceAll("[\\r\\n]", " ");
        return "\"" + display + "\" <" + sender + ">";
    }

    private String baseUrl() {
        String base = properties.baseUrl();
        return base.isEmpty() ? "http://localhost:8080" : base.replaceAll("/+$", "");
    }
}
