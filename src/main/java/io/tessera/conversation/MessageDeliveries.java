package io.tessera.conversation;

import java.util.List;
import java.util.Map;

/**
 * Whether the mail a message went out as reached its recipients, for the ticket page: an agent who sent a
 * reply should see, next to it, that the customer never got it. Conversation owns this question but not
 * the answer: the channel that sends mail implements it (nothing in conversation may depend on a channel),
 * and without an implementation the page simply shows no delivery problems.
 */
public interface MessageDeliveries {

    /** The delivery problems of these messages, by message id; messages delivered (or pending normally) are absent. */
    Map<Long, Problem> problems(List<Long> messageIds);

    /**
     * Why a message's mail has not arrived.
     *
     * @param status    how the sender sees it, in words ("failed", "retrying", "suppressed")
     * @param summary   what went wrong, for the agent ("550 5.1.1 user unknown; gave up after 9 attempts")
     * @param adminPath where an admin sees the whole mail and can send it again
     */
    record Problem(String status, String summary, String adminPath) {
    }
}
