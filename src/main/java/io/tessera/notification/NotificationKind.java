package io.tessera.notification;

/** Why an agent is notified. */
public enum NotificationKind {
    /** Someone wrote {@code @you} in a note or reply. */
    MENTIONED,
    /** Someone else assigned a ticket to you. */
    ASSIGNED,
    /** A trigger or automation asks for your attention ("notify" action, docs/rules.md). */
    RULE;

    /** The name in the API ({@code mentioned}, {@code assigned}). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
