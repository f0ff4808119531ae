package io.tessera.sla.web;

import java.util.ArrayList;
import java.util.List;

import io.tessera.sla.SlaMetric;
import io.tessera.sla.SlaPolicy;
import io.tessera.sla.SlaPolicyDraft;
import io.tessera.sla.SlaTarget;
import io.tessera.ticket.Priority;
import io.tessera.view.ConditionBuilder;
import io.tessera.view.ConditionBuilder.Row;

/**
 * The policy form: name, on/off, calendar, warning lead, the shared condition builder and a grid of targets
 * — a row per priority, a column per metric, each cell minutes (empty: no target) and "business hours".
 * The cells post in a fixed order ({@link #cells()}), so the grid needs no hidden bookkeeping.
 */
record PolicyForm(String name, String description, Boolean enabled, Long calendarId, Integer warningMinutes,
                  List<Row> all, List<Row> any, List<Cell> targets) {

    record Cell(String priority, String metric, Integer minutes, Boolean businessHours) {
    }

    /** Urgent first, as people read a target table. */
    static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (int p = Priority.values().length - 1; p >= 0; p--) {
            for (SlaMetric metric : SlaMetric.values()) {
                cells.add(new Cell(Priority.values()[p].key(), metric.key(), null, true));
            }
        }
        return cells;
    }

    static PolicyForm blank() {
        return new PolicyForm("", "", true, null, 30, ConditionBuilder.padded(List.of()), ConditionBuilder.padded(List.of()),
                cells());
    }

    static PolicyForm of(SlaPolicy p) {
        List<Cell> cells = new ArrayList<>();
        for (Cell cell : cells()) {
            var target = p.target(Priority.fromKey(cell.priority()), SlaMetric.fromKey(cell.metric(), "metric"));
            cells.add(target.map(t -> new Cell(cell.priority(), cell.metric(), t.minutes(), t.businessHours())).orElse(cell));
        }
        return new PolicyForm(p.name(), p.description(), p.enabled(), p.calendarId(), p.warningMinutes(),
                ConditionBuilder.padded(ConditionBuilder.rows(p.conditions().allRows())),
                ConditionBuilder.padded(ConditionBuilder.rows(p.conditions().anyRows())), cells);
    }

    SlaPolicyDraft draft() {
        List<SlaPolicyDraft.TargetRow> rows = (targets == null ? List.<Cell>of() : targets).stream()
                .filter(c -> c != null && c.minutes() != null)
                .map(c -> new SlaPolicyDraft.TargetRow(c.priority(), c.metric(), c.minutes(),
                        calendarId != null && Boolean.TRUE.equals(c.businessHours())))
                .toList();
        return new SlaPolicyDraft(name, description, enabled != null && enabled, ConditionBuilder.conditionRows(all),
                ConditionBuilder.conditionRows(any), calendarId, warningMinutes, rows);
    }

    PolicyForm withBlankRows() {
        return new PolicyForm(name, description, enabled, calendarId, warningMinutes, ConditionBuilder.padded(all),
                ConditionBuilder.padded(any), targets == null ? cells() : targets);
    }

    List<Row> usedRows() {
        List<Row> rows = new ArrayList<>(all == null ? List.of() : all);
        rows.addAll(any == null ? List.of() : any);
        return rows;
    }

    /** The cell for a priority and metric, for the grid. */
    public Cell cell(int index) {
        return targets == null || targets.size() <= index ? cells().get(index) : targets.get(index);
    }
}
