package io.tessera.ticket;

/** Where a ticket or message came from. */
public enum Channel {
    EMAIL("Email"), WEB("Web form"), CHAT("Chat"), PHONE("Phone"), API("API"), SOCIAL("Social");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The API's name: lower case. */
    public String key() {
        return name().toLowerCase();
    }

    public static Channel fromKey(String key) {
        for (Channel value : values()) {
            if (value.name().equalsIgnoreCase(key)) {
                return value;
            }
        }
        throw new InvalidTicketChange("channel", "Unknown channel '" + key + "'.");
    }
}
