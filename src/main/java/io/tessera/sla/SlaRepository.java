package io.tessera.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketFields;
import io.tessera.view.ConditionRow;
import io.tessera.view.Conditions;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import static io.tessera.sla.ClockRepository.instant;
import static io.tessera.sla.ClockRepository.utc;

/** Calendars ({@code business_calendar}) and policies ({@code sla_policy} with {@code sla_target}). */
@Repository
class SlaRepository {

    record StoredConditions(List<ConditionRow> all, List<ConditionRow> any) {
    }

    private static final TypeReference<Map<String, List<String>>> HOURS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TicketFields fields;

    SlaRepository(JdbcClient jdbc, ObjectMapper json, TicketFields fields) {
        this.jdbc = jdbc;
        this.json = json;
        this.fields = fields;
    }

    // Calendars

    List<StoredCalendar> calendars() {
        return jdbc.sql("select id, name, zone, weekly_hours, holidays from business_calendar order by name")
                .query((rs, n) -> calendar(rs)).list();
    }

    Optional<StoredCalendar> calendar(long id) {
        return jdbc.sql("select id, name, zone, weekly_hours, holidays from business_calendar where id = ?").param(id)
                .query((rs, n) -> calendar(rs)).optional();
    }

    long insertCalendar(BusinessCalendar calendar, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into business_calendar (name, zone, weekly_hours, holidays, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(calendar.name(), calendar.zone().getId(), hours(calendar), holidays(calendar), utc(now), utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updateCalendar(long id, BusinessCalendar calendar, Instant now) {
        return jdbc.sql("update business_calendar set name = ?, zone = ?, weekly_hours = ?, holidays = ?, updated_at = ? "
                        + "where id = ?")
                .params(calendar.name(), calendar.zone().getId(), hours(calendar), holidays(calendar), utc(now), id)
                .update() == 1;
    }

    boolean deleteCalendar(long id) {
        return jdbc.sql("delete from business_calendar where id = ?").param(id).update() == 1;
    }

    boolean calendarInUse(long id) {
        return jdbc.sql("select count(*) from sla_policy where calendar_id = ?").param(id).query(Long.class).single() > 0;
    }

    boolean calendarNameTaken(String name, Long exceptId) {
        return jdbc.sql("select count(*) from business_calendar where lower(name) = lower(?) and id <> ?")
                .params(name, exceptId == null ? -1 : exceptId).query(Long.class).single() > 0;
    }

    private StoredCalendar calendar(ResultSet rs) throws SQLException {
        var builder = BusinessCalendar.builder(rs.getString("name"), ZoneId.of(rs.getString("zone")));
        json.readValue(rs.getString("weekly_hours"), HOURS)
                .forEach((day, intervals) -> builder.open(DayOfWeek.valueOf(day), intervals.toArray(String[]::new)));
        Arrays.stream(rs.getString("holidays").split(",")).filter(s -> !s.isBlank()).map(LocalDate::parse)
                .forEach(builder::holiday);
        return new StoredCalendar(rs.getLong("id"), builder.build());
    }

    private String hours(BusinessCalendar calendar) {
        Map<String, List<String>> hours = new LinkedHashMap<>();
        calendar.weeklyHours().forEach((day, intervals) ->
                hours.put(day.name(), intervals.stream().map(OpeningInterval::text).toList()));
        return json.writeValueAsString(hours);
    }

    private static String holidays(BusinessCalendar calendar) {
        return calendar.holidays().stream().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    // Policies

    List<SlaPolicy> policies() {
        Map<Long, List<SlaTarget>> targets = new HashMap<>();
        jdbc.sql("select policy_id, priority, metric, minutes, business_hours from sla_target")
                .query(rs -> {
                    targets.computeIfAbsent(rs.getLong("policy_id"), k -> new ArrayList<>()).add(target(rs));
                });
        return jdbc.sql("select id, name, description, enabled, position, conditions, calendar_id, warning_minutes, "
                        + "created_at, updated_at from sla_policy order by position, id")
                .query((rs, n) -> policy(rs, targets.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    long insertPolicy(String name, String description, boolean enabled, Conditions conditions, Long calendarId,
                      int warningMinutes, List<SlaTarget> targets, Instant now) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from sla_policy").query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into sla_policy (name, description, enabled, position, conditions, calendar_id, warning_minutes, "
                        + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(name, description, enabled, position, conditions(conditions), calendarId, warningMinutes, utc(now),
                        utc(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertTargets(id, targets);
        return id;
    }

    boolean updatePolicy(long id, String name, String description, boolean enabled, Conditions conditions,
                         Long calendarId, int warningMinutes, List<SlaTarget> targets, Instant now) {
        boolean found = jdbc.sql("update sla_policy set name = ?, description = ?, enabled = ?, conditions = ?, "
                        + "calendar_id = ?, warning_minutes = ?, updated_at = ? where id = ?")
                .params(name, description, enabled, conditions(conditions), calendarId, warningMinutes, utc(now), id)
                .update() == 1;
        if (found) {
            jdbc.sql("delete from sla_target where policy_id = ?").param(id).update();
            insertTargets(id, targets);
        }
        return found;
    }

    boolean deletePolicy(long id) {
        return jdbc.sql("delete from sla_policy where id = ?").param(id).update() == 1;
    }

    void position(long id, int position) {
        jdbc.sql("update sla_policy set position = ? where id = ?").params(position, id).update();
    }

    boolean policyNameTaken(String name, Long exceptId) {
        return jdbc.sql("select count(*) from sla_policy where lower(name) = lower(?) and id <> ?")
                .params(name, exceptId == null ? -1 : exceptId).query(Long.class).single() > 0;
    }

    Optional<Long> pinnedPolicy(io.tessera.shared.TicketId ticket) {
        return jdbc.sql("select policy_id from ticket_sla_policy where ticket_id = ?").param(ticket.value())
                .query(Long.class).optional();
    }

    void pin(io.tessera.shared.TicketId ticket, long policyId, Instant now) {
        if (jdbc.sql("update ticket_sla_policy set policy_id = ?, pinned_at = ? where ticket_id = ?")
                .params(policyId, utc(now), ticket.value()).update() == 0) {
            jdbc.sql("insert into ticket_sla_policy (ticket_id, policy_id, pinned_at) values (?, ?, ?)")
                    .params(ticket.value(), policyId, utc(now)).update();
        }
    }

    private void insertTargets(long policyId, List<SlaTarget> targets) {
        for (SlaTarget t : targets) {
            jdbc.sql("insert into sla_target (policy_id, priority, metric, minutes, business_hours) values (?, ?, ?, ?, ?)")
                    .params(policyId, t.priority().name(), t.metric().name(), t.minutes(), t.businessHours()).update();
        }
    }

    private SlaPolicy policy(ResultSet rs, List<SlaTarget> targets) throws SQLException {
        StoredConditions stored = json.readValue(rs.getString("conditions"), StoredConditions.class);
        long calendar = rs.getLong("calendar_id");
        Long calendarId = rs.wasNull() ? null : calendar;
        List<SlaTarget> sorted = new ArrayList<>(targets);
        sorted.sort(java.util.Comparator.comparing(SlaTarget::priority).reversed().thenComparing(SlaTarget::metric));
        return new SlaPolicy(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getBoolean("enabled"),
                rs.getInt("position"),
                Conditions.parse(nonNull(stored.all()), nonNull(stored.any()), fields::matchSaved), calendarId,
                rs.getInt("warning_minutes"), sorted, instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static SlaTarget target(ResultSet rs) throws SQLException {
        return new SlaTarget(Priority.valueOf(rs.getString("priority")), SlaMetric.valueOf(rs.getString("metric")),
                rs.getInt("minutes"), rs.getBoolean("business_hours"));
    }

    private String conditions(Conditions conditions) {
        return json.writeValueAsString(new StoredConditions(conditions.allRows(), conditions.anyRows()));
    }

    private static List<ConditionRow> nonNull(List<ConditionRow> rows) {
        return rows == null ? List.of() : rows;
    }
}
