package io.tessera.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.tessera.shared.TicketId;

/** The {@code ticket_sla_clock} rows: one per ticket and metric. */
@Repository
class ClockRepository {

    private static final String COLUMNS = "ticket_id, metric, policy_id, target_minutes, business_hours, started_at, "
            + "running_since, used_micros, due_at, warn_at, warned_at, breached_at, achieved_at";

    private final JdbcClient jdbc;

    ClockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<SlaMetric, SlaClock> of(TicketId ticket) {
        Map<SlaMetric, SlaClock> clocks = new EnumMap<>(SlaMetric.class);
        jdbc.sql("select " + COLUMNS + " from ticket_sla_clock where ticket_id = ?").param(ticket.value())
                .query(ClockRepository::clock).list().forEach(c -> clocks.put(c.metric(), c));
        return clocks;
    }

    /** The clocks of a page of tickets in one query. */
    Map<TicketId, List<SlaClock>> of(Collection<TicketId> tickets) {
        Map<TicketId, List<SlaClock>> clocks = new HashMap<>();
        if (tickets.isEmpty()) {
            return clocks;
        }
        jdbc.sql("select " + COLUMNS + " from ticket_sla_clock where ticket_id in (:ids) order by ticket_id, metric")
                .param("ids", tickets.stream().map(TicketId::value).toList())
                .query(ClockRepository::clock).list()
                .forEach(c -> clocks.computeIfAbsent(c.ticket(), k -> new java.util.ArrayList<>()).add(c));
        return clocks;
    }

    /**
     * Claims up to {@code limit} clocks whose warning or deadline is due, locking them; rows another node
     * holds are skipped, so two scanners never fire the same clock.
     */
    List<SlaClock> claimDue(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from ticket_sla_clock where next_check_at <= ? "
                        + "order by next_check_at fetch first " + limit + " rows only for update skip locked")
                .param(utc(now)).query(ClockRepository::clock).list();
    }

    void save(SlaClock c) {
        Object[] values = {c.policyId(), c.targetMinutes(), c.businessHours(), utc(c.startedAt()), utc(c.runningSince()),
                c.usedMicros(), utc(c.dueAt()), utc(c.warnAt()), utc(c.warnedAt()), utc(c.breachedAt()),
                utc(c.achievedAt()), utc(c.nextCheckAt()), c.ticket().value(), c.metric().name()};
        int updated = jdbc.sql("update ticket_sla_clock set policy_id = ?, target_minutes = ?, business_hours = ?, "
                        + "started_at = ?, running_since = ?, used_micros = ?, due_at = ?, warn_at = ?, warned_at = ?, "
                        + "breached_at = ?, achieved_at = ?, next_check_at = ? where ticket_id = ? and metric = ?")
                .params(values).update();
        if (updated == 0) {
            jdbc.sql("insert into ticket_sla_clock (policy_id, target_minutes, business_hours, started_at, running_since, "
                            + "used_micros, due_at, warn_at, warned_at, breached_at, achieved_at, next_check_at, ticket_id, "
                            + "metric) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(values).update();
        }
    }

    void delete(TicketId ticket, SlaMetric metric) {
        jdbc.sql("delete from ticket_sla_clock where ticket_id = ? and metric = ?").params(ticket.value(), metric.name())
                .update();
    }

    private static SlaClock clock(ResultSet rs, int n) throws SQLException {
        long policy = rs.getLong("policy_id");
        Long policyId = rs.wasNull() ? null : policy;
        return new SlaClock(TicketId.of(rs.getLong("ticket_id")), SlaMetric.valueOf(rs.getString("metric")), policyId,
                rs.getInt("target_minutes"), rs.getBoolean("business_hours"), instant(rs, "started_at"),
                instant(rs, "running_since"), rs.getLong("used_micros"), instant(rs, "due_at"), instant(rs, "warn_at"),
                instant(rs, "warned_at"), instant(rs, "breached_at"), instant(rs, "achieved_at"));
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
