package io.tessera.channel.settings;

import io.tessera.shared.TeamId;

/**
 * A team's email rules (docs/email.md, "Threading").
 *
 * @param team             the team
 * @param supportAddress   the address its mail is sent from; {@code null} for the install's default
 * @param closedReplyRule  what a customer's reply to a closed ticket does
 * @param closedReplyDays  for {@link ClosedReplyRule#FOLLOW_UP_AFTER_DAYS}: how long after closing a reply
 *                         still reopens the ticket
 * @param newSubjectSplits whether a reply in an old thread under a new subject starts a new ticket
 */
public record TeamMailSettings(TeamId team, String supportAddress, ClosedReplyRule closedReplyRule,
                               int closedReplyDays, boolean newSubjectSplits) {

    /** What a customer's reply to a closed ticket does. */
    public enum ClosedReplyRule {
        /** The ticket opens again. */
        REOPEN,
        /** A new ticket, linked as a follow-up of the closed one (the default: closed is final). */
        FOLLOW_UP,
        /** Reopen within {@code closedReplyDays} of closing, a linked follow-up after. */
        FOLLOW_UP_AFTER_DAYS
    }

    public TeamMailSettings {
        closedReplyRule = closedReplyRule == null ? ClosedReplyRule.FOLLOW_UP : closedReplyRule;
        closedReplyDays = Math.max(0, closedReplyDays);
        supportAddress = supportAddress == null || supportAddress.isBlank() ? null : supportAddress.strip();
    }

    /** The rules of a team nobody configured, and of mail that reaches no team. */
    public static TeamMailSettings defaults(TeamId team) {
        return new TeamMailSettings(team, null, ClosedReplyRule.FOLLOW_UP, 7, false);
    }
}
