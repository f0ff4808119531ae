package io.tessera.channel.outbox;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.tessera.channel.threading.ThreadIds;
import io.tessera.ticket.Ticket;

/**
 * "We received your request #4521" for a ticket that arrived by mail. Never for machine mail (the caller
 * decides), and at most {@value #LIMIT} per address in {@link #WINDOW}: a sender whose own autoresponder
 * answers every acknowledgement with a new mail would otherwise start a loop of tickets and
 * acknowledgements. The count is of queued mail in the database, so it holds across restarts and nodes.
 */
@Service
public class Acknowledgements {

    static final int LIMIT = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

    private final TicketMailComposer composer;
    private final Outbox outbox;
    private final ThreadIds threadIds;
    private final Clock clock;

    Acknowledgements(TicketMailComposer composer, Outbox outbox, ThreadIds threadIds, Clock clock) {
        this.composer = composer;
        this.outbox = outbox;
        this.threadIds = threadIds;
        this.clock = clock;
    }

    /** Queues the acknowledgement of a new ticket; false when the rate limit held it back. */
    public boolean acknowledge(Ticket ticket, String address) {
        if (outbox.sentTo(address, OutboundKind.ACKNOWLEDGEMENT, clock.instant().minus(WINDOW)) >= LIMIT) {
            log.info("No acknowledgement for ticket #{}: {} got {} in the last {} minutes", ticket.number(),
                    address, LIMIT, WINDOW.toMinutes());
            return false;
        }
        OutgoingMail mail = composer.acknowledgement(ticket, address);
        outbox.queue(mail);
        threadIds.record(mail.messageId(), ticket.id(), null, true);
        return true;
    }
}
