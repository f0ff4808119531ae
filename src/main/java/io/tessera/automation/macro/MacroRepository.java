package io.tessera.automation.macro;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.tessera.automation.ActionRow;
import io.tessera.automation.ActionType;
import io.tessera.automation.RuleAction;
import io.tessera.shared.AgentId;
import tools.jackson.databind.ObjectMapper;

/**
 * Macros in {@code macro} (V21): actions as JSON text in the API's row shape, {@code scope_key} =
 * {@code coalesce(owner_id, 0)} so names are unique per owner scope.
 */
@Repository
class MacroRepository {

    private static final String SELECT = "select id, name, description, owner_id, actions, position, created_at, updated_at "
            + "from macro ";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    MacroRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The shared ones and this agent's own, in menu order. */
    List<Macro> visibleTo(AgentId agent) {
        return jdbc.sql(SELECT + "where owner_id is null or owner_id = ? order by position, lower(name), id")
                .param(agent.value()).query(this::row).list();
    }

    Optional<Macro> find(long id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query(this::row).optional();
    }

    /** Whether another macro of the same scope has this name, ignoring case. */
    boolean nameTaken(String name, AgentId owner, Long except) {
        return jdbc.sql("select count(*) from macro where lower(name) = lower(?) and scope_key = ? and id <> ?")
                .params(name, key(owner), except == null ? -1L : except).query(Long.class).single() > 0;
    }

    int nextPosition() {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from macro").query(Integer.class).single();
    }

    long insert(String name, String description, AgentId owner, List<RuleAction> actions, int position, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into macro (name, description, owner_id, scope_key, actions, position, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(name, description, owner == null ? null : owner.value(), key(owner), actions(actions), position,
                        utc(now), utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String name, String description, AgentId owner, List<RuleAction> actions, int position,
                Instant now) {
        jdbc.sql("update macro set name = ?, description = ?, owner_id = ?, scope_key = ?, actions = ?, position = ?, "
                        + "updated_at = ? where id = ?")
                .params(name, description, owner == null ? null : owner.value(), key(owner), actions(actions), position,
                        utc(now), id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("delete from macro where id = ?").param(id).update();
    }

    /** The actions as stored: the same {@code [{"type":…,"values":[…]}]} the API takes and gives. */
    String actions(List<RuleAction> actions) {
        return json.writeValueAsString(actions.stream().map(RuleAction::row).toList());
    }

    private List<RuleAction> actions(String stored) {
        return ActionType.parseAll(Arrays.asList(json.readValue(stored, ActionRow[].class)));
    }

    private static long key(AgentId owner) {
        return owner == null ? 0L : owner.value();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private Macro row(ResultSet rs, int n) throws SQLException {
        long owner = rs.getLong("owner_id");
        boolean shared = rs.wasNull();
        return new Macro(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                shared ? null : AgentId.of(owner), actions(rs.getString("actions")), rs.getInt("position"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
