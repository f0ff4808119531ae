package io.tessera.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.Initiator;

/**
 * Admins define custom fields and, per ticket type, the form that shows them. Fields are deactivated, never
 * deleted: tickets keep their values and the history keeps its meaning. Every change is audited.
 */
@Service
@Transactional
public class CustomFieldDefinitions {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,59}");
    private static final String SELECT = "select id, field_key, label, description, field_type, options, required_to_solve, "
            + "active, position from custom_field ";

    private final JdbcClient jdbc;
    private final TicketTypes types;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomFieldDefinitions(JdbcClient jdbc, TicketTypes types, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.types = types;
        this.events = events;
        this.clock = clock;
    }

    /** Every field, active or not, in the admin's order. */
    @Transactional(readOnly = true)
    public List<CustomField> all() {
        return jdbc.sql(SELECT + "order by position, label").query(CustomFieldDefinitions::field).list();
    }

    @Transactional(readOnly = true)
    public Optional<CustomField> find(long id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query(CustomFieldDefinitions::field).optional();
    }

    @Transactional(readOnly = true)
    public Optional<CustomField> findByKey(String key) {
        return jdbc.sql(SELECT + "where field_key = ?").param(key == null ? "" : key.strip())
                .query(CustomFieldDefinitions::field).optional();
    }

    /** The active fields a ticket of this type shows, in the form's order; none for no type. */
    @Transactional(readOnly = true)
    public List<CustomField> formOf(String typeKey) {
        if (typeKey == null || typeKey.isBlank()) {
            return List.of();
        }
        return jdbc.sql("select f.id, f.field_key, f.label, f.description, f.field_type, f.options, f.required_to_solve, "
                        + "f.active, f.position from custom_field f join ticket_form_field ff on ff.field_id = f.id "
                        + "where ff.type_key = ? and f.active = true order by ff.position, f.label")
                .param(typeKey).query(CustomFieldDefinitions::field).list();
    }

    /** The field ids of a type's form in order, including deactivated fields (they come back if reactivated). */
    @Transactional(readOnly = true)
    public List<Long> formFieldIds(String typeKey) {
        return jdbc.sql("select field_id from ticket_form_field where type_key = ? order by position, field_id")
                .param(typeKey).query(Long.class).list();
    }

    public CustomField create(FieldDefinition definition, Initiator by) {
        String key = definition.key() == null ? "" : definition.key().strip().toLowerCase();
        if (!KEY.matcher(key).matches()) {
            throw new InvalidTicketChange("key", "Use a key of lower-case letters, digits and '_', starting with a letter (e.g. order_number).");
        }
        if (findByKey(key).isPresent()) {
            throw new InvalidTicketChange("key", "A field with the key '" + key + "' already exists.");
        }
        if (definition.type() == null) {
            throw new InvalidTicketChange("type", "Choose the kind of field.");
        }
        Checked checked = check(definition, definition.type());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into custom_field (field_key, label, description, field_type, options, required_to_solve, active, "
                        + "position, created_at) values (?, ?, ?, ?, ?, ?, true, ?, ?)")
                .params(key, checked.label(), checked.description(), definition.type().name(), checked.options(),
                        definition.requiredToSolve(), definition.position(), TicketRepository.utc(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit("custom_field.created", id, "Created custom field " + checked.label() + " (" + key + ", "
                + definition.type().label().toLowerCase() + ")", by);
        return find(id).orElseThrow();
    }

    /** Changes label, description, options, "required to solve" and position; key and type stay. */
    public CustomField update(long id, FieldDefinition definition, Initiator by) {
        CustomField field = get(id);
        Checked checked = check(definition, field.type());
        jdbc.sql("update custom_field set label = ?, description = ?, options = ?, required_to_solve = ?, position = ? where id = ?")
                .params(checked.label(), checked.description(), checked.options(), definition.requiredToSolve(),
                        definition.position(), id)
                .update();
        CustomField updated = get(id);
        List<String> changes = new ArrayList<>();
        if (!field.label().equals(updated.label())) {
            changes.add("label " + field.label() + " → " + updated.label());
        }
        if (!field.options().equals(updated.options())) {
            changes.add("options " + String.join(", ", updated.options()));
        }
        if (field.requiredToSolve() != updated.requiredToSolve()) {
            changes.add(updated.requiredToSolve() ? "required to solve" : "no longer required to solve");
        }
        if (!Objects.equals(field.description(), updated.description()) || field.position() != updated.position()) {
            changes.add("description or position");
        }
        if (!changes.isEmpty()) {
            audit("custom_field.updated", id, "Custom field " + updated.label() + ": " + String.join("; ", changes), by);
        }
        return updated;
    }

    /** Deactivated fields disappear from forms and refuse new values; their stored values stay. */
    public void setActive(long id, boolean active, Initiator by) {
        CustomField field = get(id);
        if (field.active() != active) {
            jdbc.sql("update custom_field set active = ? where id = ?").params(active, id).update();
            audit(active ? "custom_field.reactivated" : "custom_field.deactivated", id,
                    (active ? "Reactivated" : "Deactivated") + " custom field " + field.label(), by);
        }
    }

    /** Sets which fields the form of a ticket type shows, in this order. */
    public void setForm(String typeKey, List<Long> fieldIds, Initiator by) {
        TicketTypes.TicketType type = types.all().stream().filter(t -> t.key().equals(typeKey)).findFirst()
                .orElseThrow(() -> new InvalidTicketChange("type", "Unknown ticket type."));
        Set<Long> ids = new LinkedHashSet<>(fieldIds);
        ids.forEach(this::get);
        jdbc.sql("delete from ticket_form_field where type_key = ?").param(typeKey).update();
        int position = 0;
        for (Long id : ids) {
            jdbc.sql("insert into ticket_form_field (type_key, field_id, position) values (?, ?, ?)")
                    .params(typeKey, id, position++).update();
        }
        String names = ids.stream().map(id -> get(id).label()).collect(Collectors.joining(", "));
        events.publishEvent(new TicketConfigurationChanged("ticket_form.updated", "ticket_type", null,
                "Form of " + type.name() + ": " + (names.isEmpty() ? "no fields" : names), by));
    }

    public CustomField get(long id) {
        return find(id).orElseThrow(() -> new InvalidTicketChange("field", "Unknown custom field."));
    }

    private record Checked(String label, String description, String options) {
    }

    private static Checked check(FieldDefinition definition, FieldType type) {
        String label = definition.label() == null ? "" : definition.label().strip();
        if (label.isEmpty() || label.length() > 120) {
            throw new InvalidTicketChange("label", "Give the field a label of at most 120 characters.");
        }
        String description = definition.description() == null || definition.description().isBlank()
                ? null : definition.description().strip();
        if (description != null && description.length() > 500) {
            throw new InvalidTicketChange("description", "Use at most 500 characters.");
        }
        List<String> options = definition.options().stream().map(String::strip).filter(o -> !o.isEmpty()).distinct().toList();
        if (type.hasOptions() && options.isEmpty()) {
            throw new InvalidTicketChange("options", "A " + type.label().toLowerCase() + " needs at least one option, one per line.");
        }
        if (options.stream().anyMatch(o -> o.length() > 100)) {
            throw new InvalidTicketChange("options", "Keep each option to at most 100 characters.");
        }
        String joined = type.hasOptions() ? String.join("\n", options) : null;
        if (joined != null && joined.length() > 4000) {
            throw new InvalidTicketChange("options", "Too many options (at most 4,000 characters in all).");
        }
        return new Checked(label, description, joined);
    }

    private void audit(String action, long id, String summary, Initiator by) {
        events.publishEvent(new TicketConfigurationChanged(action, "custom_field", id, summary, by));
    }

    private static CustomField field(ResultSet rs, int n) throws SQLException {
        String options = rs.getString("options");
        return new CustomField(rs.getLong("id"), rs.getString("field_key"), rs.getString("label"),
                rs.getString("description"), FieldType.valueOf(rs.getString("field_type")),
                options == null ? List.of() : Arrays.asList(options.split("\n")), rs.getBoolean("required_to_solve"),
                rs.getBoolean("active"), rs.getInt("position"));
    }
}
