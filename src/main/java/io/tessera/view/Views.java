package io.tessera.view;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.identity.Agent;
import io.tessera.identity.Role;
import io.tessera.identity.TeamManagement;
import io.tessera.view.internal.ViewRepository;

/**
 * The views an agent has and who may change them: every agent has the built-in views, the shared views
 * (all, or those shared with a team they belong to; supervisors and admins see every shared view) and
 * their own personal views. Agents manage their personal views; supervisors and admins manage shared
 * ones; nobody changes a built-in view.
 */
@Service
@Transactional
public class Views {

    /** The view the workspace opens on: everything the agent may see that still needs work. */
    public static final String DEFAULT = "all-open";

    private final ViewRepository repository;
    private final TeamManagement teams;
    private final Clock clock;

    Views(ViewRepository repository, TeamManagement teams, Clock clock) {
        this.repository = repository;
        this.teams = teams;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<View> of(Agent agent) {
        return repository.candidatesFor(agent.id()).stream().filter(v -> sees(agent, v)).toList();
    }

    /** The view if the agent may see it; otherwise {@link ViewNotFound}. */
    @Transactional(readOnly = true)
    public View get(long id, Agent agent) {
        return repository.find(id).filter(v -> sees(agent, v)).orElseThrow(() -> new ViewNotFound(id));
    }

    @Transactional(readOnly = true)
    public View builtIn(String key) {
        return repository.findBuiltIn(key).orElseThrow(() -> new IllegalStateException("Built-in view " + key + " is missing"));
    }

    public View create(ViewDraft draft, Agent by) {
        checkMayManage(draft.shared(), by);
        String name = checkName(draft.name());
        checkTeam(draft);
        long id = repository.insert(name, draft.shared() ? null : by.id(), draft.shared() ? draft.team() : null,
                draft.definition(), clock.instant());
        return repository.find(id).orElseThrow();
    }

    public View update(long id, ViewDraft draft, Agent by) {
        View current = get(id, by);
        checkMayEdit(current, by);
        checkMayManage(draft.shared(), by);
        String name = checkName(draft.name());
        checkTeam(draft);
        repository.update(id, name, draft.shared() ? null : (current.isPersonal() ? current.owner() : by.id()),
                draft.shared() ? draft.team() : null, draft.definition(), clock.instant());
        return repository.find(id).orElseThrow();
    }

    public void delete(long id, Agent by) {
        checkMayEdit(get(id, by), by);
        repository.delete(id);
    }

    public boolean mayEdit(View view, Agent agent) {
        if (view.isBuiltIn()) {
            return false;
        }
        return view.isPersonal() ? view.owner().equals(agent.id()) : supervises(agent);
    }

    public boolean mayManageShared(Agent agent) {
        return supervises(agent);
    }

    private boolean sees(Agent agent, View view) {
        if (view.isBuiltIn()) {
            return true;
        }
        if (view.isPersonal()) {
            return view.owner().equals(agent.id());
        }
        return view.team() == null || supervises(agent) || agent.teams().stream().anyMatch(t -> t.id().equals(view.team()));
    }

    private void checkMayEdit(View view, Agent agent) {
        if (!mayEdit(view, agent)) {
            throw new ViewForbidden(view.isBuiltIn() ? "Built-in views cannot be changed; copy it into a view of your own."
                    : "Only supervisors and admins change shared views.");
        }
    }

    private void checkMayManage(boolean shared, Agent agent) {
        if (shared && !supervises(agent)) {
            throw new ViewForbidden("Only supervisors and admins create shared views.");
        }
    }

    private void checkTeam(ViewDraft draft) {
        if (draft.shared() && draft.team() != null && teams.find(draft.team()).isEmpty()) {
            throw new InvalidView("team", "Unknown team.");
        }
    }

    private static String checkName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 120) {
            throw new InvalidView("name", "Give the view a name of at most 120 characters.");
        }
        return trimmed;
    }

    private static boolean supervises(Agent agent) {
        return agent.role() == Role.SUPERVISOR || agent.role() == Role.ADMIN;
    }
}
