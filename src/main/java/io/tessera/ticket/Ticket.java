package io.tessera.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.tessera.shared.AgentId;
import io.tessera.shared.CustomerId;
import io.tessera.shared.OrganizationId;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;
import io.tessera.ticket.TicketEvents.AssigneeChanged;
import io.tessera.ticket.TicketEvents.PriorityChanged;
import io.tessera.ticket.TicketEvents.StatusChanged;
import io.tessera.ticket.TicketEvents.SubjectChanged;
import io.tessera.ticket.TicketEvents.TagsChanged;
import io.tessera.ticket.TicketEvents.TeamChanged;
import io.tessera.ticket.TicketEvents.TypeChanged;

/**
 * The ticket aggregate. State changes only through its methods, each of which checks its rule, changes
 * the state and records the event; {@link TicketRepository} saves state and events together, guarded by
 * the version. Values that need other data to check (does the type exist, is the agent active) are
 * checked by {@link TicketManagement} before they reach the aggregate.
 */
public final class Ticket {

    /** An event waiting to be appended to the log when the ticket is saved. */
    record Recorded(TicketEvent event, Instant at) {
    }

    private final TicketId id;
    private final long number;
    private final Channel channel;
    private final Instant createdAt;
    private final int version;
    private String subject;
    private TicketStatus status;
    private Long customStatusId;
    private Priority priority;
    private String type;
    private final CustomerId requester;
    private final OrganizationId organization;
    private TeamId team;
    private AgentId assignee;
    private final TreeSet<String> tags;
    private Instant updatedAt;
    private Instant firstResponseAt;
    private Instant solvedAt;
    /** When the status category last changed: "pending for 3 days" (a custom status in the same category keeps it). */
    private Instant statusChangedAt;
    private Instant closedAt;
    private TicketId mergedInto;
    private final List<Recorded> recorded = new ArrayList<>();

    Ticket(TicketId id, long number, String subject, TicketStatus status, Long customStatusId, Priority priority,
           String type, Channel channel, CustomerId requester, OrganizationId organization, TeamId team,
           AgentId assignee, Set<String> tags, Instant createdAt, Instant updatedAt, Instant firstResponseAt,
           Instant solvedAt, Instant closedAt, TicketId mergedInto, int version) {
        this(id, number, subject, status, customStatusId, priority, type, channel, requester, organization, team, assignee,
                tags, createdAt, updatedAt, firstResponseAt, solvedAt, closedAt, mergedInto, version, updatedAt);
    }

    Ticket(TicketId id, long number, String subject, TicketStatus status, Long customStatusId, Priority priority,
           String type, Channel channel, CustomerId requester, OrganizationId organization, TeamId team,
           AgentId assignee, Set<String> tags, Instant createdAt, Instant updatedAt, Instant firstResponseAt,
           Instant solvedAt, Instant closedAt, TicketId mergedInto, int version, Instant statusChangedAt) {
        this.statusChangedAt = statusChangedAt == null ? updatedAt : statusChangedAt;
        this.id = id;
        this.number = number;
        this.subject = subject;
        this.status = status;
        this.customStatusId = customStatusId;
        this.priority = priority;
        this.type = type;
        this.channel = channel;
        this.requester = requester;
        this.organization = organization;
        this.team = team;
        this.assignee = assignee;
        this.tags = new TreeSet<>(tags);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.firstResponseAt = firstResponseAt;
        this.solvedAt = solvedAt;
        this.closedAt = closedAt;
        this.mergedInto = mergedInto;
        this.version = version;
    }

    void changeStatus(TicketStatus to, Long toCustomStatusId, Instant at) {
        if (to == status && Objects.equals(toCustomStatusId, customStatusId)) {
            return;
        }
        if (!status.canMoveTo(to)) {
            throw new InvalidTicketChange("status", status == TicketStatus.CLOSED
                    ? "Ticket " + display() + " is closed; closed tickets cannot change. A new message creates a follow-up ticket."
                    : "A ticket cannot go from " + status.label().toLowerCase() + " to " + to.label().toLowerCase() + ".");
        }
        record(new StatusChanged(status, to, customStatusId, toCustomStatusId), at);
        if (to == TicketStatus.SOLVED && status != TicketStatus.SOLVED) {
            solvedAt = at;
        }
        if (to.unsolved()) {
            solvedAt = null;
        }
        if (to == TicketStatus.CLOSED) {
            closedAt = at;
        }
        if (to != status) {
            statusChangedAt = at;
        }
        status = to;
        customStatusId = toCustomStatusId;
    }

    void changePriority(Priority to, Instant at) {
        if (to != priority) {
            checkOpen("priority");
            record(new PriorityChanged(priority, to), at);
            priority = to;
        }
    }

    void changeType(String to, Instant at) {
        if (!Objects.equals(to, type)) {
            checkOpen("type");
            record(new TypeChanged(type, to), at);
            type = to;
        }
    }

    void assign(AgentId to, Instant at) {
        if (!Objects.equals(to, assignee)) {
            checkOpen("assignee");
            record(new AssigneeChanged(value(assignee), value(to)), at);
            assignee = to;
        }
    }

    void moveToTeam(TeamId to, Instant at) {
        if (!Objects.equals(to, team)) {
            checkOpen("team");
            record(new TeamChanged(team == null ? null : team.value(), to == null ? null : to.value()), at);
            team = to;
        }
    }

    void rename(String to, Instant at) {
        String trimmed = to == null ? "" : to.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidTicketChange("subject", "A ticket needs a subject.");
        }
        if (trimmed.length() > 500) {
            throw new InvalidTicketChange("subject", "Use at most 500 characters.");
        }
        if (!trimmed.equals(subject)) {
            checkOpen("subject");
            record(new SubjectChanged(subject, trimmed), at);
            subject = trimmed;
        }
    }

    void retag(Set<String> add, Set<String> remove, Instant at) {
        List<String> added = add.stream().filter(t -> !tags.contains(t)).sorted().toList();
        List<String> removed = remove.stream().filter(tags::contains).filter(t -> !add.contains(t)).sorted().toList();
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        checkOpen("tags");
        if (!added.isEmpty()) {
            // Only growth is refused: a ticket over the cap (tagged before there was one) can always lose tags.
            Tags.checkPerTicket(tags.size() + added.size() - removed.size());
        }
        record(new TagsChanged(added, removed), at);
        tags.addAll(added);
        removed.forEach(tags::remove);
    }

    /** A custom field changed: {@link TicketFields} checked and stores the value; the ticket records it. */
    void fieldChanged(FieldChanged event, Instant at) {
        checkOpen("customFields." + event.key());
        record(event, at);
    }

    /** An agent's first public reply is the first response; later ones change nothing here. */
    void agentReplied(Instant at) {
        if (firstResponseAt == null) {
            firstResponseAt = at;
        }
    }

    /** The requester wrote again: a ticket waiting on them or considered solved needs attention again. */
    void customerReplied(Instant at) {
        if (status == TicketStatus.PENDING || status == TicketStatus.SOLVED) {
            changeStatus(TicketStatus.OPEN, null, at);
        }
    }

    /**
     * A customer wrote to a closed ticket of a team whose email rule is "reopen" (docs/email.md): the one
     * way out of closed. A ticket closed by a merge stays closed; its replies go to the merge target.
     */
    void reopenClosed(Instant at) {
        if (status != TicketStatus.CLOSED || mergedInto != null) {
            return;
        }
        record(new StatusChanged(status, TicketStatus.OPEN, customStatusId, null), at);
        status = TicketStatus.OPEN;
        statusChangedAt = at;
        customStatusId = null;
        closedAt = null;
        solvedAt = null;
    }

    /**
     * Merged into {@code target}: closed from whatever status it had (a merge is how a duplicate ends, so
     * the solved-before-closed rule does not apply) and pointing at the target from now on.
     */
    void closeAsMerged(TicketRef target, Instant at) {
        if (mergedInto != null) {
            throw new InvalidTicketChange("sources", display() + " was already merged into another ticket.");
        }
        if (status == TicketStatus.CLOSED) {
            throw new InvalidTicketChange("sources", display() + " is closed; closed tickets cannot be merged.");
        }
        record(new StatusChanged(status, TicketStatus.CLOSED, customStatusId, null), at);
        record(new RelationEvents.Merged(id.value(), number, target.id().value(), target.number()), at);
        status = TicketStatus.CLOSED;
        customStatusId = null;
        closedAt = at;
        mergedInto = target.id();
    }

    /** Another ticket was merged into this one: it must still be open to take the conversation in. */
    void absorb(TicketRef source, Instant at) {
        if (mergedInto != null) {
            throw new InvalidTicketChange("target", display() + " was merged into another ticket; merge into that one.");
        }
        if (status == TicketStatus.CLOSED) {
            throw new InvalidTicketChange("target", display() + " is closed; choose an open ticket to merge into.");
        }
        record(new RelationEvents.Merged(source.id().value(), source.number(), id.value(), number), at);
    }

    /** Something happened on the ticket (a message) without a property change: it is updated all the same. */
    void touch(Instant at) {
        updatedAt = at;
    }

    private void checkOpen(String field) {
        if (status == TicketStatus.CLOSED) {
            throw new InvalidTicketChange(field, "Ticket " + display() + " is closed; closed tickets cannot change.");
        }
    }

    private void record(TicketEvent event, Instant at) {
        recorded.add(new Recorded(event, at));
        updatedAt = at;
    }

    List<Recorded> recorded() {
        return Collections.unmodifiableList(recorded);
    }

    private static Long value(AgentId id) {
        return id == null ? null : id.value();
    }

    public String display() {
        return "#" + number;
    }

    public TicketRef ref() {
        return new TicketRef(id, number);
    }

    public TicketId id() { return id; }
    public long number() { return number; }
    public String subject() { return subject; }
    public TicketStatus status() { return status; }
    public Long customStatusId() { return customStatusId; }
    public Priority priority() { return priority; }
    public String type() { return type; }
    public Channel channel() { return channel; }
    public CustomerId requester() { return requester; }
    public OrganizationId organization() { return organization; }
    public TeamId team() { return team; }
    public AgentId assignee() { return assignee; }
    public Set<String> tags() { return Collections.unmodifiableSet(tags); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant firstResponseAt() { return firstResponseAt; }
    public Instant solvedAt() { return solvedAt; }
    public Instant statusChangedAt() { return statusChangedAt; }
    public Instant closedAt() { return closedAt; }
    public TicketId mergedInto() { return mergedInto; }
    public int version() { return version; }
}
