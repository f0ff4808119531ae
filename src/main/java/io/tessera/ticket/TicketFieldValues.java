package io.tessera.ticket;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.tessera.shared.TicketId;

/**
 * Reads and writes {@code ticket_field_value} (layout in V6 and docs/custom-fields.md): one row per ticket
 * and field, one per chosen option for a multi-select, no row for an empty value or an unticked checkbox.
 * Lists read the values of a whole page in one query per 500 tickets.
 */
@Repository
class TicketFieldValues {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;

    TicketFieldValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored row. */
    record Row(long ticketId, long fieldId, String key, String text, BigDecimal number, LocalDate date) {
    }

    /** The rows of these tickets, by ticket id then field id. */
    Map<Long, Map<Long, List<Row>>> rows(Collection<TicketId> tickets) {
        Map<Long, Map<Long, List<Row>>> byTicket = new HashMap<>();
        List<Long> ids = tickets.stream().map(TicketId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            jdbc.sql("select ticket_id, field_id, value_key, text_value, number_value, date_value "
                            + "from ticket_field_value where ticket_id in (:ids)")
                    .param("ids", batch)
                    .query((rs, n) -> new Row(rs.getLong("ticket_id"), rs.getLong("field_id"), rs.getString("value_key"),
                            rs.getString("text_value"), rs.getBigDecimal("number_value"),
                            rs.getObject("date_value", LocalDate.class)))
                    .list()
                    .forEach(row -> byTicket.computeIfAbsent(row.ticketId(), k -> new HashMap<>())
                            .computeIfAbsent(row.fieldId(), k -> new ArrayList<>()).add(row));
        }
        return byTicket;
    }

    /** The value a field's rows stand for (see {@link CustomField} for the Java types). */
    static Object value(CustomField field, List<Row> rows) {
        if (rows == null || rows.isEmpty()) {
            return field.type() == FieldType.CHECKBOX ? Boolean.FALSE : null;
        }
        Row row = rows.get(0);
        return switch (field.type()) {
            case TEXT, MULTILINE, DROPDOWN -> row.text();
            case NUMBER -> row.number() == null ? null : row.number().longValue();
            case DECIMAL -> row.number() == null ? null : new BigDecimal(CustomField.plain(row.number()));
            case DATE -> row.date();
            case CHECKBOX -> Boolean.TRUE;
            case MULTISELECT -> {
                List<String> chosen = rows.stream().map(Row::text).toList();
                List<String> ordered = new ArrayList<>(field.options().stream().filter(chosen::contains).toList());
                // An option removed from the field since it was chosen is still shown, last.
                chosen.stream().filter(c -> !ordered.contains(c)).sorted().forEach(ordered::add);
                yield ordered;
            }
        };
    }

    /** Replaces the stored value of one field of one ticket ({@code null}: no value). */
    void write(TicketId ticket, CustomField field, Object value) {
        jdbc.sql("delete from ticket_field_value where ticket_id = ? and field_id = ?")
                .params(ticket.value(), field.id()).update();
        for (Object[] row : rowsFor(field, value)) {
            jdbc.sql("insert into ticket_field_value (ticket_id, field_id, value_key, text_value, number_value, date_value) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(ticket.value(), field.id(), row[0], row[1], row[2], row[3]).update();
        }
    }

    /** The comparable key filters use for a value: what {@code value_key} holds. */
    static String key(FieldType type, Object value) {
        if (value instanceof BigDecimal d) {
            return CustomField.plain(d);
        }
        if (type == FieldType.TEXT || type == FieldType.MULTILINE) {
            String lower = value.toString().toLowerCase(Locale.ROOT);
            return lower.length() > 255 ? lower.substring(0, 255) : lower;
        }
        return value.toString();
    }

    private static List<Object[]> rowsFor(CustomField field, Object value) {
        List<Object[]> rows = new ArrayList<>();
        if (!field.isFilled(value)) {
            return rows;
        }
        switch (field.type()) {
            case TEXT, MULTILINE, DROPDOWN -> rows.add(new Object[] {key(field.type(), value), value, null, null});
            case NUMBER -> rows.add(new Object[] {value.toString(), null, BigDecimal.valueOf((Long) value), null});
            case DECIMAL -> rows.add(new Object[] {key(field.type(), value), null, value, null});
            case DATE -> rows.add(new Object[] {value.toString(), null, null, value});
            case CHECKBOX -> rows.add(new Object[] {"true", null, null, null});
            case MULTISELECT -> ((List<?>) value).forEach(o -> rows.add(new Object[] {o.toString(), o, null, null}));
        }
        return rows;
    }
}
