package io.tessera.sla;

import java.util.List;

import io.tessera.view.ConditionRow;

/**
 * A policy as an admin sends it, unchecked. {@code targets} rows name priority and metric by their API keys
 * ({@code urgent}, {@code first_response}); {@code businessHours} defaults to true when the policy has a calendar.
 */
public record SlaPolicyDraft(String name, String description, Boolean enabled, List<ConditionRow> all,
                             List<ConditionRow> any, Long calendarId, Integer warningMinutes, List<TargetRow> targets) {

    public record TargetRow(String priority, String metric, Integer minutes, Boolean businessHours) {
    }
}
