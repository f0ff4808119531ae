package io.tessera.conversation;

import static io.tessera.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.ApiClient.FilePart;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.CustomStatuses;
import io.tessera.ticket.CustomField;
import io.tessera.ticket.CustomFieldDefinitions;
import io.tessera.ticket.FieldDefinition;
import io.tessera.ticket.FieldType;
import io.tessera.ticket.TicketAdministration;
import io.tessera.ticket.TicketStatus;
import io.tessera.ticket.TicketTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The ticket and message API over real HTTP with API tokens: create, read, change, converse, audit. */
@IntegrationTest
class TicketApiIntegrationTests {

    /** The smallest valid PNG: 1×1 pixel. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

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
    CustomStatuses statuses;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TicketAdministration administration;

    @Autowired
    CustomFieldDefinitions fieldDefinitions;

    @Autowired
    MutableClock clock;

    @Autowired
    ObjectMapper json;

    ApiClient api;
    Team team;
    Agent agent;
    String token;

    @BeforeEach
    void agentOfATeam() {
        api = new ApiClient(port);
        team = teams.create("Api team " + unique(), "", Set.of(), Initiator.system());
        agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        token = bearer(tokens.create(agent.id(), "test", Initiator.system()).secret());
    }

    // --- create -----------------------------------------------------------------------------------

    @Test
    void createsATicketForANewRequesterWhoJoinsTheirOrganizationByDomain() {
        String id = unique();
        var org = customers.createOrganization("Domain Org " + id, "org-" + id + ".test", null);

        HttpResponse<String> created = api.postJson("/api/v1/tickets", """
                {"subject":"  Cannot log in ","body":"I get **error 42** since Monday.",
                 "requester":{"email":"Nia@Org-%s.test","name":"Nia New"},
                 "priority":"high","type":"incident","tags":["Login","vip"],"status":"open",
                 "team":%d,"assignee":%d}""".formatted(id, team.id().value(), agent.id().value()), token);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode ticket = body(created);
        long number = ticket.get("number").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/tickets/" + number);
        assertThat(ticket.get("subject").asString()).isEqualTo("Cannot log in");
        assertThat(ticket.get("status").asString()).isEqualTo("open");
        assertThat(ticket.get("statusName").asString()).isEqualTo("Open");
        assertThat(ticket.get("priority").asString()).isEqualTo("high");
        assertThat(ticket.get("type").asString()).isEqualTo("incident");
        assertThat(ticket.get("channel").asString()).isEqualTo("api");
        assertThat(strings(ticket.get("tags"))).containsExactly("login", "vip");
        assertThat(ticket.get("requester").get("email").asString()).isEqualTo("nia@org-" + id + ".test");
        assertThat(ticket.get("requester").get("name").asString()).isEqualTo("Nia New");
        assertThat(ticket.get("organization").get("id").asLong()).isEqualTo(org.value());
        assertThat(ticket.get("team").get("name").asString()).isEqualTo(team.name());
        assertThat(ticket.get("assignee").get("id").asLong()).isEqualTo(agent.id().value());
        assertThat(ticket.get("customFields").isObject()).isTrue();
        assertThat(ticket.has("createdAt") && ticket.has("updatedAt") && ticket.has("version")).isTrue();

        JsonNode messages = body(api.get("/api/v1/tickets/" + number + "/messages", token)).get("items");
        assertThat(messages).hasSize(1);
        JsonNode first = messages.get(0);
        assertThat(first.get("kind").asString()).isEqualTo("customer");
        assertThat(first.get("author").get("type").asString()).isEqualTo("customer");
        assertThat(first.get("author").get("name").asString()).isEqualTo("Nia New");
        assertThat(first.get("html").asString()).contains("<strong>error 42</strong>");
        assertThat(first.get("text").asString()).isEqualTo("I get error 42 since Monday.");
        assertThat(first.get("channel").asString()).isEqualTo("api");

        JsonNode again = body(api.postJson("/api/v1/tickets", """
                {"subject":"Second","body":"Again","requester":{"email":"nia@org-%s.test"}}""".formatted(id), token));
        assertThat(again.get("requester").get("id").asLong()).as("found, not created twice")
                .isEqualTo(ticket.get("requester").get("id").asLong());
        assertThat(again.get("status").asString()).isEqualTo("new");
        assertThat(again.get("priority").asString()).isEqualTo("normal");
    }

    @Test
    void htmlIsAcceptedAndSanitisedAndACustomStatusMayBeNamed() {
        String id = unique();
        var waiting = statuses.add("Waiting on vendor " + id, TicketStatus.ON_HOLD, null);

        JsonNode ticket = body(api.postJson("/api/v1/tickets", """
                {"subject":"From the shop","html":"<p onclick='x()'>Hello <b>there</b></p><script>alert(1)</script>",
                 "requester":{"email":"shop-%s@example.test"},"status":"Waiting on vendor %s","team":%d}"""
                .formatted(id, id, team.id().value()), token));

        assertThat(ticket.get("status").asString()).isEqualTo("on-hold");
        assertThat(ticket.get("statusName").asString()).isEqualTo(waiting.name());
        JsonNode message = body(api.get("/api/v1/tickets/" + ticket.get("number").asLong() + "/messages", token))
                .get("items").get(0);
        assertThat(message.get("html").asString()).isEqualTo("<p>Hello <b>there</b></p>");
        assertThat(message.get("text").asString()).isEqualTo("Hello there");
    }

    @Test
    void invalidFieldsAreNamed() {
        HttpResponse<String> empty = api.postJson("/api/v1/tickets", "{}", token);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(fields(empty)).containsExactly("subject", "body", "requester");

        String valid = "\"subject\":\"S\",\"body\":\"B\",\"requester\":{\"email\":\"v-" + unique() + "@example.test\"}";
        assertProblem(api.postJson("/api/v1/tickets", "{" + valid + ",\"priorty\":\"high\"}", token), 400, "priorty");
        assertProblem(api.postJson("/api/v1/tickets", "{" + valid + ",\"priority\":\"asap\"}", token), 400, "priority");
        assertProblem(api.postJson("/api/v1/tickets", "{" + valid + ",\"status\":\"bogus\"}", token), 400, "status");
        assertProblem(api.postJson("/api/v1/tickets", "{" + valid + ",\"type\":\"nonsense\"}", token), 400, "type");
        assertProblem(api.postJson("/api/v1/tickets", "{" + valid + ",\"team\":999999999}", token), 400, "team");
        assertProblem(api.postJson("/api/v1/tickets", "{" + valid + ",\"assignee\":\"me\"}", token), 400, "assignee");
        assertProblem(api.postJson("/api/v1/tickets", "{" + valid + ",\"tags\":[\"no way!\"]}", token), 400, "tags");
        assertProblem(api.postJson("/api/v1/tickets", "{" + valid + ",\"channel\":\"fax\"}", token), 400, "channel");
        assertProblem(api.postJson("/api/v1/tickets", "{" + valid + ",\"customFields\":{\"no_such_plan\":\"gold\"}}", token),
                400, "customFields.no_such_plan");
        assertProblem(api.postJson("/api/v1/tickets", "{" + valid + ",\"html\":\"<p>x</p>\"}", token), 400, "body");
        assertProblem(api.postJson("/api/v1/tickets",
                "{\"subject\":\"S\",\"body\":\"B\",\"requester\":{\"email\":\"not an address\"}}", token), 400, "requester.email");
        assertProblem(api.postJson("/api/v1/tickets",
                "{\"subject\":\"S\",\"body\":\"B\",\"requester\":{\"email\":\"a@b.test\",\"phone\":\"1\"}}", token), 400, "requester.phone");
        HttpResponse<String> notJson = api.postJson("/api/v1/tickets", "{not json", token);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    // --- idempotency ------------------------------------------------------------------------------

    @Test
    void theSameIdempotencyKeyAnswersTheFirstTicketAndRefusesADifferentBody() {
        String subject = "Idempotent " + unique();
        String request = "{\"subject\":\"" + subject + "\",\"body\":\"Once\",\"requester\":{\"email\":\"idem-" + unique() + "@example.test\"}}";
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = api.postJson("/api/v1/tickets", request, token, "Idempotency-Key", key);
        HttpResponse<String> replay = api.postJson("/api/v1/tickets", request, token, "Idempotency-Key", key);
        HttpResponse<String> changed = api.postJson("/api/v1/tickets", request.replace("Once", "Twice"), token,
                "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(body(replay)).isEqualTo(body(first));
        assertProblem(changed, 422, "Idempotency-Key");
        assertThat(ticketsWithSubject(subject)).isEqualTo(1);

        String otherAgent = bearer(tokens.create(Agents.create(agents, Role.AGENT, Set.of(team.id())).id(), "t",
                Initiator.system()).secret());
        HttpResponse<String> sameKeyOtherCaller = api.postJson("/api/v1/tickets", request, otherAgent, "Idempotency-Key", key);
        assertThat(sameKeyOtherCaller.statusCode()).isEqualTo(201);
        assertThat(sameKeyOtherCaller.headers().firstValue("Idempotent-Replayed")).as("keys are per caller").isEmpty();
        assertThat(ticketsWithSubject(subject)).isEqualTo(2);

        clock.advance(Duration.ofHours(25));
        HttpResponse<String> afterADay = api.postJson("/api/v1/tickets", request, token, "Idempotency-Key", key);
        assertThat(afterADay.headers().firstValue("Idempotent-Replayed")).as("a key counts for 24 hours").isEmpty();
        assertThat(ticketsWithSubject(subject)).isEqualTo(3);

        assertProblem(api.postJson("/api/v1/tickets", request, token, "Idempotency-Key", "x".repeat(300)), 400,
                "Idempotency-Key");
    }

    @Test
    void concurrentDuplicatesCreateOneTicket() throws Exception {
        String subject = "Concurrent " + unique();
        String request = "{\"subject\":\"" + subject + "\",\"body\":\"Race\",\"requester\":{\"email\":\"race-" + unique() + "@example.test\"}}";
        String key = UUID.randomUUID().toString();
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                calls.add(() -> new ApiClient(port).postJson("/api/v1/tickets", request, token, "Idempotency-Key", key));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201);
            assertThat(responses).extracting(r -> body(r).get("number").asLong()).containsOnly(
                    body(responses.get(0)).get("number").asLong());
            assertThat(ticketsWithSubject(subject)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- get and patch ----------------------------------------------------------------------------

    @Test
    void getAnswersTheSameShapeAsCreate() {
        JsonNode created = body(create("Shape"));
        long number = created.get("number").asLong();

        HttpResponse<String> read = api.get("/api/v1/tickets/" + number, token);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(body(read)).isEqualTo(created);
        HttpResponse<String> missing = api.get("/api/v1/tickets/987654321", token);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void patchChangesEachFieldThroughTheTicketRules() {
        String id = unique();
        Agent colleague = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        Team other = teams.create("Other " + id, "", Set.of(), Initiator.system());
        var waiting = statuses.add("Waiting on legal " + id, TicketStatus.ON_HOLD, null);
        long number = body(create("Patch me")).get("number").asLong();
        String path = "/api/v1/tickets/" + number;

        JsonNode patched = body(api.patchJson(path, """
                {"subject":"Patched","status":"pending","priority":"urgent","type":"problem",
                 "assignee":%d,"tags":["one","two"]}""".formatted(colleague.id().value()), token));
        assertThat(patched.get("subject").asString()).isEqualTo("Patched");
        assertThat(patched.get("status").asString()).isEqualTo("pending");
        assertThat(patched.get("priority").asString()).isEqualTo("urgent");
        assertThat(patched.get("type").asString()).isEqualTo("problem");
        assertThat(patched.get("assignee").get("name").asString()).isEqualTo(colleague.name());
        assertThat(strings(patched.get("tags"))).containsExactly("one", "two");

        JsonNode retagged = body(api.patchJson(path, "{\"addTags\":[\"three\"],\"removeTags\":[\"one\"]}", token));
        assertThat(strings(retagged.get("tags"))).containsExactly("three", "two");
        JsonNode byName = body(api.patchJson(path, "{\"status\":\"waiting on legal " + id + "\"}", token));
        assertThat(byName.get("status").asString()).isEqualTo("on-hold");
        assertThat(byName.get("statusName").asString()).isEqualTo(waiting.name());
        JsonNode byId = body(api.patchJson(path, "{\"customStatusId\":" + waiting.id() + ",\"status\":\"on-hold\"}", token));
        assertThat(byId.get("statusName").asString()).isEqualTo(waiting.name());
        JsonNode unassigned = body(api.patchJson(path, "{\"assignee\":null,\"type\":null}", token));
        assertThat(unassigned.get("assignee").isNull()).isTrue();
        assertThat(unassigned.get("type").isNull()).isTrue();
        JsonNode same = body(api.patchJson(path, "{}", token));
        assertThat(same.get("version").asInt()).as("an empty patch changes nothing").isEqualTo(unassigned.get("version").asInt());

        assertProblem(api.patchJson(path, "{\"assignee\":" + agents.list().stream()
                .filter(a -> a.teams().isEmpty() && a.active()).findFirst().orElseThrow().id().value() + "}", token), 400, "assignee");
        assertProblem(api.patchJson(path, "{\"colour\":\"red\"}", token), 400, "colour");
        assertProblem(api.patchJson(path, "{\"status\":\"new\"}", token), 422, "status");
        assertProblem(api.patchJson(path, "{\"status\":\"closed\"}", token), 422, "status");
        assertProblem(api.patchJson(path, "{\"status\":\"nonsense\"}", token), 400, "status");
        assertProblem(api.patchJson(path, "{\"priority\":null}", token), 400, "priority");
        assertProblem(api.patchJson(path, "{\"customFields\":{\"no_such_field\":\"gold\"}}", token), 400,
                "customFields.no_such_field");

        JsonNode moved = body(api.patchJson(path, "{\"team\":{\"id\":" + other.id().value() + "}}", token));
        assertThat(moved.get("team").get("name").asString()).as("an object as read is accepted").isEqualTo(other.name());
        assertThat(api.get(path, token).statusCode()).as("moved out of the agent's teams").isEqualTo(404);
    }

    @Test
    void customFieldsAreReadAndWrittenAndRequiredToSolve() {
        String id = unique().replace('-', '_');
        TicketTypes.TicketType type = administration.addType("Api refund " + id, Initiator.system());
        CustomField order = fieldDefinitions.create(new FieldDefinition("order_" + id, "Order", null, FieldType.TEXT,
                List.of(), false, 1), Initiator.system());
        CustomField amount = fieldDefinitions.create(new FieldDefinition("amount_" + id, "Amount", null, FieldType.DECIMAL,
                List.of(), true, 2), Initiator.system());
        fieldDefinitions.setForm(type.key(), List.of(order.id(), amount.id()), Initiator.system());

        HttpResponse<String> created = api.postJson("/api/v1/tickets", """
                {"subject":"Refund please","body":"Twice charged","requester":{"email":"cf-%s@example.test"},
                 "type":"%s","team":%d,"customFields":{"order_%s":"A-1001"}}""".formatted(id, type.key(), team.id().value(), id),
                token);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode ticket = body(created);
        assertThat(ticket.get("customFields").get("order_" + id).asString()).isEqualTo("A-1001");
        assertThat(ticket.get("customFields").get("amount_" + id).isNull()).isTrue();
        String path = "/api/v1/tickets/" + ticket.get("number").asLong();

        assertProblem(api.patchJson(path, "{\"customFields\":{\"amount_" + id + "\":\"lots\"}}", token), 400,
                "customFields.amount_" + id);
        assertProblem(api.patchJson(path, "{\"status\":\"solved\"}", token), 422, "customFields.amount_" + id);

        JsonNode solved = body(api.patchJson(path, "{\"status\":\"solved\",\"customFields\":{\"amount_" + id + "\":\"12.50\"}}", token));
        assertThat(solved.get("status").asString()).isEqualTo("solved");
        assertThat(solved.get("customFields").get("amount_" + id).decimalValue()).isEqualByComparingTo("12.50");
        assertThat(body(api.get(path, token)).get("customFields").get("order_" + id).asString()).isEqualTo("A-1001");
    }

    @Test
    void aStaleVersionIsAConflictThatNamesTheCurrentVersion() {
        JsonNode created = body(create("Versioned"));
        String path = "/api/v1/tickets/" + created.get("number").asLong();
        int version = created.get("version").asInt();

        JsonNode first = body(api.patchJson(path, "{\"priority\":\"high\",\"version\":" + version + "}", token));
        HttpResponse<String> stale = api.patchJson(path, "{\"priority\":\"low\",\"version\":" + version + "}", token);

        assertThat(first.get("version").asInt()).isGreaterThan(version);
        assertProblem(stale, 409, "version");
        assertThat(body(stale).get("currentVersion").asInt()).isEqualTo(first.get("version").asInt());
        assertThat(body(api.get(path, token)).get("priority").asString()).as("nothing overwritten").isEqualTo("high");
    }

    @Test
    void aClosedTicketRefusesChangesAsItsState() {
        String path = "/api/v1/tickets/" + body(create("Closing")).get("number").asLong();
        assertThat(api.patchJson(path, "{\"status\":\"solved\"}", token).statusCode()).isEqualTo(200);
        assertThat(api.patchJson(path, "{\"status\":\"closed\"}", token).statusCode()).isEqualTo(200);

        assertProblem(api.patchJson(path, "{\"priority\":\"urgent\"}", token), 422, "priority");
        assertProblem(api.patchJson(path, "{\"status\":\"open\"}", token), 422, "status");
    }

    // --- messages ---------------------------------------------------------------------------------

    @Test
    void repliesAndNotesWithChangesAlongsideAndAPagedConversation() {
        long number = body(create("Conversation")).get("number").asLong();
        String messages = "/api/v1/tickets/" + number + "/messages";

        HttpResponse<String> reply = api.postJson(messages,
                "{\"kind\":\"public\",\"body\":\"Please **restart** it.\",\"status\":\"pending\"}", token);
        HttpResponse<String> note = api.postJson(messages, "{\"kind\":\"internal\",\"html\":\"<i>Known bug</i>\"}", token);

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        JsonNode replied = body(reply);
        assertThat(replied.get("kind").asString()).isEqualTo("public");
        assertThat(replied.get("author").get("type").asString()).isEqualTo("agent");
        assertThat(replied.get("author").get("id").asLong()).isEqualTo(agent.id().value());
        assertThat(replied.get("author").get("name").asString()).isEqualTo(agent.name());
        assertThat(replied.get("html").asString()).contains("<strong>restart</strong>");
        assertThat(replied.get("text").asString()).isEqualTo("Please restart it.");
        assertThat(replied.get("attachments")).isEmpty();
        assertThat(replied.get("channel").asString()).as("a reply goes the ticket's way").isEqualTo("api");
        assertThat(body(note).get("kind").asString()).isEqualTo("internal");
        assertThat(body(note).get("text").asString()).isEqualTo("Known bug");
        JsonNode ticket = body(api.get("/api/v1/tickets/" + number, token));
        assertThat(ticket.get("status").asString()).isEqualTo("pending");
        assertThat(ticket.get("firstResponseAt").isNull()).isFalse();

        JsonNode page1 = body(api.get(messages + "?limit=2", token));
        assertThat(kinds(page1)).containsExactly("customer", "public");
        JsonNode page2 = body(api.get(messages + "?limit=2&cursor=" + enc(page1.get("next").asString()), token));
        assertThat(kinds(page2)).containsExactly("internal");
        assertThat(page2.get("next").isNull()).isTrue();

        assertProblem(api.postJson(messages, "{\"kind\":\"shout\",\"body\":\"x\"}", token), 400, "kind");
        assertProblem(api.postJson(messages, "{\"kind\":\"public\"}", token), 400, "body");
        assertProblem(api.postJson(messages, "{\"body\":\"x\",\"status\":\"new\"}", token), 422, "status");
        assertProblem(api.get(messages + "?cursor=garbage!", token), 400, "cursor");
        assertProblem(api.get(messages + "?limit=1000", token), 400, "limit");
    }

    @Test
    void multipartRepliesCarryFilesThatDownloadBackWithSafeHeaders() {
        long number = body(create("With files")).get("number").asLong();
        String messages = "/api/v1/tickets/" + number + "/messages";
        byte[] log = "line 1\nline 2\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> posted = api.postMultipart(messages, Map.of("kind", "internal", "body", "Logs attached", "addTags", "has-logs"),
                List.of(new FilePart("file", "server.log", "text/plain", log), new FilePart("file", "screen.png", "image/png", PNG)),
                token);

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode files = body(posted).get("attachments");
        assertThat(files).hasSize(2);
        assertThat(files.get(0).get("name").asString()).isEqualTo("server.log");
        assertThat(files.get(0).get("size").asLong()).isEqualTo(log.length);
        assertThat(files.get(1).get("contentType").asString()).isEqualTo("image/png");
        assertThat(strings(body(api.get("/api/v1/tickets/" + number, token)).get("tags"))).contains("has-logs");

        HttpResponse<byte[]> download = api.getBytes(files.get(0).get("url").asString(), token);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(log);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment;"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(api.getBytes(files.get(1).get("url").asString(), token).body()).isEqualTo(PNG);
        assertThat(api.getBytes(files.get(0).get("url").asString(), null).statusCode()).isEqualTo(401);

        assertProblem(api.postMultipart(messages, Map.of("body", "x"), List.of(new FilePart("upload", "a.txt", "text/plain", log)),
                token), 400, "upload");
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413() {
        long number = body(create("Too big")).get("number").asLong();
        byte[] big = new byte[25 * 1024 * 1024 + 1];

        HttpResponse<String> refused = api.postMultipart("/api/v1/tickets/" + number + "/messages",
                Map.of("body", "Huge"), List.of(new FilePart("file", "huge.bin", "application/octet-stream", big)), token);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).as(refused.headers().map() + " " + refused.body()).hasValue("application/problem+json");
        assertThat(body(refused).get("detail").asString()).contains("25 MB");
        assertThat(body(api.get("/api/v1/tickets/" + number + "/messages", token)).get("items")).hasSize(1);
    }

    // --- events -----------------------------------------------------------------------------------

    @Test
    void eventsAreTheAuditTrailWithActorsAndApiKeys() {
        long number = body(create("Audited")).get("number").asLong();
        api.patchJson("/api/v1/tickets/" + number, "{\"priority\":\"high\",\"status\":\"on-hold\"}", token);
        api.postJson("/api/v1/tickets/" + number + "/messages", "{\"kind\":\"internal\",\"body\":\"noted\"}", token);
        String events = "/api/v1/tickets/" + number + "/events";

        JsonNode all = body(api.get(events + "?limit=100", token));
        List<String> types = new ArrayList<>();
        all.get("items").forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).containsExactly("ticket_created", "message_added", "status_changed", "priority_changed", "message_added");
        JsonNode status = all.get("items").get(2);
        assertThat(status.get("data").get("from").asString()).isEqualTo("new");
        assertThat(status.get("data").get("to").asString()).isEqualTo("on-hold");
        assertThat(status.get("actor").get("type").asString()).isEqualTo("agent");
        assertThat(status.get("actor").get("name").asString()).isEqualTo(agent.name());
        assertThat(all.get("items").get(3).get("data").get("to").asString()).isEqualTo("high");
        assertThat(all.get("items").get(4).get("data").get("kind").asString()).isEqualTo("internal");
        assertThat(all.get("items").get(0).has("createdAt")).isTrue();

        JsonNode first = body(api.get(events + "?limit=3", token));
        JsonNode rest = body(api.get(events + "?limit=3&cursor=" + enc(first.get("next").asString()), token));
        assertThat(first.get("items")).hasSize(3);
        assertThat(rest.get("items")).hasSize(2);
        assertThat(rest.get("items").get(0).get("id").asLong()).isEqualTo(all.get("items").get(3).get("id").asLong());
        assertThat(rest.get("next").isNull()).isTrue();
    }

    // --- helpers ----------------------------------------------------------------------------------

    private HttpResponse<String> create(String subject) {
        HttpResponse<String> response = api.postJson("/api/v1/tickets", """
                {"subject":"%s","body":"Help","requester":{"email":"req-%s@example.test","name":"Rae Requester"},"team":%d}"""
                .formatted(subject, unique(), team.id().value()), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private long ticketsWithSubject(String subject) {
        return jdbc.sql("select count(*) from ticket where subject = ?").param(subject).query(Long.class).single();
    }

    private void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(field);
    }

    private List<String> fields(HttpResponse<String> response) {
        List<String> names = new ArrayList<>();
        body(response).get("errors").forEach(e -> names.add(e.get("field").asString()));
        return names;
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private static List<String> kinds(JsonNode page) {
        List<String> kinds = new ArrayList<>();
        page.get("items").forEach(m -> kinds.add(m.get("kind").asString()));
        return kinds;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
