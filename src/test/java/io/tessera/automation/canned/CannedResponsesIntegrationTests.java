package io.tessera.automation.canned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

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
import io.tessera.shared.Actor;
import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.Channel;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketImport;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketNotFound;
import io.tessera.ticket.TicketRef;
import io.tessera.ticket.TicketStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Canned responses: placeholders from a real ticket, shadowing, who may change what, and the API's answers. */
@IntegrationTest
class CannedResponsesIntegrationTests {

    @LocalServerPort int port;
    @Autowired CannedResponses canned;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;
    @Autowired TicketManagement tickets;
    @Autowired MutableClock clock;
    @Autowired ObjectMapper json;

    Team team;
    Agent agent;
    Agent supervisor;
    Agent outsider;
    TicketRef ticket;
    String code;
    ApiClient api;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        team = teams.create("Canned " + UUID.randomUUID().toString().substring(0, 8), null, Set.of(), Initiator.system());
        Team other = teams.create("Other " + UUID.randomUUID().toString().substring(0, 8), null, Set.of(), Initiator.system());
        agent = agents.get(Agents.create(agents, Role.AGENT, Set.of(team.id())).id());
        supervisor = agents.get(Agents.create(agents, Role.SUPERVISOR, Set.of(team.id())).id());
        outsider = agents.get(Agents.create(agents, Role.AGENT, Set.of(other.id())).id());
        String id = UUID.randomUUID().toString().substring(0, 8);
        CustomerId maria = customers.create("Maria Lopez", "maria-" + id + "@example.test", null, null);
        ticket = tickets.importTicket(new TicketImport("Refund for order 77", maria, null, team.id(), agent.id(),
                TicketStatus.OPEN, Priority.NORMAL, "question", Channel.EMAIL, clock.instant(), clock.instant(), null, null,
                null), Actor.system());
        code = "refund-" + id;
        api = new ApiClient(port);
    }

    @Test
    void fillsPlaceholdersFromTheTicketItsRequesterAndTheAgent() {
        CannedResponse response = canned.create(new CannedResponseDraft("Refund", "/" + code,
                "Hi {{requester.first_name}} ({{ requester.name }}, {{requester.email}}), ticket #{{ticket.number}} "
                        + "\"{{ticket.subject}}\" is {{ticket.status}}. See {{kb.refunds}}. {{agent.first_name}} / {{agent.name}}",
                false), agent);

        CannedResponses.Rendered rendered = canned.render(response.id(), ticket.number(), agent);

        String email = customers.find(tickets.findByNumber(ticket.number()).orElseThrow().requester()).orElseThrow().email();
        assertThat(rendered.body()).isEqualTo("Hi Maria (Maria Lopez, " + email + "), ticket #" + ticket.number()
                + " \"Refund for order 77\" is Open. See [refunds](/kb/refunds). Test / Test Agent");
        assertThat(rendered.unknown()).isEmpty();
        assertThat(canned.expand(code, ticket.number(), agent).body()).isEqualTo(rendered.body());
    }

    @Test
    void valuesAreInsertedOnceAndNeverExpandAgain() {
        CustomerId sneaky = customers.create("{{agent.name}} $1 \\", "s-" + UUID.randomUUID() + "@example.test", null, null);
        TicketRef t = tickets.importTicket(new TicketImport("{{requester.email}}", sneaky, null, team.id(), agent.id(),
                TicketStatus.OPEN, Priority.NORMAL, "question", Channel.EMAIL, clock.instant(), clock.instant(), null, null,
                null), Actor.system());
        CannedResponse response = canned.create(new CannedResponseDraft("Echo", null,
                "{{requester.name}}|{{ticket.subject}}", false), agent);

        assertThat(canned.render(response.id(), t.number(), agent).body()).isEqualTo("{{agent.name}} $1 \\|{{requester.email}}");
    }

    @Test
    void aPersonalShortcodeShadowsTheSharedOne() {
        canned.create(new CannedResponseDraft("Shared refund", code, "Shared text", true), supervisor);
        assertThat(canned.expand("/" + code, ticket.number(), agent).body()).isEqualTo("Shared text");

        canned.create(new CannedResponseDraft("My refund", code, "My text", false), agent);
        assertThat(canned.expand(code, ticket.number(), agent).body()).isEqualTo("My text");
        assertThat(canned.findByShortcode(code, supervisor).title()).isEqualTo("Shared refund");

        assertThatThrownBy(() -> canned.create(new CannedResponseDraft("Again", code, "x", true), supervisor))
                .isInstanceOfSatisfying(InvalidCannedResponse.class, e -> assertThat(e.field()).isEqualTo("shortcode"));
        assertThatThrownBy(() -> canned.create(new CannedResponseDraft("Again", code.toUpperCase(), "x", false), agent))
                .isInstanceOfSatisfying(InvalidCannedResponse.class, e -> assertThat(e.field()).isEqualTo("shortcode"));
    }

    @Test
    void onlySupervisorsChangeSharedOnesAndOnlyOwnersTheirPersonalOnes() {
        assertThatThrownBy(() -> canned.create(new CannedResponseDraft("Shared", null, "x", true), agent))
                .isInstanceOf(CannedResponseForbidden.class);
        CannedResponse shared = canned.create(new CannedResponseDraft("Shared", null, "x", true), supervisor);
        CannedResponse mine = canned.create(new CannedResponseDraft("Mine", null, "y", false), agent);

        assertThatThrownBy(() -> canned.update(shared.id(), new CannedResponseDraft("Changed", null, "x", true), agent))
                .isInstanceOf(CannedResponseForbidden.class);
        assertThatThrownBy(() -> canned.delete(shared.id(), agent)).isInstanceOf(CannedResponseForbidden.class);
        assertThatThrownBy(() -> canned.get(mine.id(), supervisor)).isInstanceOf(CannedResponseForbidden.class);
        assertThatThrownBy(() -> canned.render(mine.id(), ticket.number(), outsider)).isInstanceOf(CannedResponseForbidden.class);
        assertThatThrownBy(() -> canned.render(shared.id(), ticket.number(), outsider)).isInstanceOf(TicketNotFound.class);

        assertThat(canned.visibleTo(agent)).extracting(CannedResponse::id).contains(shared.id(), mine.id());
        assertThat(canned.visibleTo(outsider)).extracting(CannedResponse::id).contains(shared.id()).doesNotContain(mine.id());
        canned.delete(mine.id(), agent);
        assertThat(canned.visibleTo(agent)).extracting(CannedResponse::id).doesNotContain(mine.id());
    }

    @Test
    void theApiAnswersWithStatusesAndProblemsNamingTheField() {
        String me = ApiClient.basic(agent.email(), Agents.PASSWORD);
        String boss = ApiClient.basic(supervisor.email(), Agents.PASSWORD);
        String stranger = ApiClient.basic(outsider.email(), Agents.PASSWORD);

        HttpResponse<String> created = api.postJson("/api/v1/canned-responses",
                "{\"title\":\"Refund\",\"shortcode\":\"/" + code + "\",\"body\":\"Hi {{requester.first_name}}\"}", me);
        assertThat(created.statusCode()).isEqualTo(201);
        long id = read(created).get("id").asLong();
        assertThat(read(created).get("shortcode").asString()).isEqualTo(code);
        assertThat(read(created).get("shared").asBoolean()).isFalse();

        assertThat(read(api.get("/api/v1/canned-responses", me)).get("items").findValuesAsString("title")).contains("Refund");
        assertThat(read(ok(api.postJson("/api/v1/canned-responses/" + id + "/render?ticket=" + ticket.number(), "", me)))
                .get("body").asString()).isEqualTo("Hi Maria");
        assertThat(read(ok(api.get("/api/v1/canned-responses/expand?shortcode=" + code + "&ticket=" + ticket.number(), me)))
                .get("body").asString()).isEqualTo("Hi Maria");

        assertProblem(api.postJson("/api/v1/canned-responses", "{\"title\":\"X\",\"body\":\"{{requester.nickname}} {{ticket.number}}\"}", me), 400, "body");
        assertThat(api.postJson("/api/v1/canned-responses", "{\"title\":\"X\",\"body\":\"{{requester.nickname}}\"}", me).body())
                .contains("{{requester.nickname}}");
        assertProblem(api.postJson("/api/v1/canned-responses", "{\"title\":\"X\",\"shortcode\":\"re fund!\",\"body\":\"x\"}", me), 400, "shortcode");
        assertProblem(api.postJson("/api/v1/canned-responses", "{\"title\":\" \",\"body\":\"x\"}", me), 400, "title");
        assertThat(api.postJson("/api/v1/canned-responses", "{\"title\":\"S\",\"body\":\"x\",\"shared\":true}", me).statusCode()).isEqualTo(403);

        assertThat(api.get("/api/v1/canned-responses/" + id, stranger).statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/v1/canned-responses/" + id, "{\"title\":\"T\",\"body\":\"x\"}", boss).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/canned-responses/" + id, null, stranger).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/canned-responses/999999999", me).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/canned-responses/expand?shortcode=nope-" + code + "&ticket=" + ticket.number(), me).statusCode()).isEqualTo(404);
        assertProblem(api.postJson("/api/v1/canned-responses/" + id + "/render?ticket=999999999", "", me), 404, "ticket");

        HttpResponse<String> shared = api.postJson("/api/v1/canned-responses", "{\"title\":\"Shared\",\"body\":\"x\",\"shared\":true}", boss);
        assertThat(shared.statusCode()).isEqualTo(201);
        long sharedId = read(shared).get("id").asLong();
        assertThat(send("PUT", "/api/v1/canned-responses/" + sharedId, "{\"title\":\"Shared 2\",\"body\":\"x\",\"shared\":true}", me).statusCode()).isEqualTo(403);
        assertThat(read(ok(send("PUT", "/api/v1/canned-responses/" + sharedId, "{\"title\":\"Shared 2\",\"body\":\"y\",\"shared\":true}", boss)))
                .get("title").asString()).isEqualTo("Shared 2");

        HttpResponse<String> updated = send("PUT", "/api/v1/canned-responses/" + id, "{\"title\":\"Refund!\",\"shortcode\":\"" + code + "\",\"body\":\"Bye\"}", me);
        assertThat(read(ok(updated)).get("title").asString()).isEqualTo("Refund!");
        assertThat(send("DELETE", "/api/v1/canned-responses/" + id, null, me).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/canned-responses/" + id, me).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(read(response).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
