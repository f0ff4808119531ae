package io.tessera.conversation.web;

import java.util.Map;

import io.tessera.ticket.LoggedEvent;

/**
 * Timeline sentences for merges, links, splits and followers ({@code RelationEvents}). The same event is
 * in both tickets' logs, so each sentence names both tickets: it reads right on either page.
 */
final class RelationSentences {

    private RelationSentences() {
    }

    /** The sentence for a relation event; any other event type is named as it is stored. */
    static String describe(LoggedEvent event) {
        Map<String, Object> p = event.payload();
        return switch (event.type()) {
            case "merged" -> "merged " + number(p, "source") + " into " + number(p, "target");
            case "linked" -> linked(p);
            case "unlinked" -> "removed the link between " + number(p, "from") + " and " + number(p, "to");
            case "split" -> "split a message of " + number(p, "origin") + " into new ticket " + number(p, "created");
            case "follower_added" -> "added follower " + p.get("email");
            case "follower_removed" -> "removed follower " + p.get("email");
            default -> event.type().replace('_', ' ');
        };
    }

    private static String linked(Map<String, Object> p) {
        String from = number(p, "from");
        String to = number(p, "to");
        return switch (String.valueOf(p.get("kind"))) {
            case "PARENT_OF" -> "made " + to + " a child of " + from;
            case "FOLLOW_UP_OF" -> "wrote to closed " + to + ", which opened follow-up " + from;
            default -> "linked " + from + " and " + to + " as related";
        };
    }

    private static String number(Map<String, Object> p, String role) {
        return "#" + p.get(role + "Number");
    }
}
