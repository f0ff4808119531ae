package io.tessera.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tessera.shared.Actor;
import io.tessera.ticket.LinkKind;
import io.tessera.ticket.LoggedEvent;
import io.tessera.ticket.RelationEvents;
import io.tessera.ticket.TicketEvent;

/** Relation events read the same on both tickets' timelines; typed ticket numbers are forgiving. */
class RelationSentencesTests {

    @Test
    void sentencesNameBothTickets() {
        assertThat(sentence(new RelationEvents.Merged(1, 12, 2, 20))).isEqualTo("merged #12 into #20");
        assertThat(sentence(new RelationEvents.Linked(LinkKind.PARENT_OF, 2, 20, 3, 30))).isEqualTo("made #30 a child of #20");
        assertThat(sentence(new RelationEvents.Linked(LinkKind.RELATED, 2, 20, 3, 30))).isEqualTo("linked #20 and #30 as related");
        assertThat(sentence(new RelationEvents.Linked(LinkKind.FOLLOW_UP_OF, 4, 40, 2, 20)))
                .isEqualTo("wrote to closed #20, which opened follow-up #40");
        assertThat(sentence(new RelationEvents.Unlinked(LinkKind.RELATED, 2, 20, 3, 30)))
                .isEqualTo("removed the link between #20 and #30");
        assertThat(sentence(new RelationEvents.Split(2, 20, 5, 50, 99))).isEqualTo("split a message of #20 into new ticket #50");
        assertThat(sentence(new RelationEvents.FollowerAdded(7, "cc@example.test"))).isEqualTo("added follower cc@example.test");
    }

    @Test
    void ticketNumbersMayBeTypedWithAHash() {
        assertThat(TicketNumbers.parse(" #1042 ")).isEqualTo(1042);
        assertThat(TicketNumbers.parse("17")).isEqualTo(17);
        assertThatThrownBy(() -> TicketNumbers.parse("12a")).hasMessageContaining("not a ticket number");
        assertThatThrownBy(() -> TicketNumbers.parse(" ")).hasMessageContaining("Enter a ticket number");
    }

    private static String sentence(TicketEvent event) {
        return RelationSentences.describe(new LoggedEvent(1, event.type(), Actor.system(), event.payload(), Instant.now()));
    }
}
