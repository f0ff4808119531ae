package io.tessera.automation.macro.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tessera.automation.ActionRow;
import io.tessera.automation.RuleAction;
import io.tessera.automation.macro.Macro;
import io.tessera.automation.macro.MacroDraft;

/**
 * The macro builder: name, description, sharing, and rows of actions. Each row has a type and one input per
 * kind of value (a status, a team, tags, a text…); the row's type says which one counts, the page shows only
 * that one. Rows without a type are ignored, so the form can always offer spare ones. Kept as typed when
 * saving fails. {@code shared} is absent when the box is unticked.
 */
record MacroForm(String name, String description, Boolean shared, List<Row> actions) {

    /** Spare rows after the filled ones: one shown, the others revealed by "Add action". */
    static final int SPARE_ROWS = 5;

    public record Row(String type, String status, String priority, String ticketType, String team, String agent,
                      String tags, String fieldKey, String fieldValue, String text) {

        static Row blank() {
            return new Row("", "", "", "", "", "", "", "", "", "");
        }

        /** The builder row for a saved action: its values in the input its type uses. */
        static Row of(RuleAction action) {
            List<String> v = action.values();
            String first = v.isEmpty() ? "" : v.get(0);
            String key = action.type().key();
            return switch (key) {
                case "set_status" -> new Row(key, first, "", "", "", "", "", "", "", "");
                case "set_priority" -> new Row(key, "", first, "", "", "", "", "", "", "");
                case "set_type" -> new Row(key, "", "", first, "", "", "", "", "", "");
                case "set_team" -> new Row(key, "", "", "", first, "", "", "", "", "");
                case "assign" -> new Row(key, "", "", "", "", first, "", "", "", "");
                case "add_tags", "remove_tags" -> new Row(key, "", "", "", "", "", String.join(" ", v), "", "", "");
                case "set_field" -> new Row(key, "", "", "", "", "", "", first, v.size() > 1 ? v.get(1) : "", "");
                default -> new Row(key, "", "", "", "", "", "", "", "", String.join("\n", v));
            };
        }

        boolean isBlank() {
            return type == null || type.isBlank();
        }

        /** The row as the rules' action row: the value of the input that goes with its type. */
        ActionRow action() {
            String key = type.strip().toLowerCase(Locale.ROOT);
            List<String> values = switch (key) {
                case "set_status" -> one(status);
                case "set_priority" -> one(priority);
                case "set_type" -> one(ticketType);
                case "set_team" -> one(team);
                case "assign" -> one(agent);
                case "add_tags", "remove_tags" -> one(tags);
                case "set_field" -> List.of(nonNull(fieldKey), nonNull(fieldValue));
                default -> one(text);
            };
            return new ActionRow(key, values);
        }

        private static List<String> one(String value) {
            return value == null || value.isBlank() ? List.of() : List.of(value);
        }

        private static String nonNull(String value) {
            return value == null ? "" : value;
        }
    }

    static MacroForm blank() {
        return new MacroForm("", "", false, List.of()).withSpareRows();
    }

    static MacroForm of(Macro macro) {
        return new MacroForm(macro.name(), macro.description() == null ? "" : macro.description(), macro.isShared(),
                macro.actions().stream().map(Row::of).toList()).withSpareRows();
    }

    MacroDraft draft() {
        return new MacroDraft(name, description, Boolean.TRUE.equals(shared),
                filled().stream().map(Row::action).toList(), null);
    }

    /** The rows that count, i.e. those with a type; a refusal's {@code actions[i]} indexes this list. */
    List<Row> filled() {
        return actions == null ? List.of() : actions.stream().filter(r -> r != null && !r.isBlank()).toList();
    }

    /** The form again with the rows it had and the spare ones; blank rows in between are dropped. */
    MacroForm withSpareRows() {
        List<Row> rows = new ArrayList<>(filled());
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add(Row.blank());
        }
        return new MacroForm(name, description, shared, rows);
    }

    /** Index of the first spare row: the one shown; the rest wait for "Add action". */
    public int firstSpare() {
        return filled().size();
    }
}
