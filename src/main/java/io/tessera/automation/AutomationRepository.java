package io.tessera.automation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.tessera.shared.TicketId;
import io.tessera.ticket.TicketFilter;
import io.tessera.view.Conditions;

import static io.tessera.automation.RuleJson.instant;
import static io.tessera.automation.RuleJson.utc;

/** Automations in the {@code rule} table (kind AUTOMATION), their run leases and {@code automation_run} markers. */
@Repository
class AutomationRepository {

    private static final String COLUMNS = "id, name, description, enabled, position, conditions, actions, last_error, "
            + "last_error_at, last_run_at, last_run_tickets, created_at, updated_at";

    private final JdbcClient jdbc;
    private final RuleJson json;

    AutomationRepository(JdbcClient jdbc, RuleJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Automation> all() {
        return jdbc.sql("select " + COLUMNS + " from rule where kind = 'AUTOMATION' order by position, id")
                .query((rs, n) -> automation(rs)).list();
    }

    Optional<Automation> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from rule where kind = 'AUTOMATION' and id = ?").param(id)
                .query((rs, n) -> automation(rs)).optional();
    }

    long insert(String name, String description, boolean enabled, Conditions conditions, List<RuleAction> actions,
                Instant now) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from rule where kind = 'AUTOMATION'")
                .query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into rule (kind, name, description, enabled, position, events, conditions, actions, created_at, "
                        + "updated_at) values ('AUTOMATION', ?, ?, ?, ?, '', ?, ?, ?, ?)")
                .params(name, description, enabled, position, json.conditions(conditions), json.actions(actions), utc(now),
                        utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean update(long id, String name, String description, boolean enabled, Conditions conditions,
                   List<RuleAction> actions, Instant now) {
        return jdbc.sql("update rule set name = ?, description = ?, enabled = ?, conditions = ?, actions = ?, updated_at = ? "
                        + "where id = ? and kind = 'AUTOMATION'")
                .params(name, description, enabled, json.conditions(conditions), json.actions(actions), utc(now), id)
                .update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("delete from rule where id = ? and kind = 'AUTOMATION'").param(id).update() == 1;
    }

    void position(long id, int position) {
        jdbc.sql("update rule set position = ? where id = ? and kind = 'AUTOMATION'").params(position, id).update();
    }

    /**
     * Takes the automation's run for {@code lease}: true for the one node that got it. A run that died leaves
     * its lease to expire, after which another node takes over.
     */
    boolean lease(long id, Instant now, Duration lease) {
        return jdbc.sql("update rule set run_lease_until = ? where id = ? and kind = 'AUTOMATION' "
                        + "and (run_lease_until is null or run_lease_until < ?)")
                .params(utc(now.plus(lease)), id, utc(now)).update() == 1;
    }

    void finished(long id, Instant at, int tickets) {
        jdbc.sql("update rule set run_lease_until = null, last_run_at = ?, last_run_tickets = ? where id = ?")
                .params(utc(at), tickets, id).update();
    }

    /**
     * The next tickets, after {@code afterId} in id order, that meet the conditions and that this automation
     * has not yet acted on as they are now: a keyset walk, so a run over a million tickets costs a bounded
     * query per batch.
     */
    List<TicketId> due(long ruleId, TicketFilter conditions, long afterId, int limit) {
        StringBuilder sql = new StringBuilder("select t.id from ticket t where t.id > :after ");
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterId);
        params.put("rule", ruleId);
        conditions.appendTo(sql, params);
        sql.append("and not exists (select 1 from automation_run r where r.rule_id = :rule and r.ticket_id = t.id "
                + "and r.ticket_updated_at >= t.updated_at) order by t.id fetch first ").append(limit).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> TicketId.of(rs.getLong(1))).list();
    }

    /** Remembers that the automation acted on the ticket as it was at {@code ticketUpdatedAt}. */
    void ran(long ruleId, TicketId ticket, Instant ticketUpdatedAt, Instant now) {
        int updated = jdbc.sql("update automation_run set ticket_updated_at = ?, ran_at = ? where rule_id = ? and ticket_id = ?")
                .params(utc(ticketUpdatedAt), utc(now), ruleId, ticket.value()).update();
        if (updated == 0) {
            jdbc.sql("insert into automation_run (rule_id, ticket_id, ticket_updated_at, ran_at) values (?, ?, ?, ?)")
                    .params(ruleId, ticket.value(), utc(ticketUpdatedAt), utc(now)).update();
        }
    }

    private Automation automation(ResultSet rs) throws SQLException {
        int tickets = rs.getInt("last_run_tickets");
        Integer lastRunTickets = rs.wasNull() ? null : tickets;
        return new Automation(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getBoolean("enabled"),
                rs.getInt("position"), json.conditions(rs.getString("conditions")), json.actions(rs.getString("actions")),
                rs.getString("last_error"), instant(rs, "last_error_at"), instant(rs, "last_run_at"), lastRunTickets,
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
