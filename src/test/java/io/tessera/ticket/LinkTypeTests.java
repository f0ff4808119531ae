package io.tessera.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A stored link reads the right way round from either ticket. */
class LinkTypeTests {

    @Test
    void eachStoredKindHasAMeaningFromEitherEnd() {
        assertThat(LinkType.seenFrom(LinkKind.PARENT_OF, true)).isEqualTo(LinkType.CHILD);
        assertThat(LinkType.seenFrom(LinkKind.PARENT_OF, false)).isEqualTo(LinkType.PARENT);
        assertThat(LinkType.seenFrom(LinkKind.FOLLOW_UP_OF, true)).isEqualTo(LinkType.FOLLOWS_UP);
        assertThat(LinkType.seenFrom(LinkKind.FOLLOW_UP_OF, false)).isEqualTo(LinkType.FOLLOW_UP);
        assertThat(LinkType.seenFrom(LinkKind.RELATED, true)).isEqualTo(LinkType.RELATED);
        assertThat(LinkType.seenFrom(LinkKind.RELATED, false)).isEqualTo(LinkType.RELATED);
    }

    @Test
    void typesAreNamedByTheirKeysAndOnlyFollowUpsAreMadeBySystem() {
        assertThat(LinkType.fromKey(" Child ")).isEqualTo(LinkType.CHILD);
        assertThat(LinkType.fromKey("follow-up-of")).isEqualTo(LinkType.FOLLOWS_UP);
        assertThat(LinkType.CHILD.manual()).isTrue();
        assertThat(LinkType.FOLLOW_UP.manual()).isFalse();
        assertThatThrownBy(() -> LinkType.fromKey("sibling")).isInstanceOf(InvalidTicketChange.class)
                .satisfies(e -> assertThat(((InvalidTicketChange) e).field()).isEqualTo("type"));
    }
}
