package io.tessera.ticket;

/** The kinds of custom field. A field's type is fixed when it is created: stored values depend on it. */
public enum FieldType {
    TEXT("Text"), MULTILINE("Multi-line text"), NUMBER("Number (whole)"), DECIMAL("Decimal"), DATE("Date"),
    CHECKBOX("Checkbox"), DROPDOWN("Drop-down"), MULTISELECT("Multi-select");

    private final String label;

    FieldType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Drop-downs and multi-selects choose from the field's options. */
    public boolean hasOptions() {
        return this == DROPDOWN || this == MULTISELECT;
    }

    /** The API's and forms' name: {@code text}, {@code multiline}, {@code dropdown}, … */
    public String key() {
        return name().toLowerCase();
    }

    public static FieldType fromKey(String key) {
        for (FieldType type : values()) {
            if (type.name().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return type;
            }
        }
        throw new InvalidTicketChange("type", "Choose the kind of field.");
    }
}
