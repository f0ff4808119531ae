package io.tessera.identity.internal;

import static io.tessera.identity.internal.Timestamps.fromDb;
import static io.tessera.identity.internal.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.tessera.identity.Agent;
import io.tessera.identity.Role;
import io.tessera.identity.SignedInAgent;
import io.tessera.identity.TeamRef;
import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;

/** SQL for the {@code agent} table. Lists load team memberships in one extra query, never one per agent. */
@Repository
public class AgentRepository {

    private static final String COLUMNS =
            "id, email, name, role, active, last_login_at, created_at";

    private final JdbcClient jdbc;

    AgentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AgentId insert(String email, String name, Role role, String passwordHash, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into agent (email, name, password_hash, role, active, failed_logins, created_at, updated_at) "
                        + "values (?, ?, ?, ?, true, 0, ?, ?)")
                .params(email, name, passwordHash, role.name(), toDb(now), toDb(now))
                .update(keys, "id");
        return AgentId.of(keys.getKey().longValue());
    }

    public List<Agent> findAll() {
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from agent order by lower(name), id")
                .query(AgentRepository::row).list();
        return withTeams(rows);
    }

    public Optional<Agent> findById(AgentId id) {
        return jdbc.sql("select " + COLUMNS + " from agent where id = ?").param(id.value())
                .query(AgentRepository::row).optional()
                .map(row -> withTeams(List.of(row)).get(0));
    }

    public Optional<Agent> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from agent where email = ?").param(email)
                .query(AgentRepository::row).optional()
                .map(row -> withTeams(List.of(row)).get(0));
    }

    public Optional<SignedInAgent> findPrincipalByEmail(String email) {
        return jdbc.sql("select id, email, name, role, active, password_hash from agent where email = ?")
                .param(email)
                .query((rs, n) -> principal(rs)).optional();
    }

    public Optional<SignedInAgent> findPrincipalById(AgentId id) {
        return jdbc.sql("select id, email, name, role, active, password_hash from agent where id = ?")
                .param(id.value())
                .query((rs, n) -> principal(rs)).optional();
    }

    public Optional<String> passwordHash(AgentId id) {
        return jdbc.sql("select password_hash from agent where id = ?").param(id.value()).query(String.class).optional();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from agent where email = ?").param(email).query(Long.class).single() > 0;
    }

    public boolean any() {
        return jdbc.sql("select count(*) from (select id from agent fetch first 1 rows only) a")
                .query(Long.class).single() > 0;
    }

    public long countExisting(Collection<AgentId> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from agent where id in (:ids)")
                .param("ids", ids.stream().map(AgentId::value).toList()).query(Long.class).single();
    }

    public long countActiveAdmins() {
        return jdbc.sql("select count(*) from agent where role = 'ADMIN' and active = true").query(Long.class).single();
    }

    public void updateProfile(AgentId id, String name, Role role, Instant now) {
        jdbc.sql("update agent set name = ?, role = ?, updated_at = ? where id = ?")
                .params(name, role.name(), toDb(now), id.value()).update();
    }

    public void setActive(AgentId id, boolean active, Instant now) {
        jdbc.sql("update agent set active = ?, updated_at = ? where id = ?")
                .params(active, toDb(now), id.value()).update();
    }

    public void setPasswordHash(AgentId id, String hash, Instant now) {
        jdbc.sql("update agent set password_hash = ?, updated_at = ? where id = ?")
                .params(hash, toDb(now), id.value()).update();
    }

    public void recordSuccessfulLogin(String email, Instant now) {
        jdbc.sql("update agent set last_login_at = ? where email = ?")
                .params(toDb(now), email).update();
    }

    public void replaceTeams(AgentId id, Collection<TeamId> teams) {
        jdbc.sql("delete from team_member where agent_id = ?").param(id.value()).update();
        for (TeamId team : teams) {
            jdbc.sql("insert into team_member (team_id, agent_id) values (?, ?)").params(team.value(), id.value()).update();
        }
    }

    private List<Agent> withTeams(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<TeamRef>> teams = jdbc.sql("select m.agent_id, t.id, t.name from team_member m "
                        + "join team t on t.id = m.team_id where m.agent_id in (:ids) order by lower(t.name)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), new TeamRef(TeamId.of(rs.getLong(2)), rs.getString(3))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(r -> r.toAgent(teams.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("email"), rs.getString("name"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("active"), fromDb(rs, "last_login_at"), fromDb(rs, "created_at"));
    }

    private static SignedInAgent principal(ResultSet rs) throws SQLException {
        return new SignedInAgent(AgentId.of(rs.getLong("id")), rs.getString("email"), rs.getString("name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("active"), rs.getString("password_hash"));
    }

    private record Row(long id, String email, String name, Role role, boolean active,
                       Instant lastLoginAt, Instant createdAt) {
        Agent toAgent(List<TeamRef> teams) {
            return new Agent(AgentId.of(id), email, name, role, active, lastLoginAt, createdAt, teams);
        }
    }
}
