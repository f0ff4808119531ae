package io.tessera.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BriefDurationTests {

    @Test
    void roundsUpToTheMinuteAndGrowsUnitsWithTheSpan() {
        assertThat(BriefDuration.of(Duration.ofSeconds(20))).isEqualTo("1 m");
        assertThat(BriefDuration.of(Duration.ofMinutes(45))).isEqualTo("45 m");
        assertThat(BriefDuration.of(Duration.ofMinutes(190))).isEqualTo("3 h 10 m");
        assertThat(BriefDuration.of(Duration.ofHours(5))).isEqualTo("5 h");
        assertThat(BriefDuration.of(Duration.ofHours(50))).isEqualTo("2 d");
        assertThat(BriefDuration.of(Duration.ofMinutes(-90))).as("overdue spans read the same").isEqualTo("1 h 30 m");
    }
}
