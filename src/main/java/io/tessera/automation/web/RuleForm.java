package io.tessera.automation.web;

import java.util.ArrayList;
import java.util.List;

import io.tessera.automation.ActionRow;
import io.tessera.automation.Automation;
import io.tessera.automation.AutomationDraft;
import io.tessera.automation.RuleAction;
import io.tessera.automation.Trigger;
import io.tessera.automation.TriggerDraft;
import io.tessera.automation.TriggerEvent;
import io.tessera.view.ConditionBuilder;
import io.tessera.view.ConditionBuilder.Row;

/**
 * The rule builder's form: name, description, on/off, (for triggers) the events, two groups of condition
 * rows and a list of action rows. An action row has a type and up to three inputs — {@code target} (the
 * value: a status, a team id, tags, a recipient, a field key), {@code subject} and {@code body} (an
 * email's, a note's text, a field's value) — which the script shows or hides by type, so nobody edits JSON.
 * Rows without a type are ignored, so the form can always offer blank ones.
 */
record RuleForm(String name, String description, Boolean enabled, List<String> events, List<Row> all, List<Row> any,
                List<ActionInput> actions) {

    static final int BLANK_ACTIONS = 2;

    record ActionInput(String type, String target, String subject, String body) {

        ActionRow row() {
            List<String> values = switch (type) {
                case "send_email" -> List.of(text(target), text(subject), text(body));
                case "add_note" -> List.of(text(body));
                case "set_field", "notify" -> List.of(text(target), text(body));
                case "call_webhook" -> subject == null || subject.isBlank() ? List.of(text(target))
                        : List.of(text(target), subject);
                default -> List.of(text(target));
            };
            return new ActionRow(type, values);
        }

        static ActionInput of(RuleAction action) {
            List<String> v = action.values();
            return switch (action.type().key()) {
                case "send_email" -> new ActionInput("send_email", v.get(0), v.get(1), v.get(2));
                case "add_note" -> new ActionInput("add_note", "", "", v.get(0));
                case "set_field", "notify" -> new ActionInput(action.type().key(), v.get(0), "", v.get(1));
                case "call_webhook" -> new ActionInput("call_webhook", v.get(0), v.size() > 1 ? v.get(1) : "", "");
                default -> new ActionInput(action.type().key(), String.join(", ", v), "", "");
            };
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }
    }

    static RuleForm blankTrigger() {
        return new RuleForm("", "", true, List.of(TriggerEvent.CREATED.key()), ConditionBuilder.padded(List.of()),
                ConditionBuilder.padded(List.of()), padded(List.of()));
    }

    static RuleForm blankAutomation() {
        return new RuleForm("", "", true, List.of(), ConditionBuilder.padded(List.of()), ConditionBuilder.padded(List.of()),
                padded(List.of()));
    }

    static RuleForm of(Trigger t) {
        return new RuleForm(t.name(), t.description(), t.enabled(), t.events().stream().map(TriggerEvent::key).toList(),
                ConditionBuilder.padded(ConditionBuilder.rows(t.conditions().allRows())),
                ConditionBuilder.padded(ConditionBuilder.rows(t.conditions().anyRows())),
                padded(t.actions().stream().map(ActionInput::of).toList()));
    }

    static RuleForm of(Automation a) {
        return new RuleForm(a.name(), a.description(), a.enabled(), List.of(),
                ConditionBuilder.padded(ConditionBuilder.rows(a.conditions().allRows())),
                ConditionBuilder.padded(ConditionBuilder.rows(a.conditions().anyRows())),
                padded(a.actions().stream().map(ActionInput::of).toList()));
    }

    TriggerDraft triggerDraft() {
        return new TriggerDraft(name, description, enabled != null && enabled, events, ConditionBuilder.conditionRows(all),
                ConditionBuilder.conditionRows(any), actionRows());
    }

    AutomationDraft automationDraft() {
        return new AutomationDraft(name, description, enabled != null && enabled, ConditionBuilder.conditionRows(all),
                ConditionBuilder.conditionRows(any), actionRows());
    }

    /** The form again as it was typed, with blank rows to add more (after a refusal). */
    RuleForm withBlankRows() {
        return new RuleForm(name, description, enabled, events == null ? List.of() : events, ConditionBuilder.padded(all),
                ConditionBuilder.padded(any), padded(filled(actions)));
    }

    public boolean hasEvent(String key) {
        return events != null && events.contains(key);
    }

    List<Row> usedRows() {
        List<Row> rows = new ArrayList<>(all == null ? List.of() : all);
        rows.addAll(any == null ? List.of() : any);
        return rows;
    }

    private List<ActionRow> actionRows() {
        return filled(actions).stream().map(ActionInput::row).toList();
    }

    private static List<ActionInput> filled(List<ActionInput> actions) {
        return actions == null ? List.of()
                : actions.stream().filter(a -> a != null && a.type() != null && !a.type().isBlank()).toList();
    }

    private static List<ActionInput> padded(List<ActionInput> actions) {
        List<ActionInput> rows = new ArrayList<>(actions);
        for (int i = 0; i < BLANK_ACTIONS; i++) {
            rows.add(new ActionInput("", "", "", ""));
        }
        return rows;
    }
}
