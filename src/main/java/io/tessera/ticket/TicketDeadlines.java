package io.tessera.ticket;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.TicketId;

/**
 * The ticket's next SLA deadline, kept on the ticket row so views can sort by it and show time-to-breach
 * badges with the same index walk as every other list. The SLA module owns the clocks and writes here
 * whenever they change; the ticket module only stores the instant. Writing it changes neither the version
 * nor {@code updated_at}: a clock moving is not an edit anyone could collide with.
 */
@Component
public class TicketDeadlines {

    /** Stored for "no running clock" (the sort key cannot be null, see V19__sla.sql); read back as {@code null}. */
    public static final Instant NONE = Instant.parse("9999-12-31T00:00:00Z");

    private final JdbcClient jdbc;

    TicketDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the next deadline of a running clock, or none ({@code null}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void nextSlaDue(TicketId ticket, Instant due) {
        jdbc.sql("update ticket set sla_due_at = ? where id = ?")
                .params((due == null ? NONE : due).atOffset(ZoneOffset.UTC), ticket.value()).update();
    }

    /** The next running deadline as stored, or {@code null}: for rules that look at SLA state in memory. */
    @Transactional(readOnly = true)
    public Instant nextSlaDue(TicketId ticket) {
        return jdbc.sql("select sla_due_at from ticket where id = ?").param(ticket.value())
                .query((rs, n) -> orNull(rs.getObject(1, java.time.OffsetDateTime.class).toInstant()))
                .optional().orElse(null);
    }

    static Instant orNull(Instant stored) {
        return stored == null || !stored.isBefore(NONE) ? null : stored;
    }
}
