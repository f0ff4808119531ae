package io.tessera.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.identity.IdentityEvents.TeamChanged;
import io.tessera.identity.IdentityEvents.TeamCreated;
import io.tessera.identity.IdentityEvents.TeamDeleted;
import io.tessera.identity.internal.AgentRepository;
import io.tessera.identity.internal.TeamRepository;
import io.tessera.shared.AgentId;
import io.tessera.shared.Initiator;
import io.tessera.shared.TeamId;

/** Managing teams: name, description and members. Names are unique, ignoring case. */
@Service
@Transactional
public class TeamManagement {

    private final TeamRepository teams;
    private final AgentRepository agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TeamManagement(TeamRepository teams, AgentRepository agents, ApplicationEventPublisher events, Clock clock) {
        this.teams = teams;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Team> list() {
        return teams.findAll();
    }

    @Transactional(readOnly = true)
    public Optional<Team> find(TeamId id) {
        return teams.findById(id);
    }

    @Transactional(readOnly = true)
    public Team get(TeamId id) {
        return teams.findById(id).orElseThrow(() -> new NotFound("No team " + id));
    }

    public Team create(String name, String description, Set<AgentId> members, Initiator by) {
        String cleanName = requireName(name, null);
        Set<AgentId> memberIds = members == null ? Set.of() : members;
        requireAgentsExist(memberIds);
        TeamId id = teams.insert(cleanName, blankToNull(description), clock.instant());
        teams.replaceMembers(id, memberIds);
        events.publishEvent(new TeamCreated(id, cleanName, by));
        return get(id);
    }

    public Team update(TeamId id, String name, String description, Set<AgentId> members, Initiator by) {
        Team before = get(id);
        String cleanName = requireName(name, id);
        Set<AgentId> memberIds = members == null ? Set.of() : members;
        requireAgentsExist(memberIds);
        teams.update(id, cleanName, blankToNull(description));
        teams.replaceMembers(id, memberIds);
        List<String> described = new ArrayList<>();
        if (!cleanName.equals(before.name())) {
            described.add("renamed from " + before.name());
        }
        if (!java.util.Objects.equals(blankToNull(description), before.description())) {
            described.add("description changed");
        }
        Set<AgentId> added = new HashSet<>(memberIds);
        added.removeAll(before.memberIds());
        Set<AgentId> removed = new HashSet<>(before.memberIds());
        removed.removeAll(memberIds);
        if (!added.isEmpty()) {
            described.add(added.size() + " member(s) added");
        }
        if (!removed.isEmpty()) {
            described.add(removed.size() + " member(s) removed");
        }
        if (!described.isEmpty()) {
            events.publishEvent(new TeamChanged(id, cleanName, String.join(", ", described), by));
        }
        return get(id);
    }

    public void delete(TeamId id, Initiator by) {
        Team team = get(id);
        teams.delete(id);
        events.publishEvent(new TeamDeleted(id, team.name(), by));
    }

    private String requireName(String name, TeamId self) {
        if (name == null || name.isBlank()) {
            throw new InvalidChange("name", "Enter a name.");
        }
        String clean = name.trim();
        if (clean.length() > 120) {
            throw new InvalidChange("name", "Use at most 120 characters.");
        }
        if (teams.nameTaken(clean, self)) {
            throw new InvalidChange("name", "A team with this name already exists.");
        }
        return clean;
    }

    private void requireAgentsExist(Set<AgentId> ids) {
        if (agents.countExisting(ids) != ids.size()) {
            throw new InvalidChange("members", "One of the chosen agents does not exist.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
