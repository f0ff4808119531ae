package io.tessera.conversation;

import static io.tessera.testing.ApiClient.basic;
import static io.tessera.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketSettings;

/**
 * Who may use the ticket API on a team-A ticket: the role matrix. A ticket the caller may not see answers
 * 404 on every endpoint, exactly like a missing one; without valid credentials everything is 401.
 */
@IntegrationTest
class TicketApiAccessIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Customers customers;

    @Autowired
    Conversations conversations;

    @Autowired
    TicketSettings settings;

    ApiClient api;
    Team teamA;
    Team teamB;
    Ticket ticket;

    @BeforeEach
    void aTicketOfTeamA() {
        api = new ApiClient(port);
        teamA = teams.create("Team A " + System.nanoTime(), "", Set.of(), Initiator.system());
        teamB = teams.create("Team B " + System.nanoTime(), "", Set.of(), Initiator.system());
        var requester = customers.findOrCreate("matrix" + System.nanoTime() + "@example.test", "Mat Rix");
        ticket = conversations.open(new NewTicket("Matrix", requester.id(), Channel.EMAIL, Priority.NORMAL, null,
                teamA.id(), null, Set.of(), null), "Who sees me?", BodyFormat.TEXT, Actor.customer(requester.id().value()), null);
    }

    @Test
    void rolesSeeTheTicketOrA404OnEveryEndpoint() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("admin (HTTP Basic)", basic(io.tessera.testing.IntegrationTest.ADMIN_EMAIL, io.tessera.testing.IntegrationTest.ADMIN_PASSWORD));
        callers.put("supervisor", token(Role.SUPERVISOR, Set.of()));
        callers.put("agent in team A", token(Role.AGENT, Set.of(teamA)));
        callers.put("agent in team B", token(Role.AGENT, Set.of(teamB)));

        Map<String, Integer> expected = Map.of("admin (HTTP Basic)", 200, "supervisor", 200, "agent in team A", 200,
                "agent in team B", 404);
        callers.forEach((who, credentials) -> assertThat(statuses(credentials)).as(who)
                .isEqualTo(expectedFor(expected.get(who))));
    }

    @Test
    void theAgentsSeeAllSettingOpensEveryTicketToEveryAgent() {
        String agentB = token(Role.AGENT, Set.of(teamB));
        assertThat(statuses(agentB)).isEqualTo(expectedFor(404));
        settings.change(true, true);
        try {
            assertThat(statuses(agentB)).isEqualTo(expectedFor(200));
        } finally {
            settings.change(false, true);
        }
        assertThat(statuses(agentB)).isEqualTo(expectedFor(404));
    }

    @Test
    void withoutValidCredentialsEverythingIs401() {
        assertThat(statuses(null)).isEqualTo(expectedFor(401));
        assertThat(statuses(bearer("tsr_not-a-real-token"))).isEqualTo(expectedFor(401));
        // A throwaway agent: five wrong passwords lock the account, and the admin is shared with other tests.
        Agent someone = Agents.create(agents, Role.AGENT, Set.of(teamA.id()));
        assertThat(statuses(basic(someone.email(), "wrong-password"))).isEqualTo(expectedFor(401));
        assertThat(api.postJson("/api/v1/tickets", "{}", null).statusCode()).isEqualTo(401);
    }

    /** GET ticket, PATCH ticket, GET messages, POST message, GET events, in that order. */
    private Map<String, Integer> statuses(String credentials) {
        String path = "/api/v1/tickets/" + ticket.number();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("GET ticket", api.get(path, credentials).statusCode());
        statuses.put("PATCH ticket", api.patchJson(path, "{\"addTags\":[\"seen\"]}", credentials).statusCode());
        statuses.put("GET messages", api.get(path + "/messages", credentials).statusCode());
        HttpResponse<String> note = api.postJson(path + "/messages", "{\"kind\":\"internal\",\"body\":\"Checked\"}", credentials);
        statuses.put("POST message", note.statusCode() == 201 ? 200 : note.statusCode());
        statuses.put("GET events", api.get(path + "/events", credentials).statusCode());
        return statuses;
    }

    private static Map<String, Integer> expectedFor(int status) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String call : new String[] {"GET ticket", "PATCH ticket", "GET messages", "POST message", "GET events"}) {
            expected.put(call, status);
        }
        return expected;
    }

    private String token(Role role, Set<Team> teamsOf) {
        Agent agent = Agents.create(agents, role, teamsOf.stream().map(Team::id).collect(java.util.stream.Collectors.toSet()));
        return bearer(tokens.create(agent.id(), "matrix", Initiator.system()).secret());
    }
}
