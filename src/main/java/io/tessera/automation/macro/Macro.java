package io.tessera.automation.macro;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tessera.automation.ActionRow;
import io.tessera.automation.RuleAction;
import io.tessera.shared.AgentId;
import io.tessera.ticket.TicketChange;

/**
 * A macro as stored: its actions already parsed. {@code owner} null: shared with every agent; set: that
 * agent's own. {@code position} orders the menus (then the name).
 */
public record Macro(long id, String name, String description, AgentId owner, List<RuleAction> actions, int position,
                    Instant createdAt, Instant updatedAt) {

    public Macro {
        actions = List.copyOf(actions);
    }

    public boolean isShared() {
        return owner == null;
    }

    public boolean isOwnedBy(AgentId agent) {
        return owner != null && owner.equals(agent);
    }

    /** The actions as the API and the form show them. */
    public List<ActionRow> rows() {
        return actions.stream().map(RuleAction::row).toList();
    }

    /** The property changes, applied together in one save. */
    public List<TicketChange> changes() {
        return actions.stream().filter(RuleAction.Change.class::isInstance)
                .map(a -> ((RuleAction.Change) a).change()).toList();
    }

    /** The public reply's template, if the macro writes one (at most one, checked on save). */
    public Optional<String> reply() {
        return actions.stream().filter(RuleAction.AddReply.class::isInstance)
                .map(a -> ((RuleAction.AddReply) a).text()).findFirst();
    }

    /** The internal note's template, if the macro adds one (at most one, checked on save). */
    public Optional<String> note() {
        return actions.stream().filter(RuleAction.AddNote.class::isInstance)
                .map(a -> ((RuleAction.AddNote) a).text()).findFirst();
    }
}
