package io.tessera.ticket;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.customer.Customer;
import io.tessera.customer.Customers;
import io.tessera.customer.InvalidChange;
import io.tessera.shared.Actor;
import io.tessera.shared.CustomerId;
import io.tessera.shared.TicketId;
import io.tessera.ticket.RelationEvents.FollowerAdded;
import io.tessera.ticket.RelationEvents.FollowerRemoved;

/**
 * Followers (CCs) of a ticket: customers who receive its public replies along with the requester. Agents
 * add them by address; an unknown address becomes a customer, as an email from it would. Adding and
 * removing are recorded in the ticket's log; like links, they leave the ticket's version alone.
 */
@Service
@Transactional
public class TicketFollowers {

    /** More CCs than this on one ticket is a mailing list, not a conversation. */
    static final int MAX_FOLLOWERS = 50;

    private final JdbcClient jdbc;
    private final TicketRepository tickets;
    private final Customers customers;
    private final TicketEventLog log;
    private final Clock clock;

    TicketFollowers(JdbcClient jdbc, TicketRepository tickets, Customers customers, TicketEventLog log, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.customers = customers;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Adds the customer with this address (created, with {@code name} if given, when unknown) as a
     * follower. Adding someone who already follows changes nothing and returns them.
     */
    public Follower add(TicketId ticket, String email, String name, Actor by) {
        Ticket current = tickets.find(ticket).orElseThrow(() -> new IllegalArgumentException("No ticket with id " + ticket));
        if (current.status() == TicketStatus.CLOSED) {
            throw new InvalidTicketChange("email", "Ticket " + current.display() + " is closed; closed tickets cannot change.");
        }
        if (email == null || email.isBlank()) {
            throw new InvalidTicketChange("email", "Enter the follower's email address.");
        }
        Customer customer;
        try {
            customer = customers.findOrCreate(email.strip(), name);
        } catch (InvalidChange e) {
            throw new InvalidTicketChange("email", e.getMessage());
        }
        if (customer.id().equals(current.requester())) {
            throw new InvalidTicketChange("email", customer.email() + " is the requester and gets every public reply already.");
        }
        if (!follows(ticket, customer.id())) {
            if (count(ticket) >= MAX_FOLLOWERS) {
                throw new InvalidTicketChange("email", "A ticket can have at most " + MAX_FOLLOWERS + " followers.");
            }
            insert(ticket, customer.id(), customer.email(), by);
        }
        return new Follower(customer.id(), customer.name(), customer.email());
    }

    public void remove(TicketId ticket, CustomerId customer, Actor by) {
        String email = customers.find(customer).map(Customer::email).orElse("");
        int removed = jdbc.sql("delete from ticket_follower where ticket_id = ? and customer_id = ?")
                .params(ticket.value(), customer.value()).update();
        if (removed == 0) {
            throw new InvalidTicketChange("customerId", "That customer does not follow this ticket.");
        }
        log.append(ticket, new FollowerRemoved(customer.value(), email), by, clock.instant());
    }

    /** The followers of a ticket, by name, in one query: everyone a public reply goes to besides the requester. */
    @Transactional(readOnly = true)
    public List<Follower> followers(TicketId ticket) {
        return jdbc.sql("select c.id, c.name, c.email from ticket_follower f join customer c on c.id = f.customer_id "
                        + "join ticket t on t.id = f.ticket_id "
                        + "where f.ticket_id = ? and f.customer_id <> t.requester_id order by c.name, c.id")
                .param(ticket.value())
                .query((rs, n) -> new Follower(CustomerId.of(rs.getLong("id")), rs.getString("name"), rs.getString("email")))
                .list();
    }

    /** Makes a customer follow a ticket unless they are its requester or follow it already (merges). */
    void follow(Ticket ticket, CustomerId customer, Actor by) {
        if (!customer.equals(ticket.requester()) && !follows(ticket.id(), customer)) {
            insert(ticket.id(), customer, customers.find(customer).map(Customer::email).orElse(""), by);
        }
    }

    private boolean follows(TicketId ticket, CustomerId customer) {
        return jdbc.sql("select count(*) from ticket_follower where ticket_id = ? and customer_id = ?")
                .params(ticket.value(), customer.value()).query(Long.class).single() > 0;
    }

    private long count(TicketId ticket) {
        return jdbc.sql("select count(*) from ticket_follower where ticket_id = ?").param(ticket.value())
                .query(Long.class).single();
    }

    private void insert(TicketId ticket, CustomerId customer, String email, Actor by) {
        jdbc.sql("insert into ticket_follower (ticket_id, customer_id) values (?, ?)")
                .params(ticket.value(), customer.value()).update();
        log.append(ticket, new FollowerAdded(customer.value(), email), by, clock.instant());
    }
}
