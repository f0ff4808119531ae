package io.tessera.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.Actor;
import io.tessera.shared.TicketId;

/**
 * The ticket side of merging one ticket into another: the source is closed and points at the target,
 * both record {@code merged}, and the source's requester follows the target. The conversation module
 * copies the messages in the same transaction ({@code TicketMerging}), which is what people call.
 */
@Service
@Transactional
public class TicketMerges {

    /** A chain of merges longer than this is bad data; stop following it. */
    private static final int MAX_HOPS = 20;

    private final TicketRepository tickets;
    private final TicketFollowers followers;
    private final JdbcClient jdbc;
    private final Clock clock;

    TicketMerges(TicketRepository tickets, TicketFollowers followers, JdbcClient jdbc, Clock clock) {
        this.tickets = tickets;
        this.followers = followers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Merges {@code source} into {@code target}.
     *
     * @throws InvalidTicketChange     when a rule refuses it (same ticket, source closed or merged, target
     *                                 closed or merged)
     * @throws ConcurrentTicketChange  when either ticket changed while this ran
     */
    public void merge(TicketId source, TicketId target, Actor by) {
        if (source.equals(target)) {
            throw new InvalidTicketChange("sources", "A ticket cannot be merged into itself.");
        }
        Ticket into = load(target);
        Ticket from = load(source);
        Instant now = clock.instant();
        into.absorb(from.ref(), now);
        from.closeAsMerged(into.ref(), now);
        // Saved in id order, so two merges of the same pair in opposite directions cannot deadlock.
        for (Ticket ticket : source.value() < target.value() ? List.of(from, into) : List.of(into, from)) {
            tickets.save(ticket, by);
        }
        jdbc.sql("update ticket set merged_into_id = ? where id = ?").params(target.value(), source.value()).update();
        followers.follow(into, from.requester(), by);
    }

    /** Where a message to this ticket belongs: the ticket itself, or the ticket it was (last) merged into. */
    @Transactional(readOnly = true)
    public Ticket destination(TicketId ticket) {
        Ticket current = load(ticket);
        for (int hop = 0; current.mergedInto() != null && hop < MAX_HOPS; hop++) {
            current = load(current.mergedInto());
        }
        return current;
    }

    /** The tickets merged into this one, by number. */
    @Transactional(readOnly = true)
    public List<TicketRef> mergedInto(TicketId target) {
        return jdbc.sql("select id, number from ticket where merged_into_id = ? order by number")
                .param(target.value())
                .query((rs, n) -> new TicketRef(TicketId.of(rs.getLong("id")), rs.getLong("number")))
                .list();
    }

    private Ticket load(TicketId id) {
        return tickets.find(id).orElseThrow(() -> new IllegalArgumentException("No ticket with id " + id));
    }
}
