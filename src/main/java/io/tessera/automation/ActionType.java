package io.tessera.automation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketStatus;

/**
 * The registry of actions a rule can take: each type has its key (the JSON {@code type}), the label the
 * builder shows, and the parser that turns a row's values into its typed {@link RuleAction}. Adding an
 * action is adding a constant and a record; nothing dispatches on strings after parsing.
 */
public enum ActionType {
    SET_STATUS("Set status", values -> new RuleAction.SetStatus(status(one(values, "status")))),
    SET_PRIORITY("Set priority", values -> new RuleAction.SetPriority(priority(one(values, "priority")))),
    SET_TYPE("Set type", values -> new RuleAction.SetType(orNone(one(values, "type")))),
    SET_TEAM("Set team", values -> new RuleAction.SetTeam(id(one(values, "team"), TeamId::of))),
    ASSIGN("Assign to", values -> new RuleAction.Assign(id(one(values, "agent"), AgentId::of))),
    ADD_TAGS("Add tags", values -> new RuleAction.AddTags(tags(values))),
    REMOVE_TAGS("Remove tags", values -> new RuleAction.RemoveTags(tags(values))),
    SET_FIELD("Set custom field", ActionType::field),
    ADD_NOTE("Add internal note", values -> new RuleAction.AddNote(note(values))),
    SEND_EMAIL("Send email", ActionType::email),
    ASSIGN_BY_STRATEGY("Assign by team strategy", values -> new RuleAction.AssignByStrategy(skills(values))),
    APPLY_SLA_POLICY("Apply SLA policy", values -> new RuleAction.ApplySlaPolicy(policy(one(values, "SLA policy id")))),
    CALL_WEBHOOK("Call webhook", ActionType::webhook),
    NOTIFY("Notify agents", ActionType::notify),
    /** Macros only: triggers and automations write to people with {@link #SEND_EMAIL} (RuleChecks refuses it). */
    ADD_REPLY("Add public reply", values -> new RuleAction.AddReply(reply(values)));

    private final String label;
    private final Function<List<String>, RuleAction> parser;

    ActionType(String label, Function<List<String>, RuleAction> parser) {
        this.label = label;
        this.parser = parser;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static ActionType fromKey(String key) {
        for (ActionType type : values()) {
            if (type.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return type;
            }
        }
        throw new InvalidRule("type", "Unknown action '" + key + "'.");
    }

    /** A stored or posted row as its typed action; {@link InvalidRule} naming {@code actions[i]} if it is not one. */
    public static RuleAction parse(ActionRow row, int index) {
        String field = "actions[" + index + "]";
        try {
            ActionType type = fromKey(row.type());
            return type.parser.apply(row.values().stream().map(String::strip).toList());
        } catch (InvalidRule | InvalidTicketChange e) {
            throw new InvalidRule(field, e.getMessage());
        }
    }

    public static List<RuleAction> parseAll(List<ActionRow> rows) {
        if (rows == null) {
            return List.of();
        }
        return java.util.stream.IntStream.range(0, rows.size()).mapToObj(i -> parse(rows.get(i), i)).toList();
    }

    private static String one(List<String> values, String what) {
        if (values.size() != 1 || values.get(0).isEmpty()) {
            throw new InvalidRule("values", "Give one " + what + ".");
        }
        return values.get(0);
    }

    private static TicketStatus status(String value) {
        return TicketStatus.fromKey(value);
    }

    private static Priority priority(String value) {
        return Priority.fromKey(value);
    }

    private static String orNone(String value) {
        return "none".equalsIgnoreCase(value) ? null : value;
    }

    private static <T> T id(String value, Function<Long, T> of) {
        if ("none".equalsIgnoreCase(value)) {
            return null;
        }
        try {
            return of.apply(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new InvalidRule("values", "'" + value + "' is not an id (or none).");
        }
    }

    private static Set<String> tags(List<String> values) {
        Set<String> tags = new LinkedHashSet<>();
        values.forEach(v -> {
            for (String tag : v.split("[,\\s]+")) {
                if (!tag.isBlank()) {
                    tags.add(tag);
                }
            }
        });
        if (tags.isEmpty()) {
            throw new InvalidRule("values", "Give at least one tag.");
        }
        return tags;
    }

    /** Skills the ticket needs, like tags; none is fine (every member qualifies). */
    private static Set<String> skills(List<String> values) {
        Set<String> skills = new LinkedHashSet<>();
        values.forEach(v -> {
            for (String skill : v.split("[,\\s]+")) {
                if (!skill.isBlank()) {
                    skills.add(skill.toLowerCase(Locale.ROOT));
                }
            }
        });
        return skills;
    }

    private static RuleAction notify(List<String> values) {
        if (values.size() != 2 || values.get(1).isEmpty()) {
            throw new InvalidRule("values", "Give who to notify (assignee, team or an agent id) and the text.");
        }
        String who = values.get(0).toLowerCase(Locale.ROOT);
        if (!who.equals("assignee") && !who.equals("team") && !who.matches("\\d{1,18}")) {
            throw new InvalidRule("values", "Notify the assignee, the team or an agent by id, not '" + values.get(0) + "'.");
        }
        if (values.get(1).length() > 300) {
            throw new InvalidRule("values", "Keep the notification to 300 characters.");
        }
        return new RuleAction.Notify(who, values.get(1));
    }

    private static RuleAction webhook(List<String> values) {
        if (values.isEmpty() || values.size() > 2 || values.get(0).isEmpty()) {
            throw new InvalidRule("values", "Give the webhook's URL, and optionally a secret to sign it with.");
        }
        try {
            java.net.URI uri = new java.net.URI(values.get(0));
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new java.net.URISyntaxException(values.get(0), "not an http(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw new InvalidRule("values", "'" + values.get(0) + "' is not an http:// or https:// URL.");
        }
        String secret = values.size() == 2 && !values.get(1).isEmpty() ? values.get(1) : null;
        if (secret != null && secret.length() > 200) {
            throw new InvalidRule("values", "Use a secret of at most 200 characters.");
        }
        return new RuleAction.CallWebhook(values.get(0), secret);
    }

    private static long policy(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidRule("values", "'" + value + "' is not an SLA policy id.");
        }
    }

    private static RuleAction field(List<String> values) {
        if (values.isEmpty() || values.get(0).isEmpty() || values.size() > 2) {
            throw new InvalidRule("values", "Give the field's key and its value.");
        }
        return new RuleAction.SetField(values.get(0), values.size() == 2 ? values.get(1) : "");
    }

    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static RuleAction email(List<String> values) {
        if (values.size() != 3) {
            throw new InvalidRule("values", "Give the recipient (requester, assignee, team or an address), the subject and the body.");
        }
        String to = values.get(0).toLowerCase(Locale.ROOT);
        if (!List.of("requester", "assignee", "team").contains(to) && !ADDRESS.matcher(to).matches()) {
            throw new InvalidRule("values", "Send to requester, assignee, team or an email address, not '" + values.get(0) + "'.");
        }
        if (values.get(1).isEmpty() || values.get(1).length() > 500) {
            throw new InvalidRule("values", "Give a subject of at most 500 characters.");
        }
        if (values.get(2).isEmpty() || values.get(2).length() > 20_000) {
            throw new InvalidRule("values", "Write the body (at most 20,000 characters).");
        }
        return new RuleAction.SendEmail(to, values.get(1), values.get(2));
    }

    private static String note(List<String> values) {
        return text(values, "note");
    }

    private static String reply(List<String> values) {
        return text(values, "reply");
    }

    private static String text(List<String> values, String what) {
        String text = String.join("\n", values).strip();
        if (text.isEmpty()) {
            throw new InvalidRule("values", "Write the " + what + ".");
        }
        if (text.length() > 10_000) {
            throw new InvalidRule("values", "Use at most 10,000 characters.");
        }
        return text;
    }
}
