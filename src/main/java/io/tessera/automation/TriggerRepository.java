package io.tessera.automation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.tessera.view.Conditions;

import static io.tessera.automation.RuleJson.instant;
import static io.tessera.automation.RuleJson.utc;

/** Triggers in the {@code rule} table; conditions and actions as JSON in the API's shape. */
@Repository
class TriggerRepository {

    private static final String COLUMNS = "id, name, description, enabled, position, events, conditions, actions, "
            + "last_error, last_error_at, created_at, updated_at";

    private final JdbcClient jdbc;
    private final RuleJson json;

    TriggerRepository(JdbcClient jdbc, RuleJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Trigger> all() {
        return jdbc.sql("select " + COLUMNS + " from rule where kind = 'TRIGGER' order by position, id")
                .query((rs, n) -> trigger(rs)).list();
    }

    Optional<Trigger> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from rule where kind = 'TRIGGER' and id = ?").param(id)
                .query((rs, n) -> trigger(rs)).optional();
    }

    long insert(String name, String description, boolean enabled, Set<TriggerEvent> events, Conditions conditions,
                List<RuleAction> actions, Instant now) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from rule where kind = 'TRIGGER'")
                .query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into rule (kind, name, description, enabled, position, events, conditions, actions, created_at, "
                        + "updated_at) values ('TRIGGER', ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(name, description, enabled, position, events(events), json.conditions(conditions),
                        json.actions(actions), utc(now), utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean update(long id, String name, String description, boolean enabled, Set<TriggerEvent> events,
                   Conditions conditions, List<RuleAction> actions, Instant now) {
        return jdbc.sql("update rule set name = ?, description = ?, enabled = ?, events = ?, conditions = ?, actions = ?, "
                        + "updated_at = ? where id = ? and kind = 'TRIGGER'")
                .params(name, description, enabled, events(events), json.conditions(conditions), json.actions(actions),
                        utc(now), id)
                .update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("delete from rule where id = ? and kind = 'TRIGGER'").param(id).update() == 1;
    }

    void position(long id, int position) {
        jdbc.sql("update rule set position = ? where id = ? and kind = 'TRIGGER'").params(position, id).update();
    }

    void failed(long id, String error, Instant at) {
        String text = error == null ? "" : error;
        jdbc.sql("update rule set last_error = ?, last_error_at = ? where id = ?")
                .params(text.length() > 1000 ? text.substring(0, 1000) : text, utc(at), id).update();
    }

    java.util.Map<Long, String> names() {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        jdbc.sql("select id, name from rule").query(rs -> {
            names.put(rs.getLong(1), rs.getString(2));
        });
        return names;
    }

    private Trigger trigger(ResultSet rs) throws SQLException {
        return new Trigger(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getBoolean("enabled"),
                rs.getInt("position"),
                Arrays.stream(rs.getString("events").split(",")).filter(s -> !s.isBlank()).map(TriggerEvent::fromKey)
                        .collect(Collectors.toSet()),
                json.conditions(rs.getString("conditions")), json.actions(rs.getString("actions")),
                rs.getString("last_error"), instant(rs, "last_error_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static String events(Set<TriggerEvent> events) {
        return events.stream().map(TriggerEvent::key).sorted().collect(Collectors.joining(","));
    }
}
