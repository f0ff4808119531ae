package io.tessera.ticket;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin-defined statuses, each in one fixed category ("Waiting on engineering" → on-hold). Rules work on
 * the category; people read the name.
 */
@Component
@Transactional
public class CustomStatuses {

    public record CustomStatus(long id, String name, TicketStatus category, String description, boolean active) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CustomStatuses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static final String SELECT = "select id, name, category, description, active from custom_status ";

    @Transactional(readOnly = true)
    public List<CustomStatus> all() {
        return jdbc.sql(SELECT + "order by position, name").query(CustomStatuses::status).list();
    }

    @Transactional(readOnly = true)
    public Optional<CustomStatus> find(long id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query(CustomStatuses::status).optional();
    }

    private static CustomStatus status(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CustomStatus(rs.getLong("id"), rs.getString("name"), TicketStatus.valueOf(rs.getString("category")),
                rs.getString("description"), rs.getBoolean("active"));
    }

    public CustomStatus add(String name, TicketStatus category, String description) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 80) {
            throw new InvalidTicketChange("name", "Give the status a name of at most 80 characters.");
        }
        if (category == null) {
            throw new InvalidTicketChange("category", "Choose the category the status belongs to.");
        }
        if (all().stream().anyMatch(s -> s.name().equalsIgnoreCase(trimmed))) {
            throw new InvalidTicketChange("name", "A status with this name already exists.");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into custom_status (name, category, description, active, position, created_at) values (?, ?, ?, true, 0, ?)")
                .params(trimmed, category.name(), description, TicketRepository.utc(clock.instant()))
                .update(keys, "id");
        return new CustomStatus(keys.getKey().longValue(), trimmed, category, description, true);
    }

    /** The name people read for a ticket in this category with this custom status (or none). */
    public String nameOf(TicketStatus category, Long customStatusId) {
        if (customStatusId == null) {
            return category.label();
        }
        return find(customStatusId).map(CustomStatus::name).orElse(category.label());
    }

    /** Checks that a custom status exists, is active and belongs to the category. */
    void check(TicketStatus category, Long customStatusId) {
        if (customStatusId == null) {
            return;
        }
        CustomStatus status = find(customStatusId)
                .orElseThrow(() -> new InvalidTicketChange("status", "Unknown status."));
        if (!status.active() || status.category() != category) {
            throw new InvalidTicketChange("status", "Status '" + status.name() + "' is not a " + category.label().toLowerCase() + " status.");
        }
    }
}
