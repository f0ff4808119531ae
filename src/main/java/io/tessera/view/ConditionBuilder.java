package io.tessera.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.TeamManagement;
import io.tessera.ticket.Channel;
import io.tessera.ticket.CustomField;
import io.tessera.ticket.FieldType;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketFields;
import io.tessera.ticket.TicketStatus;
import io.tessera.ticket.TicketTypes;

/**
 * The condition builder every page with conditions shares — views, triggers, automations, SLA policies:
 * the rows a form posts ({@link Row}: field, operator, comma-separated values) turned into condition rows
 * and back, and what the builder offers (its field menu, operators and value suggestions) for the template
 * fragments in {@code view/condition-builder.html}. One builder, so a condition reads the same everywhere.
 */
@Component
public class ConditionBuilder {

    /** Blank rows a form always offers after the filled ones. */
    public static final int BLANK_ROWS = 3;

    /** The builder's fields, in the order of its field menu (keys as in docs/views.md). */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("status", "Status");
        FIELDS.put("priority", "Priority");
        FIELDS.put("type", "Type");
        FIELDS.put("team", "Team");
        FIELDS.put("assignee", "Assignee");
        FIELDS.put("requester", "Requester (customer id)");
        FIELDS.put("organization", "Organization (id)");
        FIELDS.put("tier", "Customer tier");
        FIELDS.put("language", "Requester's language");
        FIELDS.put("tags", "Tags");
        FIELDS.put("subject", "Subject words");
        FIELDS.put("channel", "Channel");
        FIELDS.put("created", "Created");
        FIELDS.put("updated", "Updated");
        FIELDS.put("solved", "Solved");
        FIELDS.put("status_changed", "Status changed (e.g. pending since)");
        FIELDS.put("sla", "SLA (next deadline)");
        FIELDS.put("business_hours", "Business hours now (calendar id)");
    }

    /** One row of the form; rows without a field are ignored, so a form can always offer empty ones. */
    public record Row(String field, String operator, String value) {
    }

    /** A custom field's value suggestions: its options, true/false, and always "none". */
    public record FieldSuggestions(String field, List<String> values) {
    }

    private final AgentManagement agents;
    private final TeamManagement teams;
    private final TicketTypes types;
    private final TicketFields ticketFields;

    ConditionBuilder(AgentManagement agents, TeamManagement teams, TicketTypes types, TicketFields ticketFields) {
        this.agents = agents;
        this.teams = teams;
        this.types = types;
        this.ticketFields = ticketFields;
    }

    /**
     * The model attributes the fragments read. Deactivated custom fields are offered only where {@code used}
     * (the form's rows) already names them.
     */
    public Map<String, Object> choices(List<Row> used) {
        List<String> usedFields = filled(used).stream().map(Row::field).toList();
        List<CustomField> custom = ticketFields.definitions().stream()
                .filter(f -> f.active() || usedFields.contains("field:" + f.key())).toList();
        Map<String, String> fields = new LinkedHashMap<>(FIELDS);
        custom.forEach(f -> fields.put("field:" + f.key(), f.label() + (f.active() ? "" : " (deactivated)")));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("fields", fields);
        model.put("customFields", custom.stream().map(ConditionBuilder::suggestions).toList());
        model.put("operators", Operator.values());
        model.put("teamChoices", teams.list());
        model.put("agentChoices", agents.list().stream().filter(Agent::active).toList());
        model.put("statuses", TicketStatus.values());
        model.put("priorities", Priority.values());
        model.put("channels", Channel.values());
        model.put("types", types.all());
        return model;
    }

    public static List<ConditionRow> conditionRows(List<Row> rows) {
        return filled(rows).stream()
                .map(r -> new ConditionRow(r.field(), r.operator(),
                        r.value() == null ? List.of() : Arrays.stream(r.value().split(",")).map(String::strip).toList()))
                .toList();
    }

    public static List<Row> rows(List<ConditionRow> rows) {
        return rows.stream().map(r -> new Row(r.field(), r.operator(), r.valueText())).toList();
    }

    public static List<Row> filled(List<Row> rows) {
        return rows == null ? List.of() : rows.stream().filter(r -> r != null && r.field() != null && !r.field().isBlank()).toList();
    }

    /** The filled rows plus {@link #BLANK_ROWS} blank ones to add more. */
    public static List<Row> padded(List<Row> rows) {
        List<Row> all = new ArrayList<>(filled(rows));
        for (int i = 0; i < BLANK_ROWS; i++) {
            all.add(new Row("", "is", ""));
        }
        return all;
    }

    private static FieldSuggestions suggestions(CustomField field) {
        List<String> values = new ArrayList<>();
        if (field.type().hasOptions()) {
            values.addAll(field.options());
        }
        if (field.type() == FieldType.CHECKBOX) {
            values.addAll(List.of("true", "false"));
        } else {
            values.add("none");
        }
        return new FieldSuggestions("field:" + field.key(), values);
    }
}
