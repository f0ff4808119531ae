package io.tessera.automation;

/**
 * A rule asks for agents to be notified in the app ({@link RuleAction.Notify}). The notification module,
 * which builds on this one, records it after the rule's transaction commits (the event publication registry
 * retries it until done); {@code sourceEventId} is the ticket's latest event then, so a retry notifies
 * nobody twice. Flat fields, so the registry can store it as JSON.
 */
public record RuleNotificationRequested(long ticketId, long ruleId, String who, String text, long sourceEventId) {
}
