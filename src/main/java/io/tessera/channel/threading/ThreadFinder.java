package io.tessera.channel.threading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.tessera.channel.email.ParsedMail;
import io.tessera.customer.Customers;
import io.tessera.identity.AgentManagement;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketFollowers;
import io.tessera.ticket.TicketManagement;

/**
 * Finds the ticket a received mail replies to, by the layered rules of docs/email.md, strongest first:
 * <ol>
 *   <li>a Message-ID we signed, anywhere in In-Reply-To or References;</li>
 *   <li>any Message-ID stored for a ticket (received or sent), anywhere in In-Reply-To or References;</li>
 *   <li>a {@code [#1234]} tag in the subject, but only from the ticket's requester, one of its followers
 *       or an agent: anybody can type a number into a subject, and a stranger's mail must not land in
 *       someone else's conversation.</li>
 * </ol>
 * Headers outrank the subject because mail clients keep them when people edit the subject, and because
 * they cannot be guessed.
 */
@Component
public class ThreadFinder {

    private static final Pattern SUBJECT_TAG = Pattern.compile("\\[#(\\d{1,18})]");

    private final MessageIdTokens tokens;
    private final ThreadIds threadIds;
    private final TicketManagement tickets;
    private final Customers customers;
    private final TicketFollowers followers;
    private final AgentManagement agents;

    ThreadFinder(MessageIdTokens tokens, ThreadIds threadIds, TicketManagement tickets, Customers customers,
                 TicketFollowers followers, AgentManagement agents) {
        this.tokens = tokens;
        this.threadIds = threadIds;
        this.tickets = tickets;
        this.customers = customers;
        this.followers = followers;
        this.agents = agents;
    }

    /** The ticket this mail, sent from {@code sender}, continues; empty for a new conversation. */
    public Optional<ThreadMatch> find(ParsedMail mail, String sender) {
        List<String> ids = new ArrayList<>(mail.inReplyTo());
        List<String> references = new ArrayList<>(mail.references());
        Collections.reverse(references);
        ids.addAll(references);
        for (String id : ids) {
            Optional<Ticket> signed = tokens.ticketNumber(id).flatMap(tickets::findByNumber);
            if (signed.isPresent()) {
                return Optional.of(new ThreadMatch(signed.get(), ThreadMatch.Rule.SIGNED_MESSAGE_ID));
            }
        }
        Optional<Ticket> stored = byStoredId(ids, sender);
        if (stored.isPresent()) {
            return Optional.of(new ThreadMatch(stored.get(), ThreadMatch.Rule.STORED_MESSAGE_ID));
        }
        Matcher tag = SUBJECT_TAG.matcher(mail.subject());
        while (tag.find()) {
            Optional<Ticket> tagged = tickets.findByNumber(Long.parseLong(tag.group(1)))
                    .filter(ticket -> onTicket(ticket, sender));
            if (tagged.isPresent()) {
                return Optional.of(new ThreadMatch(tagged.get(), ThreadMatch.Rule.SUBJECT_TAG));
            }
        }
        return Optional.empty();
    }

    /**
     * Rule 2. When the id is on several tickets — two stored mails shared a Message-ID, one of them perhaps
     * imitating the other — the reply goes to the ticket its sender takes part in, else to the first that took
     * the id: a stranger reusing a customer's Message-ID must not draw the customer's replies to their ticket.
     */
    private Optional<Ticket> byStoredId(List<String> ids, String sender) {
        List<Ticket> candidates = threadIds.ticketsOf(ids).stream().map(tickets::find).flatMap(Optional::stream).toList();
        if (candidates.size() <= 1) {
            return candidates.stream().findFirst();
        }
        return candidates.stream().filter(ticket -> onTicket(ticket, sender)).findFirst().or(() -> Optional.of(candidates.get(0)));
    }

    /** Whether {@code sender} is the requester (by any of their addresses), a follower, or an agent. */
    private boolean onTicket(Ticket ticket, String sender) {
        if (sender == null) {
            return false;
        }
        String address = sender.toLowerCase(Locale.ROOT);
        if (customers.findByEmail(address).filter(c -> c.id().equals(ticket.requester())).isPresent()) {
            return true;
        }
        if (followers.followers(ticket.id()).stream().anyMatch(f -> f.email().equalsIgnoreCase(address))) {
            return true;
        }
        return agents.findByEmail(address).filter(agent -> agent.active()).isPresent();
    }
}
