package io.tessera.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.tessera.routing.AssignmentPicker.Candidate;
import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;

/**
 * The routing tables, plus the few reads of identity's and ticket's tables that routing needs in one
 * query (members with their load). Upserts are an {@code insert … on conflict do nothing} followed by an
 * update: portable, and unlike {@code merge} safe when two requests create the same row at once
 * (PostgreSQL's MERGE can fail with a duplicate key then).
 */
@Repository
class RoutingRepository {

    /** The fixed categories of ticket.status that still need work (TicketStatus.unsolved). */
    static final String UNSOLVED = "t.status not in ('SOLVED', 'CLOSED')";

    record TeamRouting(Strategy strategy, AgentId lastAgent) {
    }

    record AssignedTicket(TicketId id, TeamId team) {
    }

    private final JdbcClient jdbc;

    RoutingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The team's routing row, locked until the transaction ends; empty when the team is routed manually. */
    Optional<TeamRouting> lock(TeamId team) {
        return jdbc.sql("select strategy, last_agent_id from team_assignment where team_id = ? for update")
                .param(team.value()).query((rs, n) -> teamRouting(rs)).optional();
    }

    Optional<TeamRouting> find(TeamId team) {
        return jdbc.sql("select strategy, last_agent_id from team_assignment where team_id = ?")
                .param(team.value()).query((rs, n) -> teamRouting(rs)).optional();
    }

    void saveStrategy(TeamId team, Strategy strategy, Instant now) {
        jdbc.sql("insert into team_assignment (team_id, strategy, updated_at) values (?, ?, ?) on conflict do nothing")
                .params(team.value(), strategy.name(), utc(now)).update();
        jdbc.sql("update team_assignment set strategy = ?, updated_at = ? where team_id = ?")
                .params(strategy.name(), utc(now), team.value()).update();
    }

    /** Round robin's position; updated_at stays the time of the admin's last change. */
    void moveOn(TeamId team, AgentId agent) {
        jdbc.sql("update team_assignment set last_agent_id = ? where team_id = ?").params(agent.value(), team.value())
                .update();
    }

    /**
     * The team's active members with their availability and load (unsolved tickets assigned to them in any
     * team: capacity is about the person). Each load is an index range count on ticket_assignee_status_idx.
     */
    List<Candidate> members(TeamId team, boolean withSkills) {
        record Row(AgentId id, Availability availability, int load) {
        }
        List<Row> rows = jdbc.sql("select a.id, av.status, av.capacity, av.shift_start, av.shift_end, av.shift_zone, "
                        + "(select count(*) from ticket t where t.assignee_id = a.id and " + UNSOLVED + ") as load "
                        + "from team_member m join agent a on a.id = m.agent_id "
                        + "left join agent_availability av on av.agent_id = a.id "
                        + "where m.team_id = ? and a.active = true order by a.id")
                .param(team.value())
                .query((rs, n) -> new Row(AgentId.of(rs.getLong("id")), availability(rs), rs.getInt("load"))).list();
        Map<AgentId, Set<String>> skills = withSkills ? skillsOf(team) : Map.of();
        List<Candidate> candidates = new ArrayList<>();
        for (Row row : rows) {
            candidates.add(new Candidate(row.id(), row.availability(), row.load(), skills.getOrDefault(row.id(), Set.of())));
        }
        return candidates;
    }

    Optional<Availability> availability(AgentId agent) {
        return jdbc.sql("select status, capacity, shift_start, shift_end, shift_zone from agent_availability av "
                        + "where agent_id = ?")
                .param(agent.value()).query((rs, n) -> availability(rs)).optional();
    }

    void saveAvailability(AgentId agent, Availability availability, Instant now) {
        Shift shift = availability.shift();
        jdbc.sql("insert into agent_availability (agent_id, status, updated_at) values (?, ?, ?) on conflict do nothing")
                .params(agent.value(), availability.status().name(), utc(now)).update();
        jdbc.sql("update agent_availability set status = ?, capacity = ?, shift_start = ?, shift_end = ?, shift_zone = ?, "
                        + "updated_at = ? where agent_id = ?")
                .params(availability.status().name(), availability.capacity(), shift == null ? null : shift.start(),
                        shift == null ? null : shift.end(), shift == null ? null : shift.zone().getId(), utc(now),
                        agent.value())
                .update();
    }

    int load(AgentId agent) {
        return jdbc.sql("select count(*) from ticket t where t.assignee_id = ? and " + UNSOLVED).param(agent.value())
                .query(Integer.class).single();
    }

    Set<String> skills(AgentId agent) {
        return new TreeSet<>(jdbc.sql("select skill from agent_skill where agent_id = ? order by skill")
                .param(agent.value()).query(String.class).list());
    }

    void replaceSkills(AgentId agent, Set<String> skills) {
        List<String> current = jdbc.sql("select skill from agent_skill where agent_id = ?").param(agent.value())
                .query(String.class).list();
        for (String old : current) {
            if (!skills.contains(old)) {
                jdbc.sql("delete from agent_skill where agent_id = ? and skill = ?").params(agent.value(), old).update();
            }
        }
        for (String skill : skills) {
            jdbc.sql("insert into agent_skill (agent_id, skill) values (?, ?) on conflict do nothing")
                    .params(agent.value(), skill).update();
        }
    }

    /** The agent's unsolved tickets after {@code afterId}, in id order: one batch of a reassignment. */
    List<AssignedTicket> unsolvedAssigned(AgentId agent, long afterId, int limit) {
        return jdbc.sql("select t.id, t.team_id from ticket t where t.assignee_id = ? and " + UNSOLVED
                        + " and t.id > ? order by t.id fetch first " + limit + " rows only")
                .params(agent.value(), afterId)
                .query((rs, n) -> {
                    long team = rs.getLong("team_id");
                    return new AssignedTicket(TicketId.of(rs.getLong("id")), rs.wasNull() ? null : TeamId.of(team));
                }).list();
    }

    private Map<AgentId, Set<String>> skillsOf(TeamId team) {
        Map<AgentId, Set<String>> skills = new HashMap<>();
        jdbc.sql("select s.agent_id, s.skill from agent_skill s join team_member m on m.agent_id = s.agent_id "
                        + "where m.team_id = ?")
                .param(team.value())
                .query(rs -> {
                    skills.computeIfAbsent(AgentId.of(rs.getLong(1)), k -> new TreeSet<>()).add(rs.getString(2));
                });
        return skills;
    }

    private static TeamRouting teamRouting(ResultSet rs) throws SQLException {
        long last = rs.getLong("last_agent_id");
        return new TeamRouting(Strategy.valueOf(rs.getString("strategy")), rs.wasNull() ? null : AgentId.of(last));
    }

    /** A row of agent_availability, or the default when the left join found none. */
    private static Availability availability(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        if (status == null) {
            return Availability.DEFAULT;
        }
        Integer capacity = rs.getObject("capacity", Integer.class);
        LocalTime start = rs.getObject("shift_start", LocalTime.class);
        String zone = rs.getString("shift_zone");
        Shift shift = start == null || zone == null ? null
                : new Shift(start, rs.getObject("shift_end", LocalTime.class), ZoneId.of(zone));
        return new Availability(Availability.Status.valueOf(status), capacity, shift);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
