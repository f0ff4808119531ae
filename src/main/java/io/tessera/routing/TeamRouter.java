package io.tessera.routing;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.routing.AssignmentPicker.Candidate;
import io.tessera.routing.AssignmentPicker.Pick;
import io.tessera.routing.RoutingRepository.TeamRouting;
import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;

/**
 * One routing decision in the caller's transaction: lock the team's routing row, read the members as they
 * are now, let {@link AssignmentPicker} choose, and move round robin on. The lock serialises decisions per
 * team only; teams route in parallel.
 */
@Component
class TeamRouter {

    private static final Logger LOG = LoggerFactory.getLogger(TeamRouter.class);

    private final RoutingRepository repository;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    TeamRouter(RoutingRepository repository, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * @param required skills the ticket needs, normalised
     * @param previous the previous assignee for a follow-up, or {@code null}
     * @param excluded an agent who must not get the ticket (the one it is taken from), or {@code null}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<AgentId> route(TeamId team, Set<String> required, AgentId previous, AgentId excluded) {
        Optional<TeamRouting> routing;
        try {
            // In a savepoint, so that a lock wait beyond the database's timeout (H2: 2 s; PostgreSQL waits
            // unless lock_timeout is set) leaves this one ticket unassigned instead of failing its save.
            routing = savepoint.execute(status -> repository.lock(team));
        } catch (DataAccessException e) {
            if (!lockUnavailable(e)) {
                throw e;
            }
            LOG.warn("Team {} is busy routing another ticket; leaving this one unassigned: {}", team,
                    e.getMostSpecificCause().getMessage());
            return Optional.empty();
        }
        // No row: the team was never given a strategy, so it is routed manually and there is nothing to lock.
        if (routing.isEmpty() || routing.get().strategy() == Strategy.MANUAL) {
            return Optional.empty();
        }
        Strategy strategy = routing.get().strategy();
        List<Candidate> members = repository.members(team, strategy == Strategy.SKILLS).stream()
                .filter(c -> !c.id().equals(excluded)).toList();
        Optional<Pick> pick = AssignmentPicker.pick(strategy, members, routing.get().lastAgent(), required, previous,
                clock.instant());
        pick.filter(p -> !p.followUp()).ifPresent(p -> repository.moveOn(team, p.agent()));
        return pick.map(Pick::agent);
    }

    /**
     * A lock wait that ran out or a deadlock: H2's timeout arrives translated, PostgreSQL's
     * {@code lock_timeout} (55P03) only as an uncategorised error, so the SQL state decides.
     */
    private static boolean lockUnavailable(DataAccessException e) {
        if (e instanceof TransientDataAccessException) {
            return true;
        }
        String state = e.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.equals("55P03") || state.startsWith("40"));
    }
}
