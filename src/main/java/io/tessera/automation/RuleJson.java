package io.tessera.automation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import io.tessera.ticket.TicketFields;
import io.tessera.view.ConditionRow;
import io.tessera.view.Conditions;
import tools.jackson.databind.ObjectMapper;

/**
 * How the {@code rule} table stores a rule's conditions and actions: JSON text in the API's shape (H2 cannot
 * take JSON columns portably). Shared by triggers and automations, which live in the same table.
 */
@Component
class RuleJson {

    record StoredConditions(List<ConditionRow> all, List<ConditionRow> any) {
    }

    private final ObjectMapper json;
    private final TicketFields fields;

    RuleJson(ObjectMapper json, TicketFields fields) {
        this.json = json;
        this.fields = fields;
    }

    String conditions(Conditions conditions) {
        return json.writeValueAsString(new StoredConditions(conditions.allRows(), conditions.anyRows()));
    }

    Conditions conditions(String stored) {
        StoredConditions rows = json.readValue(stored, StoredConditions.class);
        return Conditions.parse(nonNull(rows.all()), nonNull(rows.any()), fields::matchSaved);
    }

    String actions(List<RuleAction> actions) {
        return json.writeValueAsString(actions.stream().map(RuleAction::row).toList());
    }

    List<RuleAction> actions(String stored) {
        return ActionType.parseAll(Arrays.asList(json.readValue(stored, ActionRow[].class)));
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<ConditionRow> nonNull(List<ConditionRow> rows) {
        return rows == null ? List.of() : rows;
    }
}
