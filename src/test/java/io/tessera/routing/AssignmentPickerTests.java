package io.tessera.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tessera.routing.Availability.Status;
import io.tessera.routing.AssignmentPicker.Candidate;
import io.tessera.routing.AssignmentPicker.Pick;
import io.tessera.shared.AgentId;

/** Every rule of the choice, without a database. */
class AssignmentPickerTests {

    static final Instant NOON_UTC = Instant.parse("2026-03-10T12:00:00Z");

    static Candidate agent(long id, int load) {
        return new Candidate(AgentId.of(id), Availability.DEFAULT, load, Set.of());
    }

    static Candidate agent(long id, int load, Availability availability) {
        return new Candidate(AgentId.of(id), availability, load, Set.of());
    }

    static Candidate skilled(long id, int load, String... skills) {
        return new Candidate(AgentId.of(id), Availability.DEFAULT, load, Set.of(skills));
    }

    static Optional<Long> pick(Strategy strategy, List<Candidate> members, Long last) {
        return pick(strategy, members, last, Set.of(), null);
    }

    static Optional<Long> pick(Strategy strategy, List<Candidate> members, Long last, Set<String> skills, Long previous) {
        return AssignmentPicker.pick(strategy, members, last == null ? null : AgentId.of(last), skills,
                previous == null ? null : AgentId.of(previous), NOON_UTC).map(p -> p.agent().value());
    }

    @Test
    void manualPicksNobodyEvenForAFollowUp() {
        assertThat(pick(Strategy.MANUAL, List.of(agent(1, 0)), null, Set.of(), 1L)).isEmpty();
    }

    @Test
    void roundRobinTakesTheNextMemberAfterTheLastInIdOrderAndWrapsAround() {
        List<Candidate> team = List.of(agent(30, 0), agent(10, 5), agent(20, 9));

        assertThat(pick(Strategy.ROUND_ROBIN, team, null)).contains(10L);
        assertThat(pick(Strategy.ROUND_ROBIN, team, 10L)).contains(20L);
        assertThat(pick(Strategy.ROUND_ROBIN, team, 20L)).contains(30L);
        assertThat(pick(Strategy.ROUND_ROBIN, team, 30L)).contains(10L);
        assertThat(pick(Strategy.ROUND_ROBIN, team, 25L)).as("the last one left the team").contains(30L);
    }

    @Test
    void roundRobinSkipsWhoIsAwayOfflineOrFull() {
        List<Candidate> team = List.of(agent(1, 0), agent(2, 0, Availability.DEFAULT.withStatus(Status.AWAY)),
                agent(3, 0, Availability.DEFAULT.withStatus(Status.OFFLINE)), agent(4, 2, new Availability(Status.ONLINE, 2, null)),
                agent(5, 1, new Availability(Status.ONLINE, 2, null)));

        assertThat(pick(Strategy.ROUND_ROBIN, team, 1L)).contains(5L);
    }

    @Test
    void leastLoadedTakesTheFewestUnsolvedTicketsAndBreaksTiesInTurn() {
        List<Candidate> team = List.of(agent(1, 4), agent(2, 1), agent(3, 1), agent(4, 2));

        assertThat(pick(Strategy.LEAST_LOADED, team, null)).contains(2L);
        assertThat(pick(Strategy.LEAST_LOADED, team, 2L)).as("a tie goes to the next in turn").contains(3L);
        assertThat(pick(Strategy.LEAST_LOADED, team, 3L)).as("and wraps around").contains(2L);
    }

    @Test
    void capacityIsTheCountOfUnsolvedTicketsAndZeroMeansNone() {
        Availability capOne = new Availability(Status.ONLINE, 1, null);
        Availability capZero = new Availability(Status.ONLINE, 0, null);

        assertThat(pick(Strategy.LEAST_LOADED, List.of(agent(1, 1, capOne), agent(2, 5)), null)).contains(2L);
        assertThat(pick(Strategy.LEAST_LOADED, List.of(agent(1, 0, capOne)), null)).contains(1L);
        assertThat(pick(Strategy.LEAST_LOADED, List.of(agent(1, 1, capOne)), null)).isEmpty();
        assertThat(pick(Strategy.ROUND_ROBIN, List.of(agent(1, 0, capZero)), null)).isEmpty();
    }

    @Test
    void skillsKeepOnlyAgentsCoveringEverySkillThenTheLeastLoaded() {
        List<Candidate> team = List.of(skilled(1, 0, "billing"), skilled(2, 3, "billing", "lang:de"),
                skilled(3, 1, "billing", "lang:de", "vip"), skilled(4, 0, "lang:de"));

        assertThat(pick(Strategy.SKILLS, team, null, Set.of("billing", "lang:de"), null)).contains(3L);
        assertThat(pick(Strategy.SKILLS, team, null, Set.of("lang:fr"), null)).isEmpty();
        assertThat(pick(Strategy.SKILLS, team, null, Set.of(), null)).as("no requirement: least loaded, in turn")
                .contains(1L);
        assertThat(pick(Strategy.LEAST_LOADED, team, null, Set.of("lang:fr"), null))
                .as("other strategies ignore skills").contains(1L);
    }

    @Test
    void aFollowUpGoesBackToThePreviousAssigneeWhenTheyCanTakeIt() {
        Availability full = new Availability(Status.ONLINE, 2, null);
        List<Candidate> team = List.of(agent(1, 0), agent(2, 7), agent(3, 2, full),
                agent(4, 0, Availability.DEFAULT.withStatus(Status.AWAY)));

        Optional<Pick> again = AssignmentPicker.pick(Strategy.LEAST_LOADED, team, null, Set.of(), AgentId.of(2), NOON_UTC);
        assertThat(again).contains(new Pick(AgentId.of(2), true));
        assertThat(pick(Strategy.ROUND_ROBIN, team, 1L, Set.of(), 2L)).contains(2L);
        assertThat(pick(Strategy.LEAST_LOADED, team, null, Set.of(), 3L)).as("at capacity").contains(1L);
        assertThat(pick(Strategy.LEAST_LOADED, team, null, Set.of(), 4L)).as("away").contains(1L);
        assertThat(pick(Strategy.LEAST_LOADED, team, null, Set.of(), 99L)).as("not a member").contains(1L);
        Optional<Pick> fresh = AssignmentPicker.pick(Strategy.LEAST_LOADED, team, null, Set.of(), AgentId.of(4), NOON_UTC);
        assertThat(fresh).contains(new Pick(AgentId.of(1), false));
    }

    @Test
    void shiftsCountInTheAgentsZone() {
        // 12:00 UTC on 10 March is 13:00 in Berlin and 08:00 in New York (on summer time since 8 March).
        Availability berlinDay = new Availability(Status.ONLINE, null,
                new Shift(LocalTime.of(9, 0), LocalTime.of(17, 0), ZoneId.of("Europe/Berlin")));
        Availability newYorkDay = new Availability(Status.ONLINE, null,
                new Shift(LocalTime.of(9, 0), LocalTime.of(17, 0), ZoneId.of("America/New_York")));

        assertThat(pick(Strategy.ROUND_ROBIN, List.of(agent(1, 0, newYorkDay), agent(2, 0, berlinDay)), null)).contains(2L);
        assertThat(pick(Strategy.ROUND_ROBIN, List.of(agent(1, 0, newYorkDay)), null)).isEmpty();
    }

    @Test
    void nobodyInTheTeamMeansNobodyPicked() {
        assertThat(pick(Strategy.LEAST_LOADED, List.of(), null)).isEmpty();
        assertThat(pick(Strategy.SKILLS, List.of(), null, Set.of(), 1L)).isEmpty();
    }
}
