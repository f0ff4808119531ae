package io.tessera.automation;

/**
 * A rule asks for an email about a ticket ({@link RuleAction.SendEmail}). Published inside the rule's
 * transaction; the email channel, which builds on this module, writes and queues it there, so the mail is
 * sent if and only if the rule's work commits. {@code to} is {@code requester}, {@code assignee},
 * {@code team} or an address; subject and body are templates with the mail placeholders.
 */
public record RuleMailRequested(long ticketId, long ruleId, String to, String subject, String body) {
}
