package io.tessera.conversation;

import io.tessera.ticket.Channel;

/**
 * A customer's message as a channel received it.
 *
 * @param body        the whole message, quoted history and signature included (they are folded on display)
 * @param format      {@link BodyFormat#HTML} (sanitised on display) or {@link BodyFormat#TEXT}
 * @param visibleText the new text only, for previews, search and notifications; {@code null} when the
 *                    whole body is new text
 * @param channel     where it came from
 * @param closedRule  what a message to a closed ticket does
 */
public record IncomingMessage(String body, BodyFormat format, String visibleText, Channel channel,
                              ClosedTicketRule closedRule) {

    /** What a customer's message to a closed ticket does (the email channel sets it per team). */
    public enum ClosedTicketRule {
        /** A new ticket, linked as a follow-up of the closed one (the default). */
        FOLLOW_UP,
        /** The closed ticket opens again and takes the message. */
        REOPEN
    }

    public IncomingMessage {
        closedRule = closedRule == null ? ClosedTicketRule.FOLLOW_UP : closedRule;
    }
}
