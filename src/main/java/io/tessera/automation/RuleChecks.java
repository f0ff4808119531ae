package io.tessera.automation;

import java.net.URI;
import java.util.List;

import io.tessera.shared.HostPolicy;
import io.tessera.ticket.TicketFields;
import io.tessera.view.ConditionRow;
import io.tessera.view.Conditions;
import io.tessera.view.InvalidView;

/** The checks every rule (trigger or automation) passes before it is saved, naming the field at fault. */
final class RuleChecks {

    private RuleChecks() {
    }

    static String name(String name, String what) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 200) {
            throw new InvalidRule("name", "Give the " + what + " a name of at most 200 characters.");
        }
        return stripped;
    }

    static String description(String description) {
        String stripped = description == null || description.isBlank() ? null : description.strip();
        if (stripped != null && stripped.length() > 1000) {
            throw new InvalidRule("description", "Use at most 1,000 characters.");
        }
        return stripped;
    }

    static Conditions conditions(List<ConditionRow> all, List<ConditionRow> any, TicketFields fields) {
        try {
            return Conditions.parse(all, any, fields::match);
        } catch (InvalidView e) {
            throw new InvalidRule("conditions." + e.field(), e.getMessage());
        }
    }

    static List<RuleAction> actions(List<ActionRow> rows, String what, HostPolicy hosts) {
        List<RuleAction> actions = ActionType.parseAll(rows);
        if (actions.isEmpty()) {
            throw new InvalidRule("actions", "Give the " + what + " at least one action.");
        }
        for (int i = 0; i < actions.size(); i++) {
            // A public reply is an agent's words, for macros; a rule writes to people with send_email.
            if (actions.get(i) instanceof RuleAction.AddReply) {
                throw new InvalidRule("actions[" + i + "]", "A " + what + " cannot add a public reply; use send_email.");
            }
            // Not a way into this host's or the cloud's internals (docs/security.md); checked again when sending.
            if (actions.get(i) instanceof RuleAction.CallWebhook hook) {
                String field = "actions[" + i + "]";
                hosts.refusal(URI.create(hook.url()).getHost()).ifPresent(reason -> {
                    throw new InvalidRule(field, reason);
                });
            }
        }
        return actions;
    }
}
