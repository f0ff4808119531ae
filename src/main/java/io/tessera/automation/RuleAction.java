package io.tessera.automation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketStatus;

/**
 * One thing a rule does, typed: parsed once from its stored row ({@link ActionType#parse}) and then only
 * executed. Property changes are {@link TicketChange}s and go through the ticket's own rules like an agent's;
 * the others ({@link AddNote}) are effects the runner carries out. {@link #row()} turns an action back into
 * what is stored and shown in the builder.
 */
public sealed interface RuleAction {

    ActionType type();

    List<String> values();

    default ActionRow row() {
        return new ActionRow(type().key(), values());
    }

    /** An action that is a change to the ticket's properties. */
    sealed interface Change extends RuleAction {
        TicketChange change();
    }

    record SetStatus(TicketStatus status) implements Change {
        public ActionType type() { return ActionType.SET_STATUS; }
        public List<String> values() { return List.of(status.key()); }
        public TicketChange change() { return new TicketChange.SetStatus(status); }
    }

    record SetPriority(Priority priority) implements Change {
        public ActionType type() { return ActionType.SET_PRIORITY; }
        public List<String> values() { return List.of(priority.name().toLowerCase()); }
        public TicketChange change() { return new TicketChange.SetPriority(priority); }
    }

    /** A ticket type key, or {@code null} for none. */
    record SetType(String typeKey) implements Change {
        public ActionType type() { return ActionType.SET_TYPE; }
        public List<String> values() { return List.of(typeKey == null ? "none" : typeKey); }
        public TicketChange change() { return new TicketChange.SetType(typeKey); }
    }

    /** A team, or {@code null} for none. */
    record SetTeam(TeamId team) implements Change {
        public ActionType type() { return ActionType.SET_TEAM; }
        public List<String> values() { return List.of(team == null ? "none" : String.valueOf(team.value())); }
        public TicketChange change() { return new TicketChange.SetTeam(team); }
    }

    /** An agent, or {@code null} to unassign. */
    record Assign(AgentId agent) implements Change {
        public ActionType type() { return ActionType.ASSIGN; }
        public List<String> values() { return List.of(agent == null ? "none" : String.valueOf(agent.value())); }
        public TicketChange change() { return new TicketChange.Assign(agent); }
    }

    record AddTags(Set<String> tags) implements Change {
        public AddTags { tags = Set.copyOf(tags); }
        public ActionType type() { return ActionType.ADD_TAGS; }
        public List<String> values() { return List.copyOf(new TreeSet<>(tags)); }
        public TicketChange change() { return new TicketChange.AddTags(tags); }
    }

    record RemoveTags(Set<String> tags) implements Change {
        public RemoveTags { tags = Set.copyOf(tags); }
        public ActionType type() { return ActionType.REMOVE_TAGS; }
        public List<String> values() { return List.copyOf(new TreeSet<>(tags)); }
        public TicketChange change() { return new TicketChange.RemoveTags(tags); }
    }

    /** A custom field by key; an empty value clears it. The ticket module checks the value against the field. */
    record SetField(String key, String value) implements Change {
        public ActionType type() { return ActionType.SET_FIELD; }
        public List<String> values() { return List.of(key, value == null ? "" : value); }
        public TicketChange change() { return new TicketChange.SetField(key, value == null || value.isEmpty() ? null : value); }
    }

    /** An internal note in Markdown, written with the rule as its author. */
    record AddNote(String text) implements RuleAction {
        public ActionType type() { return ActionType.ADD_NOTE; }
        public List<String> values() { return List.of(text); }
    }

    /**
     * An email from a template: to the requester, the assignee, the team's members or an address. Subject and
     * body may use the mail templates' placeholders ({@code {{ticket.number}}}, {@code {{requester.first_name}}},
     * …); the email channel writes and queues it in the rule's transaction, threaded into the ticket.
     */
    record SendEmail(String to, String subject, String body) implements RuleAction {
        public ActionType type() { return ActionType.SEND_EMAIL; }
        public List<String> values() { return List.of(to, subject, body); }
    }

    /**
     * Assign by the ticket team's strategy (docs/routing.md): round robin, least loaded or skills, respecting
     * availability and capacity; {@code skills} are what the ticket needs (for the skills strategy). A ticket
     * already assigned keeps its agent if they can still take it (follow-ups go back to them).
     */
    record AssignByStrategy(Set<String> skills) implements RuleAction {
        public AssignByStrategy { skills = Set.copyOf(skills); }
        public ActionType type() { return ActionType.ASSIGN_BY_STRATEGY; }
        public List<String> values() { return List.copyOf(new TreeSet<>(skills)); }
    }

    /** Put the ticket under this SLA policy, whatever the policies' conditions say (docs/sla.md). */
    record ApplySlaPolicy(long policyId) implements RuleAction {
        public ActionType type() { return ActionType.APPLY_SLA_POLICY; }
        public List<String> values() { return List.of(String.valueOf(policyId)); }
    }

    /**
     * POST the ticket as JSON to {@code url} — queued in the rule's transaction, sent after it commits, retried
     * with backoff; never inside the transaction. With a {@code secret}, the body is signed
     * ({@code X-Tessera-Signature: sha256=<hex HMAC>}).
     */
    record CallWebhook(String url, String secret) implements RuleAction {
        public ActionType type() { return ActionType.CALL_WEBHOOK; }
        public List<String> values() { return secret == null ? List.of(url) : List.of(url, secret); }
    }

    /**
     * An in-app notification (the bell, and the agent's email if they get notifications by email): to the
     * {@code assignee}, the {@code team}'s members or one agent by id; {@code text} says why.
     */
    record Notify(String who, String text) implements RuleAction {
        public ActionType type() { return ActionType.NOTIFY; }
        public List<String> values() { return List.of(who, text); }
    }

    /**
     * A public reply in Markdown, written as the agent who applies a macro; its text may use the canned
     * responses' placeholders ({@code {{requester.first_name}}}, …), filled when it is applied. Macros only.
     */
    record AddReply(String text) implements RuleAction {
        public ActionType type() { return ActionType.ADD_REPLY; }
        public List<String> values() { return List.of(text); }
    }
}
