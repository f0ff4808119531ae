package io.tessera.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The orders a ticket list can have. Each is a keyset over indexed columns (V10__views.sql names the
 * index that serves each), with the id as the tie-breaker unless the key is unique, so a page is an index
 * walk from the cursor rather than a sort of every matching row.
 */
public enum TicketSort {
    /** Last update: {@code ticket_updated_idx (updated_at, id)} and the per-status/team/assignee indexes. */
    UPDATED("Last update", List.of("t.updated_at"), false),
    /** Creation: {@code ticket_created_idx (created_at, id)}. */
    CREATED("Created", List.of("t.created_at"), false),
    /** Priority (urgent first when descending), then last update: {@code ticket_priority_idx}. */
    PRIORITY("Priority", List.of("t.priority_rank", "t.updated_at"), false),
    /** Ticket number, unique on its own: {@code ticket_number_uk}. */
    NUMBER("Number", List.of("t.number"), true),
    /**
     * Next SLA deadline (breached and soonest first when ascending; tickets without a running clock last):
     * {@code ticket_sla_due_idx (sla_due_at, id)}, V19.
     */
    SLA_DUE("Next SLA deadline", List.of("t.sla_due_at"), false);

    private final String label;
    private final List<String> columns;
    private final boolean unique;

    TicketSort(String label, List<String> columns, boolean unique) {
        this.label = label;
        this.columns = columns;
        this.unique = unique;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketSort fromKey(String key) {
        for (TicketSort sort : values()) {
            if (sort.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return sort;
            }
        }
        throw new IllegalArgumentException("Unknown sort '" + key + "'. Use one of updated, created, priority, number, sla_due.");
    }

    /** The key columns, with {@code t.id} last when the key alone is not unique. */
    List<String> keyColumns() {
        if (unique) {
            return columns;
        }
        var all = new java.util.ArrayList<>(columns);
        all.add("t.id");
        return all;
    }

    /** The key values of a row, in the order of {@link #keyColumns()}: what a cursor remembers. */
    List<Object> keyOf(TicketSummary t) {
        return switch (this) {
            case UPDATED -> List.of(t.updatedAt(), t.id().value());
            case CREATED -> List.of(t.createdAt(), t.id().value());
            case PRIORITY -> List.of((long) t.priority().rank(), t.updatedAt(), t.id().value());
            case NUMBER -> List.of(t.number());
            case SLA_DUE -> List.of(t.slaSortKey(), t.id().value());
        };
    }

    /** Whether the key column at this position holds a time (else a number). */
    boolean isTime(int position) {
        String column = keyColumns().get(position);
        return column.endsWith("_at");
    }

    /** The value a cursor stores for a key value. */
    static String encode(Object value) {
        return value instanceof Instant instant ? instant.toString() : String.valueOf(value);
    }
}
