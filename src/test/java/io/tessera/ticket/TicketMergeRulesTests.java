package io.tessera.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tessera.shared.CustomerId;
import io.tessera.shared.TicketId;

/** The aggregate's merge rules: a merge closes the source from any status; closed or merged tickets take no part. */
class TicketMergeRulesTests {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void aMergedTicketIsClosedAndPointsAtTheTargetWhateverItsStatus() {
        Ticket source = ticket(1, 100, TicketStatus.PENDING, null);
        Ticket target = ticket(2, 200, TicketStatus.OPEN, null);

        target.absorb(source.ref(), NOW);
        source.closeAsMerged(target.ref(), NOW);

        assertThat(source.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(source.closedAt()).isEqualTo(NOW);
        assertThat(source.mergedInto()).isEqualTo(target.id());
        assertThat(source.recorded()).extracting(r -> r.event().type()).containsExactly("status_changed", "merged");
        assertThat(target.recorded()).extracting(r -> r.event().payload())
                .containsExactly(new RelationEvents.Merged(1, 100, 2, 200).payload());
        assertThat(source.recorded().get(1).event()).isEqualTo(new RelationEvents.Merged(1, 100, 2, 200));
    }

    @Test
    void closedOrMergedTicketsCannotBeMergedOrMergedInto() {
        Ticket closed = ticket(3, 300, TicketStatus.CLOSED, null);
        Ticket merged = ticket(4, 400, TicketStatus.CLOSED, TicketId.of(9));
        Ticket open = ticket(5, 500, TicketStatus.NEW, null);

        assertThatThrownBy(() -> closed.absorb(open.ref(), NOW)).isInstanceOf(InvalidTicketChange.class)
                .hasMessageContaining("#300 is closed");
        assertThatThrownBy(() -> merged.absorb(open.ref(), NOW)).hasMessageContaining("#400 was merged into another ticket");
        assertThatThrownBy(() -> closed.closeAsMerged(open.ref(), NOW)).hasMessageContaining("closed tickets cannot be merged");
        assertThatThrownBy(() -> merged.closeAsMerged(open.ref(), NOW)).hasMessageContaining("already merged");
        assertThat(open.recorded()).isEmpty();
    }

    private static Ticket ticket(long id, long number, TicketStatus status, TicketId mergedInto) {
        return new Ticket(TicketId.of(id), number, "Subject", status, null, Priority.NORMAL, "question", Channel.EMAIL,
                CustomerId.of(1), null, null, null, Set.of(), NOW, NOW, null, null, null, mergedInto, 0);
    }
}
