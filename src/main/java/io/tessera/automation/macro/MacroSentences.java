package io.tessera.automation.macro;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import io.tessera.automation.RuleAction;
import io.tessera.customer.Customer;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;
import io.tessera.ticket.CustomField;
import io.tessera.ticket.CustomStatuses;
import io.tessera.ticket.Tags;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketFields;
import io.tessera.ticket.TicketStatus;
import io.tessera.ticket.TicketTypes;

/**
 * Macros in words: what one would do to a given ticket ({@code Status: Open → Pending}), what the ticket
 * would refuse as it is now, and what a macro does in general for the list page. Names, not ids: people
 * read these lines before they click "Apply".
 */
@Component
class MacroSentences {

    private static final String NONE = "—";

    private final AgentManagement agents;
    private final TeamManagement teams;
    private final TicketTypes types;
    private final TicketFields fields;
    private final CustomStatuses statuses;
    private final Customers customers;

    MacroSentences(AgentManagement agents, TeamManagement teams, TicketTypes types, TicketFields fields,
                   CustomStatuses statuses, Customers customers) {
        this.agents = agents;
        this.teams = teams;
        this.types = types;
        this.fields = fields;
        this.statuses = statuses;
        this.customers = customers;
    }

    /** What the macro does, without a ticket: "Set status: Pending", "Add tags: vip", "Add public reply". */
    List<String> summary(Macro macro) {
        List<String> lines = new ArrayList<>();
        for (RuleAction action : macro.actions()) {
            lines.add(action.type().label() + valueText(action));
        }
        return lines;
    }

    /** One line per action, against the ticket as it is now. Java 17: an instanceof chain, no pattern switch. */
    List<String> wouldDo(Macro macro, Ticket ticket) {
        List<String> lines = new ArrayList<>();
        for (RuleAction action : macro.actions()) {
            if (action instanceof RuleAction.SetStatus s) {
                lines.add(change("Status", statuses.nameOf(ticket.status(), ticket.customStatusId()), s.status().label()));
            } else if (action instanceof RuleAction.SetPriority p) {
                lines.add(change("Priority", ticket.priority().label(), p.priority().label()));
            } else if (action instanceof RuleAction.SetType t) {
                lines.add(change("Type", typeName(ticket.type()), typeName(t.typeKey())));
            } else if (action instanceof RuleAction.SetTeam t) {
                lines.add(change("Team", teamName(ticket.team()), teamName(t.team())));
            } else if (action instanceof RuleAction.Assign a) {
                lines.add(change("Assignee", agentName(ticket.assignee()), agentName(a.agent())));
            } else if (action instanceof RuleAction.AddTags a) {
                Set<String> added = new TreeSet<>(Tags.normalize(a.tags()));
                added.removeAll(ticket.tags());
                lines.add(added.isEmpty() ? "Tags: already has " + String.join(", ", sorted(a.tags()))
                        : "Add tags: " + String.join(", ", added));
            } else if (action instanceof RuleAction.RemoveTags r) {
                Set<String> removed = new TreeSet<>(Tags.normalize(r.tags()));
                removed.retainAll(ticket.tags());
                lines.add(removed.isEmpty() ? "Tags: has none of " + String.join(", ", sorted(r.tags())) + " to remove"
                        : "Remove tags: " + String.join(", ", removed));
            } else if (action instanceof RuleAction.SetField f) {
                String label = fieldLabel(f.key());
                lines.add(f.value() == null || f.value().isEmpty() ? "Clear " + label : "Set " + label + ": " + f.value());
            } else if (action instanceof RuleAction.AddReply) {
                lines.add("Send a public reply to " + requester(ticket));
            } else if (action instanceof RuleAction.AddNote) {
                lines.add("Add an internal note");
            } else {
                lines.add(action.type().label() + valueText(action));
            }
        }
        return lines;
    }

    /**
     * What the ticket's rules would refuse as things stand, so the preview says so before the agent clicks
     * (applying checks again, in its transaction: this is advice, not the check).
     */
    List<String> warnings(Macro macro, Ticket ticket) {
        List<String> warnings = new ArrayList<>();
        boolean changesProperties = !macro.changes().isEmpty();
        if (ticket.status() == TicketStatus.CLOSED && changesProperties) {
            warnings.add(ticket.display() + " is closed; closed tickets cannot change.");
        }
        TeamId team = teamAfter(macro, ticket);
        for (RuleAction action : macro.actions()) {
            if (action instanceof RuleAction.SetStatus s && ticket.status() != TicketStatus.CLOSED
                    && !ticket.status().canMoveTo(s.status())) {
                warnings.add(ticket.display() + " cannot move from " + ticket.status().label() + " to "
                        + s.status().label() + ".");
            } else if (action instanceof RuleAction.Assign a && a.agent() != null) {
                Agent agent = agents.find(a.agent()).orElse(null);
                if (agent == null || !agent.active()) {
                    warnings.add((agent == null ? "The agent" : agent.name()) + " cannot be assigned tickets any more.");
                } else if (team != null && agent.teams().stream().noneMatch(t -> t.id().equals(team))) {
                    warnings.add(agent.name() + " is not a member of " + teamName(team) + ".");
                }
            }
        }
        return warnings;
    }

    /** The team the ticket will have when the assignment is checked: the macro's team change comes first. */
    private static TeamId teamAfter(Macro macro, Ticket ticket) {
        TeamId team = ticket.team();
        for (RuleAction action : macro.actions()) {
            if (action instanceof RuleAction.SetTeam t) {
                team = t.team();
            }
        }
        return team;
    }

    private static String change(String what, String from, String to) {
        return Objects.equals(from, to) ? what + ": already " + to : what + ": " + from + " \u2192 " + to;
    }

    private String valueText(RuleAction action) {
        if (action instanceof RuleAction.AddReply || action instanceof RuleAction.AddNote) {
            return "";
        }
        if (action instanceof RuleAction.SetStatus s) {
            return ": " + s.status().label();
        }
        if (action instanceof RuleAction.SetPriority p) {
            return ": " + p.priority().label();
        }
        if (action instanceof RuleAction.SetType t) {
            return ": " + typeName(t.typeKey());
        }
        if (action instanceof RuleAction.SetTeam t) {
            return ": " + teamName(t.team());
        }
        if (action instanceof RuleAction.Assign a) {
            return ": " + agentName(a.agent());
        }
        if (action instanceof RuleAction.SetField f) {
            return ": " + fieldLabel(f.key()) + (f.value() == null || f.value().isEmpty() ? " (cleared)" : " = " + f.value());
        }
        return ": " + String.join(", ", action.values());
    }

    private static List<String> sorted(Set<String> tags) {
        return tags.stream().sorted().toList();
    }

    private String typeName(String key) {
        if (key == null) {
            return NONE;
        }
        return types.all().stream().filter(t -> t.key().equalsIgnoreCase(key)).map(TicketTypes.TicketType::name)
                .findFirst().orElse(key);
    }

    private String teamName(TeamId id) {
        return id == null ? NONE : teams.find(id).map(Team::name).orElse("team " + id.value());
    }

    private String agentName(AgentId id) {
        return id == null ? NONE : agents.find(id).map(Agent::name).orElse("agent " + id.value());
    }

    private String fieldLabel(String key) {
        return fields.definitions().stream().filter(f -> f.key().equals(key)).map(CustomField::label).findFirst()
                .orElse(key);
    }

    private String requester(Ticket ticket) {
        Customer customer = customers.find(ticket.requester()).orElse(null);
        if (customer == null) {
            return "the requester";
        }
        String name = customer.name() == null || customer.name().isBlank() ? null : customer.name();
        if (name == null) {
            return customer.email() == null ? "the requester" : customer.email();
        }
        return customer.email() == null ? name : name + " <" + customer.email() + ">";
    }
}
