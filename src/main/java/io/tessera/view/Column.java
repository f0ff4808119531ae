package io.tessera.view;

import java.util.List;
import java.util.Locale;

/** The columns a view can show, in the order they appear. */
public enum Column {
    NUMBER("#"), SUBJECT("Subject"), REQUESTER("Requester"), ORGANIZATION("Organization"), STATUS("Status"),
    PRIORITY("Priority"), SLA("Next SLA"), TYPE("Type"), TEAM("Team"), ASSIGNEE("Assignee"), TAGS("Tags"), CHANNEL("Channel"),
    CREATED("Created (UTC)"), UPDATED("Updated (UTC)");

    public static final List<Column> DEFAULT = List.of(NUMBER, SUBJECT, REQUESTER, STATUS, PRIORITY, SLA, TEAM, ASSIGNEE,
            UPDATED);

    private final String label;

    Column(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Column fromKey(String key) {
        for (Column column : values()) {
            if (column.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return column;
            }
        }
        throw new InvalidView("columns", "Unknown column '" + key + "'.");
    }
}
