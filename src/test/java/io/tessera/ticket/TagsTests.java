package io.tessera.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
