package io.tessera.view.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;
import io.tessera.view.View;
import io.tessera.view.ViewDefinition;

/** Stores views in {@code ticket_view}; the definition as JSON text ({@link DefinitionJson}). */
@Repository
public class ViewRepository {

    private static final String SELECT = "select id, name, owner_id, team_id, position, built_in, definition, updated_at from ticket_view ";

    private final JdbcClient jdbc;
    private final DefinitionJson json;

    ViewRepository(JdbcClient jdbc, DefinitionJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Built-in, shared and this agent's personal views, in sidebar order; the caller filters shared team views. */
    public List<View> candidatesFor(AgentId agent) {
        return jdbc.sql(SELECT + "where owner_id is null or owner_id = ? "
                        + "order by case when built_in is not null then 0 when owner_id is null then 1 else 2 end, position, name, id")
                .param(agent.value()).query(ViewRepository::row).list().stream().map(this::view).toList();
    }

    public Optional<View> find(long id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query(ViewRepository::row).optional().map(this::view);
    }

    public Optional<View> findBuiltIn(String key) {
        return jdbc.sql(SELECT + "where built_in = ?").param(key).query(ViewRepository::row).optional().map(this::view);
    }

    public long insert(String name, AgentId owner, TeamId team, ViewDefinition definition, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into ticket_view (name, owner_id, team_id, position, definition, created_at, updated_at) "
                        + "values (?, ?, ?, 100, ?, ?, ?)")
                .params(name, owner == null ? null : owner.value(), team == null ? null : team.value(),
                        json.write(definition), utc(now), utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, String name, AgentId owner, TeamId team, ViewDefinition definition, Instant now) {
        jdbc.sql("update ticket_view set name = ?, owner_id = ?, team_id = ?, definition = ?, updated_at = ? where id = ?")
                .params(name, owner == null ? null : owner.value(), team == null ? null : team.value(),
                        json.write(definition), utc(now), id)
                .update();
    }

    public void delete(long id) {
        jdbc.sql("delete from ticket_view where id = ? and built_in is null").param(id).update();
    }

    /** A row as read; the definition is parsed after the result set is closed (custom-field conditions query). */
    private record Row(long id, String name, AgentId owner, TeamId team, int position, String builtIn, String definition,
                       Instant updatedAt) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long owner = rs.getLong("owner_id");
        boolean noOwner = rs.wasNull();
        long team = rs.getLong("team_id");
        boolean noTeam = rs.wasNull();
        return new Row(rs.getLong("id"), rs.getString("name"), noOwner ? null : AgentId.of(owner),
                noTeam ? null : TeamId.of(team), rs.getInt("position"), rs.getString("built_in"),
                rs.getString("definition"), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private View view(Row row) {
        return new View(row.id(), row.name(), row.owner(), row.team(), row.position(), row.builtIn(),
                json.read(row.definition()), row.updatedAt());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
