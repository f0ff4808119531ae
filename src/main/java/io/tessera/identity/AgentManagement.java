package io.tessera.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.identity.IdentityEvents.AgentCreated;
import io.tessera.identity.IdentityEvents.AgentDeactivated;
import io.tessera.identity.IdentityEvents.AgentPasswordReset;
import io.tessera.identity.IdentityEvents.AgentProfileChanged;
import io.tessera.identity.IdentityEvents.AgentReactivated;
import io.tessera.identity.IdentityEvents.AgentRoleChanged;
import io.tessera.identity.IdentityEvents.AgentSignedOutEverywhere;
import io.tessera.identity.IdentityEvents.SignInFailuresCleared;
import io.tessera.identity.internal.AgentRepository;
import io.tessera.identity.internal.TeamRepository;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.Initiator;
import io.tessera.shared.TeamId;

/**
 * Managing agents: create, change, deactivate, reset passwords. Guards the rules that keep an install
 * usable: emails are unique, nobody deactivates or demotes themselves, there is always an active admin.
 */
@Service
@Transactional
public class AgentManagement {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private final AgentRepository agents;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final SignInAttempts signInAttempts;
    private final ApiTokens tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgentManagement(AgentRepository agents, TeamRepository teams, PasswordEncoder passwordEncoder,
                    SignInAttempts signInAttempts, ApiTokens tokens, ApplicationEventPublisher events, Clock clock) {
        this.agents = agents;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.signInAttempts = signInAttempts;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Agent> list() {
        return agents.findAll();
    }

    @Transactional(readOnly = true)
    public Optional<Agent> find(AgentId id) {
        return agents.findById(id);
    }

    @Transactional(readOnly = true)
    public Agent get(AgentId id) {
        return agents.findById(id).orElseThrow(() -> new NotFound("No agent " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Agent> findByEmail(String email) {
        return agents.findByEmail(normalizeEmail(email));
    }

    @Transactional(readOnly = true)
    public boolean anyAgentExists() {
        return agents.any();
    }

    public CreatedAgent create(NewAgent request, Initiator by) {
        String email = normalizeEmail(request.email());
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidChange("email", "Enter a valid email address.");
        }
        if (agents.emailTaken(email)) {
            throw new InvalidChange("email", "An agent with this email already exists.");
        }
        String name = requireName(request.name());
        Role role = request.role() == null ? Role.AGENT : request.role();
        Set<TeamId> teamIds = request.teams() == null ? Set.of() : request.teams();
        requireTeamsExist(teamIds);
        String generated = null;
        String password = request.password();
        if (password == null || password.isEmpty()) {
            generated = PasswordPolicy.generate();
            password = generated;
        } else {
            PasswordPolicy.check("password", password);
        }
        AgentId id = agents.insert(email, name, role, passwordEncoder.encode(password), clock.instant());
        agents.replaceTeams(id, teamIds);
        events.publishEvent(new AgentCreated(id, email, role, by));
        return new CreatedAgent(get(id), generated);
    }

    public Agent update(AgentId id, AgentChanges changes, Initiator by) {
        Agent before = get(id);
        String name = requireName(changes.name());
        Role role = changes.role() == null ? before.role() : changes.role();
        Set<TeamId> teamIds = changes.teams() == null ? Set.of() : changes.teams();
        requireTeamsExist(teamIds);
        if (role != before.role()) {
            if (isSelf(by, id)) {
                throw new InvalidChange("role", "You cannot change your own role.");
            }
            if (before.isAdmin() && before.active() && agents.countActiveAdmins() <= 1) {
                throw new InvalidChange("role", "Tessera needs at least one active administrator.");
            }
        }
        agents.updateProfile(id, name, role, clock.instant());
        agents.replaceTeams(id, teamIds);
        List<String> described = new ArrayList<>();
        if (!name.equals(before.name())) {
            described.add("name " + before.name() + " → " + name);
        }
        Set<TeamId> teamsBefore = Set.copyOf(before.teams().stream().map(TeamRef::id).toList());
        if (!teamsBefore.equals(teamIds)) {
            described.add("teams changed");
        }
        if (!described.isEmpty()) {
            events.publishEvent(new AgentProfileChanged(id, before.email(), String.join(", ", described), by));
        }
        if (role != before.role()) {
            events.publishEvent(new AgentRoleChanged(id, before.email(), before.role(), role, by));
        }
        return get(id);
    }

    public void deactivate(AgentId id, Initiator by) {
        Agent agent = get(id);
        if (!agent.active()) {
            return;
        }
        if (isSelf(by, id)) {
            throw new InvalidChange("active", "You cannot deactivate yourself.");
        }
        if (agent.isAdmin() && agents.countActiveAdmins() <= 1) {
            throw new InvalidChange("active", "Tessera needs at least one active administrator.");
        }
        agents.setActive(id, false, clock.instant());
        events.publishEvent(new AgentDeactivated(id, agent.email(), by));
    }

    public void reactivate(AgentId id, Initiator by) {
        Agent agent = get(id);
        if (agent.active()) {
            return;
        }
        agents.setActive(id, true, clock.instant());
        events.publishEvent(new AgentReactivated(id, agent.email(), by));
    }

    /**
     * Sets a new password chosen by the admin, or generates one when {@code newPassword} is blank. The
     * agent's sessions and remember-me logins end (see {@link AgentPasswordReset}); with
     * {@code revokeTokens} their API tokens are revoked too, for when the account may be in wrong hands.
     *
     * @return the generated password, or {@code null} when the admin chose it
     */
    public String resetPassword(AgentId id, String newPassword, boolean revokeTokens, Initiator by) {
        Agent agent = get(id);
        String generated = null;
        if (newPassword == null || newPassword.isEmpty()) {
            generated = PasswordPolicy.generate();
            newPassword = generated;
        } else {
            PasswordPolicy.check("password", newPassword);
        }
        agents.setPasswordHash(id, passwordEncoder.encode(newPassword), clock.instant());
        events.publishEvent(new AgentPasswordReset(id, agent.email(), by));
        if (revokeTokens) {
            tokens.revokeAll(id, by);
        }
        return generated;
    }

    /** An admin's reset with the default: the agent's API tokens are revoked too. */
    public String resetPassword(AgentId id, String newPassword, Initiator by) {
        return resetPassword(id, newPassword, true, by);
    }

    /**
     * Ends the agent's browser sessions and remember-me logins on every device (after commit, see
     * {@link AgentSignedOutEverywhere}) and, with {@code revokeTokens}, revokes their API tokens.
     *
     * @return how many tokens were revoked
     */
    public int signOutEverywhere(AgentId id, boolean revokeTokens, Initiator by) {
        Agent agent = get(id);
        int revoked = revokeTokens ? tokens.revokeAll(id, by) : 0;
        events.publishEvent(new AgentSignedOutEverywhere(id, agent.email(), revokeTokens, by));
        return revoked;
    }

    /** Failed sign-ins for the agent in the last day (they slow down further attempts). */
    @Transactional(readOnly = true)
    public int recentSignInFailures(AgentId id) {
        return signInAttempts.recentFailures(get(id).email());
    }

    /** Forgets the agent's failed sign-ins, so no attempt for them waits: the admin's answer to a throttled agent. */
    public void clearSignInFailures(AgentId id, Initiator by) {
        Agent agent = get(id);
        int cleared = signInAttempts.clear(agent.email());
        events.publishEvent(new SignInFailuresCleared(id, agent.email(), cleared, by));
    }

    /** An agent changes their own password, proving they know the current one. */
    public void changeOwnPassword(AgentId id, String currentPassword, String newPassword) {
        String hash = agents.passwordHash(id).orElseThrow(() -> new NotFound("No agent " + id));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            throw new InvalidChange("currentPassword", "The current password is not correct.");
        }
        PasswordPolicy.check("newPassword", newPassword);
        Agent agent = get(id);
        agents.setPasswordHash(id, passwordEncoder.encode(newPassword), clock.instant());
        events.publishEvent(new AgentPasswordReset(id, agent.email(), new Initiator(Actor.agent(id), agent.name())));
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidChange("name", "Enter a name.");
        }
        if (name.length() > 200) {
            throw new InvalidChange("name", "Use at most 200 characters.");
        }
        return name.trim();
    }

    private void requireTeamsExist(Set<TeamId> teamIds) {
        if (teams.count(teamIds) != teamIds.size()) {
            throw new InvalidChange("teams", "One of the chosen teams does not exist.");
        }
    }

    private static boolean isSelf(Initiator by, AgentId id) {
        return by.actor() instanceof Actor.AgentActor agent && agent.agentId() == id.value();
    }
}
