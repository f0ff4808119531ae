package io.tessera.identity.internal;

import static io.tessera.identity.internal.Timestamps.fromDb;
import static io.tessera.identity.internal.Timestamps.toDb;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.tessera.identity.Team;
import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;

/** SQL for {@code team} and {@code team_member}. */
@Repository
public class TeamRepository {

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TeamId insert(String name, String description, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into team (name, description, created_at) values (?, ?, ?)")
                .params(name, description, toDb(now)).update(keys, "id");
        return TeamId.of(keys.getKey().longValue());
    }

    public void update(TeamId id, String name, String description) {
        jdbc.sql("update team set name = ?, description = ? where id = ?").params(name, description, id.value()).update();
    }

    public void delete(TeamId id) {
        jdbc.sql("delete from team where id = ?").param(id.value()).update();
    }

    public boolean nameTaken(String name, TeamId except) {
        return jdbc.sql("select count(*) from team where lower(name) = lower(?) and id <> ?")
                .params(name, except == null ? -1L : except.value()).query(Long.class).single() > 0;
    }

    public long count(Collection<TeamId> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from team where id in (:ids)")
                .param("ids", ids.stream().map(TeamId::value).toList()).query(Long.class).single();
    }

    public void replaceMembers(TeamId id, Collection<AgentId> members) {
        jdbc.sql("delete from team_member where team_id = ?").param(id.value()).update();
        for (AgentId agent : members) {
            jdbc.sql("insert into team_member (team_id, agent_id) values (?, ?)").params(id.value(), agent.value()).update();
        }
    }

    public List<Team> findAll() {
        return withMembers(jdbc.sql("select id, name, description, created_at from team order by lower(name), id")
                .query((rs, n) -> new Team(TeamId.of(rs.getLong("id")), rs.getString("name"),
                        rs.getString("description"), fromDb(rs, "created_at"), List.of()))
                .list());
    }

    public Optional<Team> findById(TeamId id) {
        return withMembers(jdbc.sql("select id, name, description, created_at from team where id = ?").param(id.value())
                .query((rs, n) -> new Team(TeamId.of(rs.getLong("id")), rs.getString("name"),
                        rs.getString("description"), fromDb(rs, "created_at"), List.of()))
                .list()).stream().findFirst();
    }

    private List<Team> withMembers(List<Team> teams) {
        if (teams.isEmpty()) {
            return teams;
        }
        Map<Long, List<AgentId>> members = jdbc.sql("select team_id, agent_id from team_member where team_id in (:ids)")
                .param("ids", teams.stream().map(t -> t.id().value()).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), AgentId.of(rs.getLong(2))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return teams.stream()
                .map(t -> new Team(t.id(), t.name(), t.description(), t.createdAt(),
                        members.getOrDefault(t.id().value(), List.of())))
                .toList();
    }
}
