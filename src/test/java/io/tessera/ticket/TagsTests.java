package io.tessera.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TagsTests {

    @Test
    void aTagFieldSplitsOnSpacesAndCommasAndNormalises() {
        assertThat(Tags.parse(" Billing, vip  refund,,")).containsExactly("billing", "vip", "refund");
        assertThat(Tags.parse("   ")).isEmpty();
        assertThat(Tags.parse(null)).isEmpty();
    }

    @Test
    void somethingThatIsNotATagIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Tags.parse("ok <script>"))
                .isInstanceOf(InvalidTicketChange.class)
                .satisfies(e -> assertThat(((InvalidTicketChange) e).field()).isEqualTo("tags"));
    }

    @Test
    void aTicketGrowsToFiftyTagsAndNoFurther() {
        Ticket ticket = withTags(49);
        ticket.retag(Set.of("fifty"), Set.of(), Instant.EPOCH);
        assertThat(ticket.tags()).hasSize(50);

        assertThatThrownBy(() -> ticket.retag(Set.of("fifty-one"), Set.of(), Instant.EPOCH))
                .isInstanceOfSatisfying(InvalidTicketChange.class, e -> assertThat(e.field()).isEqualTo("tags"));
        assertThat(ticket.tags()).hasSize(50);
        ticket.retag(Set.of("swapped"), Set.of("fifty"), Instant.EPOCH);
        assertThat(ticket.tags()).hasSize(50).contains("swapped");
    }

    /** A ticket tagged before the limit existed keeps working: it can lose tags, and keep them, not gain any. */
    @Test
    void aTicketOverTheCapCanLoseTagsButNotGainThem() {
        Ticket ticket = withTags(80);
        Set<String> all = new HashSet<>(ticket.tags());

        ticket.retag(all, Set.of(), Instant.EPOCH);
        ticket.retag(Set.of(), Set.of("t0", "t1"), Instant.EPOCH);
        assertThat(ticket.tags()).hasSize(78);
        assertThatThrownBy(() -> ticket.retag(Set.of("more"), Set.of("t2"), Instant.EPOCH))
                .isInstanceOf(InvalidTicketChange.class);
    }

    private static Ticket withTags(int count) {
        Set<String> tags = IntStream.range(0, count).mapToObj(i -> "t" + i).collect(Collectors.toSet());
        return TicketFixtures.ticket(1, TicketStatus.OPEN, Priority.NORMAL, null, Channel.EMAIL, 1, null, null, null,
                tags, Instant.EPOCH, Instant.EPOCH, null);
    }
}
