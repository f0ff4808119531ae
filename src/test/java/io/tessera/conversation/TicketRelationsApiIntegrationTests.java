package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.customer.Customer;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
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
import io.tessera.ticket.TicketFollowers;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The merge, link, follower and split endpoints, and a 404 for an agent of another team on each. */
@IntegrationTest
class TicketRelationsApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketFollowers followers;

    @Autowired
    Customers customers;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    ObjectMapper json;

    ApiClient api;
    Team team;
    Agent agent;
    String auth;

    @BeforeEach
    void agentInATeam() {
        api = new ApiClient(port);
        team = teams.create("Api relations " + System.nanoTime(), "", Set.of(), Initiator.system());
        agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        auth = ApiClient.basic(agent.email(), Agents.PASSWORD);
    }

    @Test
    void mergeMergesTheSourcesIntoThePathTicketWithAResultPerSource() {
        Ticket target = open("Target");
        Ticket a = open("Dup A");
        Ticket b = open("Dup B");
        tickets.update(b.id(), null, List.of(new io.tessera.ticket.TicketChange.SetStatus(TicketStatus.SOLVED)), Actor.system());
        tickets.update(b.id(), null, List.of(new io.tessera.ticket.TicketChange.SetStatus(TicketStatus.CLOSED)), Actor.system());

        HttpResponse<String> response = api.postJson("/api/v1/tickets/" + target.number() + "/merge",
                "{\"sources\": [" + a.number() + ", " + b.number() + ", 999999999], \"note\": \"Same thing\"}", auth);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("target").asLong()).isEqualTo(target.number());
        JsonNode results = body.get("results");
        assertThat(results.get(0).get("number").asLong()).isEqualTo(a.number());
        assertThat(results.get(0).get("outcome").asString()).isEqualTo("merged");
        assertThat(results.get(1).get("outcome").asString()).isEqualTo("refused");
        assertThat(results.get(1).get("reason").asString()).contains("is closed");
        assertThat(results.get(2).get("reason").asString()).isEqualTo("No ticket #999999999.");
        assertThat(tickets.get(a.id()).mergedInto()).isEqualTo(target.id());
        assertThat(conversations.messages(target.id())).last().satisfies(m -> assertThat(m.body())
                .isEqualTo("Merged #" + a.number() + " into this ticket.\n\nSame thing"));

        HttpResponse<String> empty = api.postJson("/api/v1/tickets/" + target.number() + "/merge", "{\"sources\": []}", auth);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(json.readTree(empty.body()).get("errors").get(0).get("field").asString()).isEqualTo("sources");
    }

    @Test
    void linksAreListedAddedAndRemoved() {
        Ticket parent = open("Parent");
        Ticket child = open("Child");

        HttpResponse<String> created = api.postJson("/api/v1/tickets/" + parent.number() + "/links",
                "{\"type\": \"child\", \"number\": " + child.number() + "}", auth);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("type").asString()).isEqualTo("child");

        JsonNode fromChild = json.readTree(api.get("/api/v1/tickets/" + child.number() + "/links", auth).body());
        assertThat(fromChild.get("items").get(0).get("type").asString()).isEqualTo("parent");
        assertThat(fromChild.get("items").get(0).get("number").asLong()).isEqualTo(parent.number());
        assertThat(fromChild.get("items").get(0).get("subject").asString()).isEqualTo("Parent");
        assertThat(fromChild.get("items").get(0).get("status").asString()).isEqualTo("new");
        assertThat(fromChild.has("next")).isTrue();

        HttpResponse<String> twice = api.postJson("/api/v1/tickets/" + parent.number() + "/links",
                "{\"type\": \"related\", \"number\": " + child.number() + "}", auth);
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(json.readTree(twice.body()).get("errors").get(0).get("field").asString()).isEqualTo("number");
        HttpResponse<String> badType = api.postJson("/api/v1/tickets/" + parent.number() + "/links",
                "{\"type\": \"cousin\", \"number\": " + child.number() + "}", auth);
        assertThat(json.readTree(badType.body()).get("errors").get(0).get("field").asString()).isEqualTo("type");

        assertThat(delete("/api/v1/tickets/" + parent.number() + "/links/" + child.number(), auth).statusCode()).isEqualTo(204);
        assertThat(json.readTree(api.get("/api/v1/tickets/" + parent.number() + "/links", auth).body()).get("items")).isEmpty();
    }

    @Test
    void followersAreListedAddedAndRemoved() {
        Ticket ticket = open("Followed");
        String email = "api-cc" + System.nanoTime() + "@example.test";

        HttpResponse<String> added = api.postJson("/api/v1/tickets/" + ticket.number() + "/followers",
                "{\"email\": \"" + email + "\", \"name\": \"Cora Copy\"}", auth);
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(json.readTree(added.body()).get("name").asString()).isEqualTo("Cora Copy");
        assertThat(api.postJson("/api/v1/tickets/" + ticket.number() + "/followers", "{\"email\": \"" + email + "\"}", auth)
                .statusCode()).as("adding again changes nothing").isEqualTo(200);
        JsonNode list = json.readTree(api.get("/api/v1/tickets/" + ticket.number() + "/followers", auth).body());
        assertThat(list.get("items").get(0).get("email").asString()).isEqualTo(email);
        HttpResponse<String> invalid = api.postJson("/api/v1/tickets/" + ticket.number() + "/followers",
                "{\"email\": \"not-an-address\"}", auth);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(json.readTree(invalid.body()).get("errors").get(0).get("field").asString()).isEqualTo("email");

        assertThat(delete("/api/v1/tickets/" + ticket.number() + "/followers?email=" + email, auth).statusCode()).isEqualTo(204);
        assertThat(followers.followers(ticket.id())).isEmpty();
    }

    @Test
    void splitMakesANewTicketOfACustomerMessage() {
        Ticket origin = open("Two things");
        long messageId = conversations.messages(origin.id()).get(0).id();

        HttpResponse<String> response = api.postJson("/api/v1/tickets/" + origin.number() + "/messages/" + messageId + "/split",
                "{\"subject\": \"The second thing\"}", auth);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = json.readTree(response.body());
        assertThat(created.get("subject").asString()).isEqualTo("The second thing");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/tickets/" + created.get("number").asLong());
        assertThat(conversations.messages(tickets.findByNumber(created.get("number").asLong()).orElseThrow().id()))
                .extracting(Message::body).containsExactly("Body of Two things");
    }

    @Test
    void anAgentOfAnotherTeamGetsNotFoundEverywhere() {
        Ticket ticket = open("Not yours");
        Ticket source = open("Not yours either");
        long messageId = conversations.messages(ticket.id()).get(0).id();
        Agent outsider = Agents.create(agents, Role.AGENT);
        String other = ApiClient.basic(outsider.email(), Agents.PASSWORD);
        String base = "/api/v1/tickets/" + ticket.number();

        for (HttpResponse<String> response : List.of(
                api.postJson(base + "/merge", "{\"sources\": [" + source.number() + "]}", other),
                api.get(base + "/links", other),
                api.postJson(base + "/links", "{\"type\": \"related\", \"number\": " + source.number() + "}", other),
                delete(base + "/links/" + source.number(), other),
                api.get(base + "/followers", other),
                api.postJson(base + "/followers", "{\"email\": \"x@example.test\"}", other),
                delete(base + "/followers/1", other),
                api.postJson(base + "/messages/" + messageId + "/split", "{}", other))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
        assertThat(tickets.get(source.id()).mergedInto()).isNull();
        assertThat(conversations.messages(ticket.id())).hasSize(1);
    }

    private Ticket open(String subject) {
        Customer requester = customers.findOrCreate("api" + System.nanoTime() + "@example.test", "Ana Api");
        return conversations.open(new NewTicket(subject, requester.id(), Channel.API, Priority.NORMAL, "question",
                team.id(), null, Set.of(), null), "Body of " + subject, BodyFormat.TEXT,
                Actor.customer(requester.id().value()), null);
    }

    private HttpResponse<String> delete(String path, String authorization) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .DELETE().header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
