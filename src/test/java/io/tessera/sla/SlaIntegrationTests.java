package io.tessera.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.automation.ActionRow;
import io.tessera.automation.Trigger;
import io.tessera.automation.TriggerDraft;
import io.tessera.automation.Triggers;
import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.AtOnce;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketEventLog;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketQueries;
import io.tessera.ticket.TicketStatus;
import io.tessera.view.ConditionRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * SLA clocks on real tickets with a controllable clock: started by the matching policy, paused while
 * pending and moved on resume, achieved by the agent's reply, recalculated on a priority change, warnings
 * and breaches recorded once (also with two scanners at once), triggers acting on a breach, and the API.
 * Every policy here is limited to this test's own team, so other tests' tickets get no clocks.
 */
@IntegrationTest
class SlaIntegrationTests {

    @LocalServerPort int port;
    @Autowired SlaPolicies policies;
    @Autowired BusinessCalendars calendars;
    @Autowired SlaClocks clocks;
    @Autowired Triggers triggers;
    @Autowired Conversations conversations;
    @Autowired TicketManagement tickets;
    @Autowired TicketQueries queries;
    @Autowired TicketEventLog log;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;
    @Autowired MutableClock clock;
    @Autowired ObjectMapper json;

    Team team;
    Agent agent;
    Agent admin;
    CustomerId customer;
    final List<Long> createdPolicies = new ArrayList<>();
    final List<Long> createdTriggers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        team = teams.create("SLA " + UUID.randomUUID().toString().substring(0, 8), null, Set.of(), Initiator.system());
        agent = agents.get(Agents.create(agents, Role.AGENT, Set.of(team.id())).id());
        admin = agents.get(Agents.create(agents, Role.ADMIN, Set.of(team.id())).id());
        String id = UUID.randomUUID().toString().substring(0, 8);
        customer = customers.create("Customer " + id, "c-" + id + "@example.test", null, null);
    }

    @AfterEach
    void cleanUp() {
        createdTriggers.forEach(id -> triggers.delete(id, Initiator.system()));
        createdPolicies.forEach(id -> policies.delete(id, Initiator.system()));
    }

    /** A calendar-time policy for this team: urgent 1 h / 4 h, normal 4 h / 24 h, next response 2 h, warning 30 min. */
    SlaPolicy policy() {
        SlaPolicy policy = policies.create(new SlaPolicyDraft("Standard " + team.name(), null, true,
                List.of(new ConditionRow("team", "is", List.of(String.valueOf(team.id().value())))), List.of(), null, 30,
                List.of(new SlaPolicyDraft.TargetRow("urgent", "first_response", 60, false),
                        new SlaPolicyDraft.TargetRow("urgent", "resolution", 240, false),
                        new SlaPolicyDraft.TargetRow("normal", "first_response", 240, false),
                        new SlaPolicyDraft.TargetRow("normal", "next_response", 120, false),
                        new SlaPolicyDraft.TargetRow("normal", "resolution", 1440, false))),
                Initiator.system());
        createdPolicies.add(policy.id());
        return policy;
    }

    Ticket open(Priority priority) {
        return conversations.open(new NewTicket("Cannot log in", customer, Channel.WEB, priority, null, team.id(), null,
                Set.of(), null), "Please help", BodyFormat.TEXT, Actor.customer(customer.value()), null);
    }

    TicketSla.Target target(Ticket ticket, SlaMetric metric) {
        return clocks.of(ticket.id()).orElseThrow().targets().get(metric);
    }

    long events(Ticket ticket, String type) {
        return log.history(ticket.id()).stream().filter(e -> e.type().equals(type)).count();
    }

    @Test
    void aMatchingPolicyStartsTheClocksForTheTicketsPriorityAndTheListsKnowTheNextDeadline() {
        SlaPolicy policy = policy();
        Ticket ticket = open(Priority.NORMAL);

        TicketSla sla = clocks.of(ticket.id()).orElseThrow();
        assertThat(sla.policy()).isEqualTo(policy.name());
        assertThat(sla.targets()).containsOnlyKeys(SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION);
        assertThat(sla.targets().get(SlaMetric.FIRST_RESPONSE).dueAt()).isEqualTo(ticket.createdAt().plus(Duration.ofHours(4)));
        assertThat(sla.targets().get(SlaMetric.RESOLUTION).dueAt()).isEqualTo(ticket.createdAt().plus(Duration.ofHours(24)));
        assertThat(queries.afterOwnChange(ticket.id()).slaDueAt()).isEqualTo(ticket.createdAt().plus(Duration.ofHours(4)));

        // Another team's ticket: no policy, no clocks.
        Ticket elsewhere = conversations.open(new NewTicket("Other", customer, Channel.WEB, Priority.NORMAL, null, null, null,
                Set.of(), null), "Hello", BodyFormat.TEXT, Actor.customer(customer.value()), null);
        assertThat(clocks.of(elsewhere.id())).isEmpty();
        assertThat(queries.afterOwnChange(elsewhere.id()).slaDueAt()).isNull();
    }

    @Test
    void pendingPausesTheClocksAndResumingMovesTheDeadlinesByThePause() {
        policy();
        Ticket ticket = open(Priority.NORMAL);
        Instant due = target(ticket, SlaMetric.RESOLUTION).dueAt();

        clock.advance(Duration.ofMinutes(30));
        tickets.update(ticket.id(), null, List.of(new TicketChange.SetStatus(TicketStatus.PENDING)), Actor.agent(agent.id()));
        TicketSla.Target paused = target(ticket, SlaMetric.RESOLUTION);
        assertThat(paused.paused()).isTrue();
        assertThat(paused.dueAt()).isNull();
        assertThat(queries.afterOwnChange(ticket.id()).slaDueAt()).as("no running clock").isNull();

        clock.advance(Duration.ofHours(3));
        tickets.update(ticket.id(), null, List.of(new TicketChange.SetStatus(TicketStatus.OPEN)), Actor.agent(agent.id()));
        TicketSla.Target resumed = target(ticket, SlaMetric.RESOLUTION);
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.dueAt()).isEqualTo(due.plus(Duration.ofHours(3)));
        assertThat(target(ticket, SlaMetric.FIRST_RESPONSE).dueAt())
                .isEqualTo(ticket.createdAt().plus(Duration.ofHours(4)).plus(Duration.ofHours(3)));
    }

    @Test
    void theAgentsReplyAchievesFirstResponseAndTheCustomersNextMessageStartsNextResponse() {
        policy();
        Ticket ticket = open(Priority.NORMAL);

        clock.advance(Duration.ofMinutes(20));
        conversations.agentWrote(ticket.id(), null, Actor.agent(agent.id()), "Looking into it", false, List.of());
        TicketSla.Target first = target(ticket, SlaMetric.FIRST_RESPONSE);
        assertThat(first.achieved()).isTrue();
        assertThat(first.breached()).isFalse();
        assertThat(target(ticket, SlaMetric.NEXT_RESPONSE)).isNull();

        clock.advance(Duration.ofMinutes(10));
        Instant asked = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as the database keeps it
        conversations.customerWrote(ticket.id(), Actor.customer(customer.value()), "Still broken", BodyFormat.TEXT, Channel.WEB);
        assertThat(target(ticket, SlaMetric.NEXT_RESPONSE).dueAt()).isEqualTo(asked.plus(Duration.ofHours(2)));

        clock.advance(Duration.ofMinutes(15));
        conversations.agentWrote(ticket.id(), null, Actor.agent(agent.id()), "Fixed now", false, List.of());
        assertThat(target(ticket, SlaMetric.NEXT_RESPONSE).achieved()).isTrue();

        tickets.update(ticket.id(), null, List.of(new TicketChange.SetStatus(TicketStatus.SOLVED)), Actor.agent(agent.id()));
        assertThat(target(ticket, SlaMetric.RESOLUTION).achieved()).isTrue();
        assertThat(queries.afterOwnChange(ticket.id()).slaDueAt()).isNull();
    }

    @Test
    void aPriorityChangeRecalculatesTheDeadlinesKeepingTheTimeUsed() {
        policy();
        Ticket ticket = open(Priority.NORMAL);

        clock.advance(Duration.ofMinutes(30));
        tickets.update(ticket.id(), null, List.of(new TicketChange.SetPriority(Priority.URGENT)), Actor.agent(agent.id()));

        assertThat(target(ticket, SlaMetric.FIRST_RESPONSE).dueAt()).isEqualTo(ticket.createdAt().plus(Duration.ofHours(1)));
        assertThat(target(ticket, SlaMetric.RESOLUTION).dueAt()).isEqualTo(ticket.createdAt().plus(Duration.ofHours(4)));
        assertThat(target(ticket, SlaMetric.FIRST_RESPONSE).targetMinutes()).isEqualTo(60);
    }

    @Test
    void warningsAndBreachesAreRecordedOnceEachAndTriggersActOnTheBreach() {
        policy();
        Trigger escalate = triggers.create(new TriggerDraft("Escalate breaches " + team.name(), null, true,
                List.of("sla_breached"), List.of(new ConditionRow("team", "is", List.of(String.valueOf(team.id().value())))),
                List.of(), List.of(new ActionRow("add_tags", List.of("sla-breached")), new ActionRow("set_priority",
                        List.of("high")))), Initiator.system());
        createdTriggers.add(escalate.id());
        Ticket ticket = open(Priority.URGENT);

        clock.advance(Duration.ofMinutes(31));
        clocks.scanNow();
        clocks.scanNow();
        assertThat(events(ticket, "sla_warning")).as("first response warned once").isEqualTo(1);
        assertThat(target(ticket, SlaMetric.FIRST_RESPONSE).breached()).isFalse();
        assertThat(tickets.get(ticket.id()).tags()).doesNotContain("sla-breached");

        clock.advance(Duration.ofMinutes(30));
        clocks.scanNow();
        clocks.scanNow();
        assertThat(events(ticket, "sla_breached")).as("first response breached once").isEqualTo(1);
        TicketSla.Target first = target(ticket, SlaMetric.FIRST_RESPONSE);
        assertThat(first.breached()).isTrue();
        assertThat(first.breachedAt()).isEqualTo(ticket.createdAt().plus(Duration.ofHours(1)));
        Ticket escalated = tickets.get(ticket.id());
        assertThat(escalated.tags()).contains("sla-breached");
        assertThat(escalated.priority()).isEqualTo(Priority.HIGH);
        // The trigger lowered the priority to high, which has no target in this policy: the unfinished
        // resolution clock goes, the breached first-response clock stays for the reports.
        assertThat(clocks.of(ticket.id()).orElseThrow().targets()).containsOnlyKeys(SlaMetric.FIRST_RESPONSE);

        // A late reply still achieves it: breached and achieved, as reports count it.
        conversations.agentWrote(ticket.id(), null, Actor.agent(agent.id()), "Sorry for the wait", false, List.of());
        assertThat(target(ticket, SlaMetric.FIRST_RESPONSE).achieved()).isTrue();
        assertThat(target(ticket, SlaMetric.FIRST_RESPONSE).breached()).isTrue();
    }

    @Test
    void twoScannersAtOnceRecordEachBreachOnce() throws Exception {
        policy();
        List<Ticket> opened = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            opened.add(open(Priority.URGENT));
        }
        clock.advance(Duration.ofHours(5));

        AtOnce.run(2, () -> clocks.scanNow());
        for (Ticket ticket : opened) {
            assertThat(events(ticket, "sla_breached")).as("first response and resolution, once each").isEqualTo(2);
        }
    }

    @Test
    void businessHoursTargetsAreMeasuredOnThePolicysCalendar() {
        StoredCalendar office = calendars.create(new CalendarDraft("Office " + team.name(), "Europe/Berlin",
                Map.of("monday", List.of("09:00-17:00"), "tuesday", List.of("09:00-17:00"), "wednesday", List.of("09:00-17:00"),
                        "thursday", List.of("09:00-17:00"), "friday", List.of("09:00-12:00", "13:00-17:00")),
                List.of("2026-12-25")), Initiator.system());
        SlaPolicy policy = policies.create(new SlaPolicyDraft("Office hours " + team.name(), null, true,
                List.of(new ConditionRow("team", "is", List.of(String.valueOf(team.id().value())))), List.of(), office.id(), 60,
                List.of(new SlaPolicyDraft.TargetRow("normal", "first_response", 8 * 60, null),
                        new SlaPolicyDraft.TargetRow("normal", "resolution", 3 * 24 * 60, false))),
                Initiator.system());
        createdPolicies.add(policy.id());

        Ticket ticket = open(Priority.NORMAL);

        TicketSla.Target first = target(ticket, SlaMetric.FIRST_RESPONSE);
        assertThat(first.businessHours()).isTrue();
        assertThat(first.dueAt()).isEqualTo(office.calendar().plusBusinessTime(ticket.createdAt(), Duration.ofHours(8)));
        assertThat(target(ticket, SlaMetric.RESOLUTION).dueAt()).isEqualTo(ticket.createdAt().plus(Duration.ofDays(3)));
    }

    @Test
    void theTicketApiCarriesTheSlaObjectAndTheAdminApiChecksWhatItIsGiven() throws Exception {
        ApiClient api = new ApiClient(port);
        String auth = ApiClient.basic(admin.email(), Agents.PASSWORD);
        String body = """
                {"name":"API policy %s","conditions":{"all":[{"field":"team","operator":"is","values":["%d"]}]},
                 "warningMinutes":15,
                 "targets":[{"priority":"normal","metric":"first_response","minutes":90},
                            {"priority":"normal","metric":"resolution","minutes":600}]}"""
                .formatted(team.name(), team.id().value());
        HttpResponse<String> created = api.postJson("/api/v1/admin/sla/policies", body, auth);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode policy = json.readTree(created.body());
        createdPolicies.add(policy.get("id").asLong());
        assertThat(policy.get("targets")).hasSize(2);

        Ticket ticket = open(Priority.NORMAL);
        JsonNode sla = json.readTree(api.get("/api/v1/tickets/" + ticket.number(), auth).body()).get("sla");
        assertThat(sla.get("policy").asString()).isEqualTo("API policy " + team.name());
        assertThat(Instant.parse(sla.get("firstResponse").get("dueAt").asString()))
                .isEqualTo(ticket.createdAt().plus(Duration.ofMinutes(90)));
        assertThat(sla.get("firstResponse").get("paused").asBoolean()).isFalse();
        assertThat(sla.get("firstResponse").get("breached").asBoolean()).isFalse();
        assertThat(sla.get("nextResponse").isNull()).isTrue();

        Ticket unmatched = conversations.open(new NewTicket("No policy here", customer, Channel.WEB, Priority.NORMAL, null, null,
                null, Set.of(), null), "Hi", BodyFormat.TEXT, Actor.customer(customer.value()), null);
        JsonNode plain = json.readTree(api.get("/api/v1/tickets/" + unmatched.number(), auth).body());
        assertThat(plain.has("sla")).as("the key is there").isTrue();
        assertThat(plain.get("sla").isNull()).isTrue();

        HttpResponse<String> bad = api.postJson("/api/v1/admin/sla/policies", """
                {"name":"Broken","targets":[{"priority":"normal","metric":"first_response","minutes":0}]}""", auth);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).toString()).contains("targets[0].minutes");
        HttpResponse<String> badZone = api.postJson("/api/v1/admin/sla/calendars", """
                {"name":"Nowhere","zone":"Mars/Olympus","hours":{"monday":["09:00-17:00"]}}""", auth);
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(badZone.body()).contains("zone");
        assertThat(api.get("/api/v1/admin/sla/policies", ApiClient.basic(agent.email(), Agents.PASSWORD)).statusCode())
                .isEqualTo(403);
    }
}
