package io.tessera.ticket.web;

import java.util.Arrays;
import java.util.List;

import io.tessera.ticket.CustomField;
import io.tessera.ticket.FieldDefinition;
import io.tessera.ticket.FieldType;

/** The create/edit custom field form as typed; options one per line. */
record CustomFieldForm(String key, String label, String description, String type, String options,
                       Boolean requiredToSolve, Integer position) {

    static CustomFieldForm empty() {
        return new CustomFieldForm("", "", "", "TEXT", "", false, 0);
    }

    static CustomFieldForm of(CustomField field) {
        return new CustomFieldForm(field.key(), field.label(), field.description(), field.type().name(),
                String.join("\n", field.options()), field.requiredToSolve(), field.position());
    }

    /** An unticked checkbox posts nothing. */
    public boolean isRequiredToSolve() {
        return Boolean.TRUE.equals(requiredToSolve);
    }

    FieldDefinition definition() {
        List<String> lines = options == null ? List.of() : Arrays.asList(options.split("\\r?\\n"));
        return new FieldDefinition(key, label, description, FieldType.fromKey(type), lines, isRequiredToSolve(),
                position == null ? 0 : position);
    }
}
