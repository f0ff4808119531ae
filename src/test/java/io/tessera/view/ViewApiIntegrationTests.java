package io.tessera.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketRef;
import io.tessera.ticket.TicketStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code GET /api/v1/tickets} filters and cursors, {@code /api/v1/views}, bulk over the API, and the errors. */
@IntegrationTest
class ViewApiIntegrationTests {

    @LocalServerPort int port;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;
    @Autowired TicketManagement tickets;
    @Autowired Views views;
    @Autowired MutableClock clock;
    @Autowired ObjectMapper json;

    ViewFixtures data;
    Team team;
    Agent agent;
    ApiClient api;
    String auth;

    @BeforeEach
    void setUp() {
        data = new ViewFixtures(agents, teams, customers, tickets);
        team = data.team();
        agent = data.agent(Role.AGENT, team);
        api = new ApiClient(port);
        auth = ApiClient.basic(agent.email(), Agents.PASSWORD);
    }

    @Test
    void filtersAndCursorsWalkTheListOnce() {
        Instant now = clock.instant();
        List<Long> high = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            high.add(data.ticket(team.id(), agent.id(), TicketStatus.OPEN, Priority.HIGH, now, now, null).number());
        }
        data.ticket(team.id(), agent.id(), TicketStatus.OPEN, Priority.LOW, now, now, null);
        data.ticket(team.id(), agent.id(), TicketStatus.SOLVED, Priority.HIGH, now, now, now);

        List<Long> seen = new ArrayList<>();
        String query = "/api/v1/tickets?team=" + team.id().value() + "&status=new,open&priority=high,urgent&assignee=me&sort=number&limit=2";
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok(api.get(query + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), auth));
            page.get("items").forEach(item -> {
                seen.add(item.get("number").asLong());
                assertThat(item.get("priority").asString()).isEqualTo("high");
                assertThat(item.get("status").asString()).isEqualTo("open");
            });
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(high);
        assertThat(pages).isEqualTo(3);

        JsonNode newest = ok(api.get("/api/v1/tickets?team=" + team.id().value() + "&sort=-number&limit=1", auth));
        assertThat(newest.get("items").get(0).get("status").asString()).isEqualTo("solved");
        assertThat(newest.get("items").get(0).has("requester")).isTrue();
    }

    @Test
    void invalidFiltersAreProblemsNamingTheParameter() {
        assertProblem(api.get("/api/v1/tickets?status=sleeping", auth), "status");
        assertProblem(api.get("/api/v1/tickets?colour=red", auth), "colour");
        assertProblem(api.get("/api/v1/tickets?createdAfter=yesterday", auth), "createdAfter");
        assertProblem(api.get("/api/v1/tickets?sort=mood", auth), "sort");
        assertProblem(api.get("/api/v1/tickets?limit=1000", auth), "limit");
        assertProblem(api.get("/api/v1/tickets?cursor=garbage", auth), "cursor");
        assertProblem(api.get("/api/v1/tickets?team=abc", auth), "team");
    }

    @Test
    void viewsComeWithCountsAndTheirTickets() {
        Instant now = clock.instant();
        TicketRef pending = data.ticket(team.id(), agent.id(), TicketStatus.PENDING, Priority.NORMAL, now, now, null);

        JsonNode list = ok(api.get("/api/v1/views", auth));
        JsonNode myOpen = null;
        for (JsonNode view : list.get("items")) {
            if ("my-open".equals(view.get("builtIn").asString())) {
                myOpen = view;
            }
        }
        assertThat(list.get("items")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(myOpen.get("count").asLong()).isEqualTo(1);
        assertThat(myOpen.get("kind").asString()).isEqualTo("built-in");
        assertThat(myOpen.get("sort").asString()).isEqualTo("-updated");

        long pendingView = views.builtIn("pending").id();
        JsonNode tickets = ok(api.get("/api/v1/views/" + pendingView + "/tickets?limit=10", auth));
        assertThat(tickets.get("items")).hasSize(1);
        assertThat(tickets.get("items").get(0).get("number").asLong()).isEqualTo(pending.number());
        assertThat(tickets.get("next").isNull()).isTrue();

        assertThat(api.get("/api/v1/views/999999/tickets", auth).statusCode()).isEqualTo(404);
    }

    @Test
    void bulkReportsEachTicket() {
        Instant now = clock.instant();
        TicketRef open = data.ticket(team.id(), null, TicketStatus.OPEN, Priority.LOW, now, now, null);
        TicketRef closed = data.ticket(team.id(), null, TicketStatus.CLOSED, Priority.LOW, now, now, now);
        TicketRef hidden = data.ticket(data.team().id(), null, TicketStatus.OPEN, Priority.LOW, now, now, null);

        JsonNode result = ok(api.postJson("/api/v1/tickets/bulk", "{\"tickets\":[" + open.number() + "," + closed.number()
                + "," + hidden.number() + "],\"changes\":{\"priority\":\"urgent\",\"assignee\":\"me\"}}", auth));

        assertThat(result.get("updated").asLong()).isEqualTo(1);
        assertThat(result.get("failed").asLong()).isEqualTo(2);
        assertThat(result.get("results").get(0).get("outcome").asString()).isEqualTo("updated");
        assertThat(result.get("results").get(1).get("error").asString()).contains("closed");
        assertThat(result.get("results").get(2).get("error").asString()).contains("not found");
        assertThat(tickets.get(open.id()).assignee()).isEqualTo(agent.id());

        assertProblem(api.postJson("/api/v1/tickets/bulk", "{\"tickets\":[" + open.number() + "],\"changes\":{\"mood\":\"happy\"}}", auth), "changes.mood");
        assertProblem(api.postJson("/api/v1/tickets/bulk", "{\"tickets\":[],\"changes\":{\"priority\":\"high\"}}", auth), "tickets");
        assertProblem(api.postJson("/api/v1/tickets/bulk", "{\"tickets\":[" + open.number() + "],\"changes\":{\"priority\":\"meh\"}}", auth), "priority");
    }

    @Test
    void bulkMergesIntoOneTicket() {
        Instant now = clock.instant();
        TicketRef target = data.ticket(team.id(), null, TicketStatus.OPEN, Priority.LOW, now, now, null);
        TicketRef source = data.ticket(team.id(), null, TicketStatus.OPEN, Priority.LOW, now, now, null);
        TicketRef hidden = data.ticket(data.team().id(), null, TicketStatus.OPEN, Priority.LOW, now, now, null);

        JsonNode result = ok(api.postJson("/api/v1/tickets/bulk", "{\"tickets\":[" + source.number() + "," + hidden.number()
                + "],\"mergeInto\":" + target.number() + "}", auth));

        assertThat(result.get("updated").asLong()).isEqualTo(1);
        assertThat(result.get("summary").asString()).startsWith("1 merged into #" + target.number());
        assertThat(result.get("results").get(1).get("error").asString()).contains("not found");
        assertThat(tickets.get(source.id()).mergedInto()).isEqualTo(target.id());
        assertThat(tickets.get(hidden.id()).mergedInto()).isNull();

        assertProblem(api.postJson("/api/v1/tickets/bulk", "{\"tickets\":[" + source.number() + "],\"mergeInto\":"
                + hidden.number() + "}", auth), "mergeInto");
        assertProblem(api.postJson("/api/v1/tickets/bulk", "{\"tickets\":[" + source.number() + "],\"mergeInto\":"
                + target.number() + ",\"changes\":{\"priority\":\"high\"}}", auth), "mergeInto");
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void assertProblem(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
