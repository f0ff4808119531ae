package io.tessera.customer;

import static io.tessera.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.Role;
import io.tessera.shared.Actor;
import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketImport;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketRef;
import io.tessera.ticket.TicketStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code /api/v1/customers} and {@code /api/v1/organizations} over real HTTP with API tokens. */
@IntegrationTest
class CustomerApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Customers customers;

    @Autowired
    TicketManagement tickets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void everyEndpointNeedsCredentials() {
        ApiClient api = new ApiClient(port);

        List<Integer> statuses = List.of(
                api.get("/api/v1/customers", null).statusCode(),
                api.get("/api/v1/customers/1", null).statusCode(),
                api.postJson("/api/v1/customers", "{}", null).statusCode(),
                patch("/api/v1/customers/1", "{}", null).statusCode(),
                api.postJson("/api/v1/customers/1/merge", "{\"into\":2}", null).statusCode(),
                api.get("/api/v1/organizations", null).statusCode(),
                api.get("/api/v1/organizations/1", null).statusCode(),
                api.postJson("/api/v1/organizations", "{}", null).statusCode(),
                patch("/api/v1/organizations/1", "{}", null).statusCode(),
                api.get("/api/v1/customers", bearer("tsr_not-a-real-token")).statusCode());

        assertThat(statuses).containsOnly(401);
        assertThat(api.get("/api/v1/customers", null).headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void createsReadsAndFindsACustomer() {
        String id = unique();
        String agent = token(Role.AGENT);
        JsonNode org = body(new ApiClient(port).postJson("/api/v1/organizations",
                "{\"name\":\"Api Org " + id + "\",\"domains\":[\"api-" + id + ".test\"],\"tier\":\"gold\"}", agent));

        HttpResponse<String> created = new ApiClient(port).postJson("/api/v1/customers", """
                {"name":"Ada Api","email":"Ada@Api-%s.test","emails":["ada.home-%s@example.test"],"phone":"+44 20 7946",
                 "notes":"VIP","tier":"platinum","language":"en-GB","timeZone":"Europe/London"}""".formatted(id, id), agent);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode customer = body(created);
        long customerId = customer.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/customers/" + customerId));
        assertThat(customer.get("email").asString()).isEqualTo("ada@api-" + id + ".test");
        assertThat(strings(customer.get("emails"))).containsExactly("ada@api-" + id + ".test", "ada.home-" + id + "@example.test");
        assertThat(customer.get("organization").get("id").asLong()).as("joined by domain").isEqualTo(org.get("id").asLong());
        assertThat(customer.get("organization").get("name").asString()).isEqualTo("Api Org " + id);
        assertThat(customer.get("timeZone").asString()).isEqualTo("Europe/London");
        assertThat(customer.get("language").asString()).isEqualTo("en-GB");
        assertThat(Instant.parse(customer.get("createdAt").asString())).isNotNull();

        JsonNode read = body(new ApiClient(port).get("/api/v1/customers/" + customerId, agent));
        assertThat(read).isEqualTo(customer);
        JsonNode found = body(new ApiClient(port).get("/api/v1/customers?q=ada.home-" + id, agent));
        assertThat(found.get("items")).hasSize(1);
        assertThat(found.get("items").get(0)).isEqualTo(customer);
        assertThat(found.has("next")).isTrue();
        assertThat(found.get("next").isNull()).isTrue();
    }

    @Test
    void aCustomerWithoutOrganizationShowsNullRatherThanNothing() {
        String agent = token(Role.AGENT);

        JsonNode customer = body(new ApiClient(port).postJson("/api/v1/customers",
                "{\"name\":\"Nora Null\",\"email\":\"nora-" + unique() + "@example.test\"}", agent));

        assertThat(customer.has("organization")).isTrue();
        assertThat(customer.get("organization").isNull()).isTrue();
        assertThat(customer.get("phone").isNull()).isTrue();
    }

    @Test
    void listsPageWithACursorAndFilterByOrganization() {
        String id = unique();
        String agent = token(Role.AGENT);
        var org = customers.createOrganization("Paged " + id, null, null);
        for (String name : List.of("Page C", "Page A", "Page B")) {
            customers.create(name, name.replace(" ", "").toLowerCase() + "-" + id + "@example.test", null, org);
        }
        customers.create("Page Outsider", "outsider-" + id + "@example.test", null, null);

        JsonNode first = body(new ApiClient(port).get("/api/v1/customers?organizationId=" + org.value() + "&limit=2", agent));
        JsonNode second = body(new ApiClient(port).get("/api/v1/customers?organizationId=" + org.value() + "&limit=2&cursor="
                + URLEncoder.encode(first.get("next").asString(), StandardCharsets.UTF_8), agent));

        assertThat(names(first)).containsExactly("Page A", "Page B");
        assertThat(first.get("next").asString()).isNotBlank();
        assertThat(names(second)).containsExactly("Page C");
        assertThat(second.get("next").isNull()).isTrue();
        JsonNode bySearch = body(new ApiClient(port).get("/api/v1/customers?q=page&organizationId=" + org.value(), agent));
        assertThat(names(bySearch)).containsExactly("Page A", "Page B", "Page C");
    }

    @Test
    void patchChangesOnlyTheFieldsGiven() {
        String id = unique();
        String agent = token(Role.AGENT);
        long customerId = body(new ApiClient(port).postJson("/api/v1/customers", """
                {"name":"Pat Patch","email":"pat-%s@example.test","phone":"111","notes":"keep me","tier":"silver"}"""
                .formatted(id), agent)).get("id").asLong();
        String path = "/api/v1/customers/" + customerId;

        JsonNode phoneOnly = body(patch(path, "{\"phone\":\"222\",\"notes\":null}", agent));
        JsonNode newPrimary = body(patch(path, "{\"email\":\"pat.new-" + id + "@example.test\"}", agent));
        JsonNode replaced = body(patch(path, "{\"emails\":[\"pat.new-" + id + "@example.test\",\"pat.third-" + id
                + "@example.test\"]}", agent));

        assertThat(phoneOnly.get("name").asString()).isEqualTo("Pat Patch");
        assertThat(phoneOnly.get("phone").asString()).isEqualTo("222");
        assertThat(phoneOnly.get("notes").isNull()).isTrue();
        assertThat(phoneOnly.get("tier").asString()).isEqualTo("silver");
        assertThat(newPrimary.get("email").asString()).isEqualTo("pat.new-" + id + "@example.test");
        assertThat(strings(newPrimary.get("emails"))).as("the old primary stays as another address")
                .containsExactly("pat.new-" + id + "@example.test", "pat-" + id + "@example.test");
        assertThat(strings(replaced.get("emails"))).containsExactly("pat.new-" + id + "@example.test",
                "pat.third-" + id + "@example.test");
        assertThat(customers.findByEmail("pat-" + id + "@example.test")).isEmpty();
    }

    @Test
    void refusalsAreProblemsThatNameTheField() {
        String id = unique();
        String agent = token(Role.AGENT);
        ApiClient api = new ApiClient(port);
        long existing = body(api.postJson("/api/v1/customers",
                "{\"name\":\"Existing\",\"email\":\"exists-" + id + "@example.test\"}", agent)).get("id").asLong();

        HttpResponse<String> badEmail = api.postJson("/api/v1/customers", "{\"name\":\"X\",\"email\":\"not-an-address\"}", agent);
        HttpResponse<String> noName = api.postJson("/api/v1/customers", "{\"email\":\"noname-" + id + "@example.test\"}", agent);
        HttpResponse<String> badZone = api.postJson("/api/v1/customers",
                "{\"name\":\"X\",\"email\":\"zone-" + id + "@example.test\",\"timeZone\":\"Mars/Olympus\"}", agent);
        HttpResponse<String> noOrg = api.postJson("/api/v1/customers",
                "{\"name\":\"X\",\"email\":\"org-" + id + "@example.test\",\"organizationId\":999999999}", agent);
        HttpResponse<String> duplicate = api.postJson("/api/v1/customers",
                "{\"name\":\"X\",\"email\":\"EXISTS-" + id + "@example.test\"}", agent);
        HttpResponse<String> unknownField = patch("/api/v1/customers/" + existing, "{\"timezone\":\"UTC\"}", agent);
        HttpResponse<String> wrongType = patch("/api/v1/customers/" + existing, "{\"name\":42}", agent);
        HttpResponse<String> tooMany = api.get("/api/v1/customers?limit=500", agent);
        HttpResponse<String> badCursor = api.get("/api/v1/customers?cursor=@@@", agent);
        HttpResponse<String> missing = api.get("/api/v1/customers/999999999", agent);

        assertProblem(badEmail, 422, "email");
        assertProblem(noName, 422, "name");
        assertProblem(badZone, 422, "timeZone");
        assertProblem(noOrg, 422, "organizationId");
        assertProblem(duplicate, 409, "email");
        assertThat(body(duplicate).get("existingId").asLong()).isEqualTo(existing);
        assertProblem(unknownField, 422, "timezone");
        assertProblem(wrongType, 422, "name");
        assertProblem(tooMany, 422, "limit");
        assertProblem(badCursor, 422, "cursor");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void onlySupervisorsAndAdminsMerge() {
        String id = unique();
        CustomerId source = customers.create("Api Dup", "apidup-" + id + "@example.test", null, null);
        CustomerId target = customers.create("Api Keep", "apikeep-" + id + "@example.test", null, null);
        TicketRef ticket = tickets.importTicket(new TicketImport("Via API", source, null, null, null, TicketStatus.NEW,
                Priority.LOW, null, Channel.API, Instant.parse("2026-05-01T10:00:00Z"),
                Instant.parse("2026-05-01T10:00:00Z"), null, null, null), Actor.system());
        String path = "/api/v1/customers/" + source.value() + "/merge";
        ApiClient api = new ApiClient(port);

        HttpResponse<String> byAgent = api.postJson(path, "{\"into\":" + target.value() + "}", token(Role.AGENT));
        String supervisor = token(Role.SUPERVISOR);
        HttpResponse<String> withoutTarget = api.postJson(path, "{}", supervisor);
        HttpResponse<String> intoItself = api.postJson(path, "{\"into\":" + source.value() + "}", supervisor);
        HttpResponse<String> bySupervisor = api.postJson(path, "{\"into\":" + target.value() + "}", supervisor);
        HttpResponse<String> gone = api.get("/api/v1/customers/" + source.value(), supervisor);

        assertThat(byAgent.statusCode()).isEqualTo(403);
        assertThat(byAgent.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertProblem(withoutTarget, 422, "into");
        assertProblem(intoItself, 422, "into");
        assertThat(bySupervisor.statusCode()).isEqualTo(200);
        JsonNode kept = body(bySupervisor);
        assertThat(kept.get("id").asLong()).isEqualTo(target.value());
        assertThat(strings(kept.get("emails"))).containsExactly("apikeep-" + id + "@example.test", "apidup-" + id + "@example.test");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(body(gone).get("mergedInto").asLong()).isEqualTo(target.value());
        assertThat(jdbc.sql("select requester_id from ticket where id = ?").param(ticket.id().value()).query(Long.class).single())
                .isEqualTo(target.value());
    }

    @Test
    void organizationsAreCreatedReadListedAndPatched() {
        String id = unique();
        String agent = token(Role.AGENT);
        ApiClient api = new ApiClient(port);

        HttpResponse<String> created = api.postJson("/api/v1/organizations",
                "{\"name\":\"Globex " + id + "\",\"domains\":[\"Globex-" + id + ".test\",\"globex-" + id + ".example\"],"
                        + "\"tier\":\"enterprise\",\"notes\":\"Big\"}", agent);
        long orgId = body(created).get("id").asLong();
        JsonNode read = body(api.get("/api/v1/organizations/" + orgId, agent));
        JsonNode listed = body(api.get("/api/v1/organizations?q=globex-" + id, agent));
        JsonNode patched = body(patch("/api/v1/organizations/" + orgId, "{\"domains\":[\"globex-" + id + ".test\"],\"notes\":null}", agent));
        HttpResponse<String> taken = api.postJson("/api/v1/organizations",
                "{\"name\":\"Copy " + id + "\",\"domains\":[\"globex-" + id + ".test\"]}", agent);
        HttpResponse<String> sameName = api.postJson("/api/v1/organizations", "{\"name\":\"GLOBEX " + id + "\"}", agent);
        HttpResponse<String> noName = api.postJson("/api/v1/organizations", "{\"domains\":[]}", agent);
        HttpResponse<String> badDomain = patch("/api/v1/organizations/" + orgId, "{\"domains\":[\"not a domain\"]}", agent);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(read.get("name").asString()).isEqualTo("Globex " + id);
        assertThat(strings(read.get("domains"))).containsExactly("globex-" + id + ".example", "globex-" + id + ".test");
        assertThat(read.get("tier").asString()).isEqualTo("enterprise");
        assertThat(read.get("notes").asString()).isEqualTo("Big");
        assertThat(read.get("createdAt").asString()).isNotBlank();
        assertThat(listed.get("items")).hasSize(1);
        assertThat(listed.get("next").isNull()).isTrue();
        assertThat(strings(patched.get("domains"))).containsExactly("globex-" + id + ".test");
        assertThat(patched.get("notes").isNull()).isTrue();
        assertThat(patched.get("tier").asString()).isEqualTo("enterprise");
        assertProblem(taken, 409, "domains");
        assertProblem(sameName, 409, "name");
        assertProblem(noName, 422, "name");
        assertProblem(badDomain, 422, "domains");
        assertThat(api.get("/api/v1/organizations/999999999", agent).statusCode()).isEqualTo(404);
    }

    // --- helpers ----------------------------------------------------------------------------------

    private void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private String token(Role role) {
        Agent agent = Agents.create(agents, role);
        return bearer(tokens.create(agent.id(), "test", Initiator.system()).secret());
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    private static List<String> names(JsonNode page) {
        List<String> values = new ArrayList<>();
        page.get("items").forEach(node -> values.add(node.get("name").asString()));
        return values;
    }

    /** {@link ApiClient} has no PATCH; this is the same call with that method. */
    private HttpResponse<String> patch(String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
