package io.tessera.conversation;

import io.tessera.shared.TicketId;

/**
 * What happened to one source ticket of a merge: merged, or refused with the reason a person can read
 * ("#12 is closed; closed tickets cannot be merged."). {@code number} is null only for a ticket that does
 * not exist.
 */
public record MergeResult(TicketId source, Long number, boolean merged, String reason) {

    static MergeResult merged(TicketId source, long number) {
        return new MergeResult(source, number, true, null);
    }

    static MergeResult refused(TicketId source, Long number, String reason) {
        return new MergeResult(source, number, false, reason);
    }

    /** {@code merged} or {@code refused}, as the API says it. */
    public String outcome() {
        return merged ? "merged" : "refused";
    }
}
