package io.tessera.channel.mailbox;

/** What the admin screen's status column says about a mailbox. */
public enum MailboxStatus {
    OK("OK"),
    ERROR("Error"),
    NEVER_POLLED("Never polled"),
    DISABLED("Disabled");

    private final String label;

    MailboxStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
