package io.tessera.channel.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.tessera.shared.TicketId;

/**
 * Addresses whose mail bounced permanently (a 5.x.x status): the outbox sends them nothing more until an
 * agent clears the mark (the customer fixed their mailbox). Transient bounces (4.x.x) mark nothing: the
 * sending server is still trying.
 */
@Repository
public class Bounces {

    private final JdbcClient jdbc;
    private final Clock clock;

    Bounces(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A bounce mark: when, with which status and why. */
    public record Bounce(String address, String status, String reason, Long ticketId, Instant bouncedAt) {
    }

    public void mark(String address, String status, String reason, TicketId ticket) {
        String normalized = normalize(address);
        if (normalized.isEmpty()) {
            return;
        }
        String why = reason == null ? null : reason.substring(0, Math.min(1000, reason.length()));
        int updated = jdbc.sql("update mail_bounce set status = ?, reason = ?, ticket_id = ?, bounced_at = ? where address = ?")
                .params(status, why, ticket == null ? null : ticket.value(), clock.instant().atOffset(ZoneOffset.UTC), normalized)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into mail_bounce (address, status, reason, ticket_id, bounced_at) values (?, ?, ?, ?, ?)")
                    .params(normalized, status, why, ticket == null ? null : ticket.value(), clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    public void clear(String address) {
        jdbc.sql("delete from mail_bounce where address = ?").param(normalize(address)).update();
    }

    public Optional<Bounce> find(String address) {
        return jdbc.sql("select address, status, reason, ticket_id, bounced_at from mail_bounce where address = ?")
                .param(normalize(address))
                .query((rs, n) -> new Bounce(rs.getString("address"), rs.getString("status"), rs.getString("reason"),
                        (Long) rs.getObject("ticket_id", Long.class),
                        rs.getObject("bounced_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Which of these addresses are marked as bouncing (lower case). */
    public Set<String> bouncing(Collection<String> addresses) {
        List<String> normalized = addresses.stream().map(Bounces::normalize).filter(a -> !a.isEmpty()).distinct().toList();
        if (normalized.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("select address from mail_bounce where address in (:addresses)").param("addresses", normalized)
                .query(String.class).list().stream().collect(Collectors.toSet());
    }

    static String normalize(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }
}
