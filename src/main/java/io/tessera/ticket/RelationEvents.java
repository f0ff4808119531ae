package io.tessera.ticket;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events of a ticket's relations to other tickets and customers: merges, links, splits, followers. Each
 * is appended to the log of every ticket it concerns, with the same payload on both, so either ticket's
 * history tells the whole story. Ticket numbers are stored next to ids: numbers never change, and the
 * timeline can name "#1042" without a lookup.
 */
public final class RelationEvents {

    private RelationEvents() {
    }

    /** Ticket {@code source} was merged into ticket {@code target}. */
    public record Merged(long sourceId, long sourceNumber, long targetId, long targetNumber) implements TicketEvent {
        public String type() {
            return "merged";
        }

        public Map<String, Object> payload() {
            return pair("source", sourceId, sourceNumber, "target", targetId, targetNumber);
        }
    }

    /** A link as stored ({@code from} → {@code to}, {@code kind}: RELATED, PARENT_OF, FOLLOW_UP_OF). */
    public record Linked(LinkKind kind, long fromId, long fromNumber, long toId, long toNumber) implements TicketEvent {
        public String type() {
            return "linked";
        }

        public Map<String, Object> payload() {
            Map<String, Object> values = pair("from", fromId, fromNumber, "to", toId, toNumber);
            values.put("kind", kind.name());
            return values;
        }
    }

    public record Unlinked(LinkKind kind, long fromId, long fromNumber, long toId, long toNumber) implements TicketEvent {
        public String type() {
            return "unlinked";
        }

        public Map<String, Object> payload() {
            Map<String, Object> values = pair("from", fromId, fromNumber, "to", toId, toNumber);
            values.put("kind", kind.name());
            return values;
        }
    }

    /** A customer message of ticket {@code origin} became the first message of the new ticket {@code created}. */
    public record Split(long originId, long originNumber, long createdId, long createdNumber, long messageId)
            implements TicketEvent {
        public String type() {
            return "split";
        }

        public Map<String, Object> payload() {
            Map<String, Object> values = pair("origin", originId, originNumber, "created", createdId, createdNumber);
            values.put("messageId", messageId);
            return values;
        }
    }

    /**
     * A customer started following the ticket. The address is kept as it was at the time: the audit trail
     * says whom the agent copied, even if the customer's address changes later.
     */
    public record FollowerAdded(long customerId, String email) implements TicketEvent {
        public String type() {
            return "follower_added";
        }

        public Map<String, Object> payload() {
            return Map.of("customerId", customerId, "email", email);
        }
    }

    public record FollowerRemoved(long customerId, String email) implements TicketEvent {
        public String type() {
            return "follower_removed";
        }

        public Map<String, Object> payload() {
            return Map.of("customerId", customerId, "email", email);
        }
    }

    private static Map<String, Object> pair(String a, long aId, long aNumber, String b, long bId, long bNumber) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(a + "Id", aId);
        values.put(a + "Number", aNumber);
        values.put(b + "Id", bId);
        values.put(b + "Number", bNumber);
        return values;
    }
}
