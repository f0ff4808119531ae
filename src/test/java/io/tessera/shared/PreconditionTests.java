package io.tessera.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** If-Match and version read the same way by every API resource with a version. */
class PreconditionTests {

    @Test
    void noConditionExpectsNothing() {
        assertThat(Precondition.of(null, null).present()).isFalse();
        assertThat(Precondition.of(null, null).expectedVersion("ticket", 7)).isNull();
    }

    @Test
    void aMatchingETagExpectsTheCurrentVersion() {
        assertThat(Precondition.of("\"7\"", null).expectedVersion("ticket", 7)).isEqualTo(7);
        assertThat(Precondition.of(" \"3\" , \"7\"", null).expectedVersion("ticket", 7)).isEqualTo(7);
        assertThat(Precondition.of("*", null).expectedVersion("ticket", 7)).isNull();
        assertThat(Precondition.of("\"7\"", 7).field()).isEqualTo("If-Match");
    }

    @Test
    void aStaleETagFails412AndAStaleVersion409EachNamingWhatWasSent() {
        assertThatThrownBy(() -> Precondition.of("\"6\"", null).expectedVersion("ticket", 7))
                .isInstanceOfSatisfying(PreconditionFailed.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.field()).isEqualTo("If-Match");
                    assertThat(e.getMessage()).contains("\"7\"");
                });
        assertThatThrownBy(() -> Precondition.of("\"abc\"", null).expectedVersion("ticket", 7))
                .isInstanceOf(PreconditionFailed.class);
        assertThatThrownBy(() -> Precondition.of(null, 6).expectedVersion("ticket", 7))
                .isInstanceOfSatisfying(PreconditionFailed.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.field()).isEqualTo("version");
                    assertThat(e.getMessage()).contains("version 7");
                });
    }

    @Test
    void weakMalformedOrDisagreeingConditionsAreRefused() {
        for (String header : new String[] {"W/\"7\"", "7", "\"7", "\"7\" \"8\"", "\"7\",", "", " ", "*, \"7\""}) {
            assertThatThrownBy(() -> Precondition.of(header, null)).as(header)
                    .isInstanceOfSatisfying(InvalidPrecondition.class, e -> assertThat(e.fields()).containsExactly("If-Match"));
        }
        assertThatThrownBy(() -> Precondition.of("\"7\"", 6))
                .isInstanceOfSatisfying(InvalidPrecondition.class,
                        e -> assertThat(e.fields()).containsExactly("If-Match", "version"));
    }
}
