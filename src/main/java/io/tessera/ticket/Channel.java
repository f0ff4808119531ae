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
}
