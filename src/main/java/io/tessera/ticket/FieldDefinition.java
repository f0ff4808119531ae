package io.tessera.ticket;

import java.util.List;

/** What an admin types to create or edit a custom field. The key and type are fixed after creation. */
public record FieldDefinition(String key, String label, String description, FieldType type, List<String> options,
                              boolean requiredToSolve, int position) {

    public FieldDefinition {
        options = options == null ? List.of() : options;
    }
}
