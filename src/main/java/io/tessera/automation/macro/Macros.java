package io.tessera.automation.macro;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.automation.ActionRow;
import io.tessera.automation.ActionType;
import io.tessera.automation.InvalidRule;
import io.tessera.automation.RuleAction;
import io.tessera.automation.canned.CannedResponses;
import io.tessera.automation.canned.Placeholders;
import io.tessera.conversation.Conversations;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.Initiator;
import io.tessera.ticket.ConcurrentTicketChange;
import io.tessera.ticket.CustomField;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketFields;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketNotFound;
import io.tessera.ticket.TicketTypes;
import io.tessera.view.ViewCounts;

/**
 * The macros an agent has, who may change them, and applying them. Every agent sees the shared ones and
 * their own; supervisors and admins manage shared ones, each agent their personal ones. A macro is applied
 * <em>as the agent</em> who clicked it ({@link Actor#agent}), never as a rule: its changes, reply and note
 * are the agent's own work, in one transaction, exactly as if they had filled in the ticket form. A ticket
 * the agent may not see is {@link TicketNotFound}, as everywhere.
 */
@Service
@Transactional
public class Macros {

    /** A page of a view is at most 100 tickets; a bulk request never holds more. */
    public static final int MAX_TICKETS = 100;
    static final int MAX_ACTIONS = 20;
    static final int MAX_STORED = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(Macros.class);

    private final MacroRepository repository;
    private final MacroSentences sentences;
    private final TicketAccess access;
    private final TicketManagement tickets;
    private final Conversations conversations;
    private final CannedResponses canned;
    private final AgentManagement agents;
    private final TeamManagement teams;
    private final TicketTypes types;
    private final TicketFields fields;
    private final ViewCounts counts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate perTicket;
    private final Clock clock;

    Macros(MacroRepository repository, MacroSentences sentences, TicketAccess access, TicketManagement tickets,
           Conversations conversations, CannedResponses canned, AgentManagement agents, TeamManagement teams,
           TicketTypes types, TicketFields fields, ViewCounts counts, ApplicationEventPublisher events,
           PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.sentences = sentences;
        this.access = access;
        this.tickets = tickets;
        this.conversations = conversations;
        this.canned = canned;
        this.agents = agents;
        this.teams = teams;
        this.types = types;
        this.fields = fields;
        this.counts = counts;
        this.events = events;
        this.perTicket = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Macro> visibleTo(Agent agent) {
        return repository.visibleTo(agent.id());
    }

    /** The macro if the agent may use it: {@link MacroNotFound} when there is none, {@link MacroForbidden} when it is someone else's. */
    @Transactional(readOnly = true)
    public Macro get(long id, Agent agent) {
        Macro macro = repository.find(id).orElseThrow(() -> new MacroNotFound(id));
        if (!macro.isShared() && !macro.isOwnedBy(agent.id())) {
            throw new MacroForbidden("This is another agent's personal macro.");
        }
        return macro;
    }

    public Macro create(MacroDraft draft, Agent by) {
        if (draft.shared() && !mayManageShared(by)) {
            throw new MacroForbidden("Only supervisors and admins create shared macros.");
        }
        AgentId owner = draft.shared() ? null : by.id();
        Checked c = check(draft, owner, null);
        int position = draft.position() == null ? repository.nextPosition() : c.position();
        long id = save(() -> repository.insert(c.name(), c.description(), owner, c.actions(), position, clock.instant()),
                c.name());
        events.publishEvent(new MacrosChanged("macro.created", id, describe(c.name(), owner), initiator(by)));
        return repository.find(id).orElseThrow();
    }

    /** Replaces name, description, actions and sharing; a shared macro made personal becomes its editor's own. */
    public Macro update(long id, MacroDraft draft, Agent by) {
        Macro current = get(id, by);
        checkMayEdit(current, by);
        if (draft.shared() && !mayManageShared(by)) {
            throw new MacroForbidden("Only supervisors and admins make macros shared.");
        }
        AgentId owner = draft.shared() ? null : (current.isShared() ? by.id() : current.owner());
        Checked c = check(draft, owner, id);
        int position = draft.position() == null ? current.position() : c.position();
        save(() -> {
            repository.update(id, c.name(), c.description(), owner, c.actions(), position, clock.instant());
            return id;
        }, c.name());
        events.publishEvent(new MacrosChanged("macro.updated", id, describe(c.name(), owner), initiator(by)));
        return repository.find(id).orElseThrow();
    }

    public void delete(long id, Agent by) {
        Macro macro = get(id, by);
        checkMayEdit(macro, by);
        repository.delete(id);
        events.publishEvent(new MacrosChanged("macro.deleted", id, describe(macro.name(), macro.owner()), initiator(by)));
    }

    public boolean mayEdit(Macro macro, Agent agent) {
        return macro.isShared() ? mayManageShared(agent) : macro.isOwnedBy(agent.id());
    }

    public boolean mayManageShared(Agent agent) {
        return agent.role() == Role.SUPERVISOR || agent.role() == Role.ADMIN;
    }

    /** The macro's actions in words, for lists: "Set status: Pending", "Add public reply". */
    @Transactional(readOnly = true)
    public List<String> summary(Macro macro) {
        return sentences.summary(macro);
    }

    /** What applying the macro to the ticket would do, with the reply and note filled in; changes nothing. */
    @Transactional(readOnly = true)
    public MacroPreview preview(long macroId, long ticketNumber, Agent agent) {
        Macro macro = get(macroId, agent);
        Ticket ticket = access.visibleTicket(agent.id(), ticketNumber);
        return new MacroPreview(ticket.number(), macro.name(), sentences.wouldDo(macro, ticket),
                macro.reply().map(text -> canned.fill(text, ticket, agent).body()).orElse(null),
                macro.note().map(text -> canned.fill(text, ticket, agent).body()).orElse(null),
                sentences.warnings(macro, ticket));
    }

    /**
     * Applies the macro to one ticket, as the agent, in one transaction: everything or nothing. With
     * {@code expectedVersion}, nothing is saved if the ticket changed since the agent read it
     * ({@link ConcurrentTicketChange}); a change the ticket refuses is {@link InvalidTicketChange}.
     *
     * @return the ticket as the macro left it
     */
    public Ticket apply(long macroId, long ticketNumber, Agent agent, Integer expectedVersion) {
        Macro macro = get(macroId, agent);
        return applyTo(macro, access.visibleTicket(agent.id(), ticketNumber), agent, expectedVersion);
    }

    /**
     * Applies the macro to each ticket in its own transaction, so one refusal (a closed ticket, one the agent
     * may not see, a clash) never undoes or stops the others; the outcomes come back in the order asked,
     * each ticket once. At most {@link #MAX_TICKETS} tickets per call.
     */
    @Transactional(propagation = Propagation.NEVER)
    public List<MacroOutcome> applyToMany(long macroId, List<Long> numbers, Agent agent) {
        if (numbers == null || numbers.isEmpty() || numbers.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidMacro("tickets", "Select at least one ticket.");
        }
        if (numbers.size() > MAX_TICKETS) {
            throw new InvalidMacro("tickets", "Apply a macro to at most " + MAX_TICKETS + " tickets at a time.");
        }
        Macro macro = perTicket.execute(status -> get(macroId, agent));
        List<MacroOutcome> outcomes = new ArrayList<>();
        for (long number : new LinkedHashSet<>(numbers)) {
            outcomes.add(applyOne(macro, number, agent));
        }
        counts.forget(agent.id());
        return outcomes;
    }

    private MacroOutcome applyOne(Macro macro, long number, Agent agent) {
        try {
            perTicket.executeWithoutResult(status ->
                    applyTo(macro, access.visibleTicket(agent.id(), number), agent, null));
            return MacroOutcome.applied(number);
        } catch (TicketNotFound e) {
            return MacroOutcome.refused(number, "not found.");
        } catch (InvalidTicketChange e) {
            return MacroOutcome.refused(number, e.getMessage());
        } catch (ConcurrentTicketChange e) {
            return MacroOutcome.refused(number, "changed by someone else meanwhile; try again.");
        } catch (RuntimeException e) {
            // Whatever went wrong was rolled back with this ticket's transaction; the others still get their turn.
            LOG.warn("Macro {} could not be applied to #{}", macro.id(), number, e);
            return MacroOutcome.refused(number, "could not be saved; try again.");
        }
    }

    /**
     * The macro's work on one ticket, like an agent's submit of the ticket form: the property changes travel
     * with the reply (or, without a reply, with the note) through {@link Conversations#agentWrote}, so the
     * message and the changes are one save with the ticket's reply rules (first response, a new ticket
     * opened); without a message they are one {@link TicketManagement#update}. A note next to a reply is
     * added after it. Placeholders are filled from the ticket as it was before the macro.
     */
    private Ticket applyTo(Macro macro, Ticket ticket, Agent agent, Integer expectedVersion) {
        Actor actor = Actor.agent(agent.id());
        List<TicketChange> changes = macro.changes();
        String reply = macro.reply().map(text -> canned.fill(text, ticket, agent).body()).orElse(null);
        String note = macro.note().map(text -> canned.fill(text, ticket, agent).body()).orElse(null);
        if (reply != null) {
            Ticket after = conversations.agentWrote(ticket.id(), expectedVersion, actor, reply, false, changes);
            return note == null ? after : conversations.agentWrote(ticket.id(), null, actor, note, true, List.of());
        }
        if (note != null) {
            return conversations.agentWrote(ticket.id(), expectedVersion, actor, note, true, changes);
        }
        return tickets.update(ticket.id(), expectedVersion, changes, actor);
    }

    private record Checked(String name, String description, List<RuleAction> actions, int position) {
    }

    private Checked check(MacroDraft draft, AgentId owner, Long id) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidMacro("name", "Give the macro a name of at most 200 characters.");
        }
        if (repository.nameTaken(name, owner, id)) {
            throw taken(name, owner);
        }
        String description = draft.description() == null || draft.description().isBlank() ? null : draft.description().strip();
        if (description != null && description.length() > 1000) {
            throw new InvalidMacro("description", "Use at most 1,000 characters.");
        }
        List<ActionRow> rows = draft.actions();
        if (rows.isEmpty()) {
            throw new InvalidMacro("actions", "Give the macro at least one action.");
        }
        if (rows.size() > MAX_ACTIONS) {
            throw new InvalidMacro("actions", "Use at most " + MAX_ACTIONS + " actions.");
        }
        List<RuleAction> actions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RuleAction action;
            try {
                action = ActionType.parse(rows.get(i), i);
            } catch (InvalidRule e) {
                throw new InvalidMacro(e.field(), e.getMessage());
            }
            checkAction(action, actions, "actions[" + i + "]");
            actions.add(action);
        }
        if (repository.actions(actions).length() > MAX_STORED) {
            throw new InvalidMacro("actions", "The actions are too long together: at most 20,000 characters.");
        }
        if (draft.position() != null && draft.position() < 0) {
            throw new InvalidMacro("position", "Give a position of 0 or more.");
        }
        return new Checked(name, description, List.copyOf(actions), draft.position() == null ? 0 : draft.position());
    }

    /** What the rules' parser cannot know: macros' own limits, and ids and keys that exist now. */
    private void checkAction(RuleAction action, List<RuleAction> before, String field) {
        if (!(action instanceof RuleAction.Change || action instanceof RuleAction.AddReply
                || action instanceof RuleAction.AddNote || action instanceof RuleAction.SendEmail)) {
            throw new InvalidMacro(field, "A macro changes the ticket, replies and adds notes; "
                    + action.type().key() + " is for triggers and automations.");
        }
        if (action instanceof RuleAction.SendEmail) {
            throw new InvalidMacro(field, "A macro writes to the requester with add_reply (a public reply); "
                    + "send_email is for triggers and automations.");
        } else if (action instanceof RuleAction.AddReply reply) {
            once(before, RuleAction.AddReply.class, field, "A macro sends at most one public reply.");
            placeholders(reply.text(), field);
        } else if (action instanceof RuleAction.AddNote note) {
            once(before, RuleAction.AddNote.class, field, "A macro adds at most one internal note.");
            placeholders(note.text(), field);
        } else if (action instanceof RuleAction.SetTeam t && t.team() != null) {
            if (teams.find(t.team()).isEmpty()) {
                throw new InvalidMacro(field, "There is no team " + t.team().value() + ".");
            }
        } else if (action instanceof RuleAction.Assign a && a.agent() != null) {
            Agent agent = agents.find(a.agent())
                    .orElseThrow(() -> new InvalidMacro(field, "There is no agent " + a.agent().value() + "."));
            if (!agent.active()) {
                throw new InvalidMacro(field, agent.name() + " is deactivated and cannot be assigned tickets.");
            }
        } else if (action instanceof RuleAction.SetType t && t.typeKey() != null) {
            String key = t.typeKey().toLowerCase(Locale.ROOT);
            boolean known = types.all().stream().anyMatch(type -> type.active()
                    && (type.key().equals(key) || type.name().toLowerCase(Locale.ROOT).equals(key)));
            if (!known) {
                throw new InvalidMacro(field, "Unknown ticket type '" + t.typeKey() + "'.");
            }
        } else if (action instanceof RuleAction.SetField f) {
            CustomField definition = fields.definitions().stream().filter(d -> d.key().equals(f.key())).findFirst()
                    .orElseThrow(() -> new InvalidMacro(field, "There is no custom field '" + f.key() + "'."));
            try {
                definition.parse(f.value());
            } catch (InvalidTicketChange e) {
                throw new InvalidMacro(field, e.getMessage());
            }
        }
    }

    private static void once(List<RuleAction> before, Class<? extends RuleAction> kind, String field, String message) {
        if (before.stream().anyMatch(kind::isInstance)) {
            throw new InvalidMacro(field, message);
        }
    }

    private static void placeholders(String text, String field) {
        List<String> unknown = Placeholders.unknown(text);
        if (!unknown.isEmpty()) {
            throw new InvalidMacro(field, "Unknown placeholder" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + ". See docs/macros.md for the ones there are.");
        }
    }

    private long save(Supplier<Long> write, String name) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            // Two saves of the same name at once: the unique index decides, the loser hears why.
            throw new InvalidMacro("name", "A macro called \u201c" + name + "\u201d already exists.");
        }
    }

    private static InvalidMacro taken(String name, AgentId owner) {
        return new InvalidMacro("name", owner == null
                ? "A shared macro is already called \u201c" + name + "\u201d."
                : "You already have a macro called \u201c" + name + "\u201d.");
    }

    private void checkMayEdit(Macro macro, Agent agent) {
        if (!mayEdit(macro, agent)) {
            throw new MacroForbidden(macro.isShared()
                    ? "Only supervisors and admins change shared macros."
                    : "This is another agent's personal macro.");
        }
    }

    private static String describe(String name, AgentId owner) {
        return name + (owner == null ? " (shared)" : " (personal)");
    }

    private static Initiator initiator(Agent agent) {
        return new Initiator(Actor.agent(agent.id()), agent.name());
    }
}
