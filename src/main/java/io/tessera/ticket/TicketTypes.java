package io.tessera.ticket;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Ticket types: question, incident, problem and task are built in; admins add their own. */
@Component
@Transactional
public class TicketTypes {

    /** A type as forms and the API show it. */
    public record TicketType(String key, String name, boolean builtIn, boolean active) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    TicketTypes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TicketType> all() {
        return jdbc.sql("select type_key, name, built_in, active from ticket_type order by built_in desc, name")
                .query((rs, n) -> new TicketType(rs.getString("type_key"), rs.getString("name"),
                        rs.getBoolean("built_in"), rs.getBoolean("active")))
                .list();
    }

    public TicketType add(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 80) {
            throw new InvalidTicketChange("name", "Give the type a name of at most 80 characters.");
        }
        String key = trimmed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (key.isEmpty() || exists(key)) {
            throw new InvalidTicketChange("name", "A type with this name already exists.");
        }
        jdbc.sql("insert into ticket_type (type_key, name, built_in, active, created_at) values (?, ?, false, true, ?)")
                .params(key, trimmed, TicketRepository.utc(clock.instant())).update();
        return new TicketType(key, trimmed, false, true);
    }

    /** The stored key for a type given by key or name; {@code null} stays {@code null} (no type). */
    String resolve(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String key = typed.strip().toLowerCase(Locale.ROOT);
        return jdbc.sql("select type_key from ticket_type where active = true and (type_key = ? or lower(name) = ?)")
                .params(key, key).query(String.class).optional()
                .orElseThrow(() -> new InvalidTicketChange("type", "Unknown ticket type '" + typed.strip() + "'."));
    }

    private boolean exists(String key) {
        return jdbc.sql("select count(*) from ticket_type where type_key = ?").param(key).query(Long.class).single() > 0;
    }
}
