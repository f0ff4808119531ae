package io.tessera.routing;

import static io.tessera.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.customer.Customers;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.Role;
import io.tessera.identity.TeamManagement;
import io.tessera.routing.RoutingTestData.TeamWithAgents;
import io.tessera.shared.AgentId;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.TicketManagement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The routing API over real HTTP with API tokens: what admins and agents may do, and refusals naming the field. */
@IntegrationTest
class AssignmentApiIntegrationTests {

    @LocalServerPort int port;
    @Autowired Assignments assignments;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired TicketManagement tickets;
    @Autowired Customers customers;
    @Autowired ApiTokens tokens;
    @Autowired ObjectMapper json;

    RoutingTestData data;
    ApiClient api;
    TeamWithAgents team;
    String admin;
    String agent;

    @BeforeEach
    void setUp() {
        data = new RoutingTestData(agents, teams, tickets, customers);
        api = new ApiClient(port);
        team = data.team(2);
        admin = token(Agents.create(agents, Role.ADMIN).id());
        agent = token(team.agent(0));
    }

    String token(AgentId owner) {
        return bearer(tokens.create(owner, "routing test", Initiator.system()).secret());
    }

    String teamPath() {
        return "/api/v1/teams/" + team.id().value() + "/assignment";
    }

    String agentPath(int index, String rest) {
        return "/api/v1/agents/" + team.agent(index).value() + rest;
    }

    @Test
    void anAdminReadsAndSetsATeamsStrategy() {
        JsonNode before = ok(api.get(teamPath(), admin));
        assertThat(before.get("strategy").asString()).isEqualTo("MANUAL");
        assertThat(before.get("teamId").asLong()).isEqualTo(team.id().value());

        JsonNode saved = ok(api.putJson(teamPath(), "{\"strategy\":\"LEAST_LOADED\"}", admin));

        assertThat(saved.get("strategy").asString()).isEqualTo("LEAST_LOADED");
        assertThat(ok(api.get(teamPath(), admin)).get("strategy").asString()).isEqualTo("LEAST_LOADED");
        assertThat(assignments.strategy(team.id())).isEqualTo(Strategy.LEAST_LOADED);
    }

    @Test
    void aBadStrategyIsA400NamingTheField() {
        assertProblem(api.putJson(teamPath(), "{\"strategy\":\"RANDOM\"}", admin), 400, "strategy");
        assertProblem(api.putJson(teamPath(), "{}", admin), 400, "strategy");
        assertProblem(api.putJson(teamPath(), "{\"strategy\":3}", admin), 400, "strategy");
        assertProblem(api.putJson(teamPath(), "{\"strategy\":\"SKILLS\",\"fallback\":\"MANUAL\"}", admin), 400, "fallback");
        assertThat(api.putJson("/api/v1/teams/987654321/assignment", "{\"strategy\":\"SKILLS\"}", admin).statusCode())
                .isEqualTo(404);
        assertThat(api.putJson(teamPath(), "{\"strategy\":", admin).statusCode()).as("unreadable JSON").isEqualTo(400);
    }

    @Test
    void agentsMayNotTouchStrategiesSkillsOrReassignments() {
        assertProblemStatus(api.get(teamPath(), agent), 403);
        assertProblemStatus(api.putJson(teamPath(), "{\"strategy\":\"ROUND_ROBIN\"}", agent), 403);
        assertProblemStatus(api.putJson(agentPath(0, "/skills"), "{\"skills\":[\"billing\"]}", agent), 403);
        assertProblemStatus(api.postJson(agentPath(1, "/reassign"), "", agent), 403);
        assertProblemStatus(api.get(agentPath(1, "/availability"), agent), 403);
        assertProblemStatus(api.putJson(agentPath(1, "/availability"), "{\"status\":\"AWAY\"}", agent), 403);
        assertProblemStatus(api.get(agentPath(1, "/skills"), agent), 403);
        assertThat(api.get(teamPath(), null).statusCode()).isEqualTo(401);
        assertThat(assignments.strategy(team.id())).isEqualTo(Strategy.MANUAL);
        assertThat(assignments.skills(team.agent(0))).isEmpty();
    }

    @Test
    void anAgentSetsTheirOwnStatusAndShiftButNotTheirCapacity() {
        assignments.setAvailability(team.agent(0), new Availability(Availability.Status.ONLINE, 4, null), Initiator.system());

        JsonNode away = ok(api.putJson(agentPath(0, "/availability"),
                "{\"status\":\"away\",\"shift\":{\"start\":\"08:00\",\"end\":\"16:00\",\"zone\":\"Europe/Lisbon\"}}", agent));

        assertThat(away.get("status").asString()).isEqualTo("AWAY");
        assertThat(away.get("capacity").asInt()).as("left out: kept").isEqualTo(4);
        assertThat(away.get("shift").get("zone").asString()).isEqualTo("Europe/Lisbon");
        assertThat(away.get("assignableNow").asBoolean()).isFalse();
        assertThat(ok(api.get(agentPath(0, "/availability"), agent)).get("status").asString()).isEqualTo("AWAY");
        assertThat(ok(api.putJson(agentPath(0, "/availability"), "{\"capacity\":4}", agent)).get("capacity").asInt())
                .as("the same capacity is no change").isEqualTo(4);

        assertProblem(api.putJson(agentPath(0, "/availability"), "{\"capacity\":10}", agent), 403, "capacity");
        assertProblem(api.putJson(agentPath(0, "/availability"), "{\"capacity\":null}", agent), 403, "capacity");
        assertThat(assignments.availability(team.agent(0)).capacity()).isEqualTo(4);
    }

    @Test
    void anAdminSetsAnyAgentsCapacityAndShiftAndClearsThem() {
        String path = agentPath(1, "/availability");
        JsonNode fresh = ok(api.get(path, admin));
        assertThat(fresh.get("status").asString()).isEqualTo("ONLINE");
        assertThat(fresh.has("capacity")).isFalse();
        assertThat(fresh.get("load").asInt()).isZero();
        assertThat(fresh.get("assignableNow").asBoolean()).isTrue();

        JsonNode saved = ok(api.putJson(path, "{\"status\":\"AWAY\",\"capacity\":10,"
                + "\"shift\":{\"start\":\"09:00\",\"end\":\"17:00\",\"zone\":\"Europe/Berlin\"}}", admin));

        assertThat(saved.get("capacity").asInt()).isEqualTo(10);
        assertThat(saved.get("shift").get("start").asString()).isEqualTo("09:00");
        assertThat(saved.get("shift").get("end").asString()).isEqualTo("17:00");
        Availability stored = assignments.availability(team.agent(1));
        assertThat(stored.status()).isEqualTo(Availability.Status.AWAY);
        assertThat(stored.shift()).isEqualTo(Shift.parse("09:00", "17:00", "Europe/Berlin"));

        JsonNode cleared = ok(api.putJson(path, "{\"status\":\"ONLINE\",\"capacity\":null,\"shift\":null}", admin));
        assertThat(cleared.has("capacity")).isFalse();
        assertThat(cleared.has("shift")).isFalse();
        assertThat(assignments.availability(team.agent(1))).isEqualTo(Availability.DEFAULT);
    }

    @Test
    void badAvailabilityIsA400NamingTheField() {
        String path = agentPath(0, "/availability");
        assertProblem(api.putJson(path, "{\"status\":\"BUSY\"}", admin), 400, "status");
        assertProblem(api.putJson(path, "{\"status\":null}", admin), 400, "status");
        assertProblem(api.putJson(path, "{\"capacity\":\"ten\"}", admin), 400, "capacity");
        assertProblem(api.putJson(path, "{\"capacity\":-1}", admin), 400, "capacity");
        assertProblem(api.putJson(path, "{\"capacity\":2.5}", admin), 400, "capacity");
        assertProblem(api.putJson(path, "{\"capcity\":3}", admin), 400, "capcity");
        assertProblem(api.putJson(path, "{\"shift\":{\"start\":\"9\",\"end\":\"17:00\",\"zone\":\"UTC\"}}", admin), 400,
                "shift.start");
        assertProblem(api.putJson(path, "{\"shift\":{\"start\":\"09:00\",\"zone\":\"UTC\"}}", admin), 400, "shift.end");
        assertProblem(api.putJson(path, "{\"shift\":{\"start\":\"09:00\",\"end\":\"17:00\",\"zone\":\"Berlin\"}}", admin),
                400, "shift.zone");
        assertProblem(api.putJson(path, "{\"shift\":{\"start\":\"09:00\",\"end\":\"17:00\",\"tz\":\"UTC\"}}", admin), 400,
                "shift.tz");
        assertProblem(api.putJson(path, "{\"shift\":\"09-17\"}", admin), 400, "shift");
        assertThat(api.get("/api/v1/agents/987654321/availability", admin).statusCode()).isEqualTo(404);
        assertThat(assignments.availability(team.agent(0))).isEqualTo(Availability.DEFAULT);
    }

    @Test
    void anAdminSetsSkillsAndTheAgentReadsTheirOwn() {
        JsonNode saved = ok(api.putJson(agentPath(0, "/skills"), "{\"skills\":[\"Billing\",\"lang:de\"]}", admin));

        assertThat(strings(saved.get("skills"))).containsExactly("billing", "lang:de");
        assertThat(strings(ok(api.get(agentPath(0, "/skills"), agent)).get("skills"))).containsExactly("billing", "lang:de");
        assertProblem(api.putJson(agentPath(0, "/skills"), "{\"skills\":[\"two words\"]}", admin), 400, "skills");
        assertProblem(api.putJson(agentPath(0, "/skills"), "{\"skills\":\"billing\"}", admin), 400, "skills");
        assertProblem(api.putJson(agentPath(0, "/skills"), "{}", admin), 400, "skills");
        assertThat(strings(ok(api.putJson(agentPath(0, "/skills"), "{\"skills\":[]}", admin)).get("skills"))).isEmpty();
    }

    @Test
    void anAdminReassignsAnAgentsTickets() {
        assignments.setStrategy(team.id(), Strategy.ROUND_ROBIN, Initiator.system());
        data.openMany(team.id(), team.agent(0), 2);

        JsonNode result = ok(api.postJson(agentPath(0, "/reassign"), "", admin));

        assertThat(result.get("reassigned").asInt()).isEqualTo(2);
        assertThat(assignments.load(team.agent(1))).isEqualTo(2);
        assertThat(api.postJson("/api/v1/agents/987654321/reassign", "", admin).statusCode()).isEqualTo(404);
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    void assertProblemStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    void assertProblem(HttpResponse<String> response, int status, String field) {
        assertProblemStatus(response, status);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
