package io.tessera.conversation;

import static io.tessera.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.AtOnce;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Tags;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Optimistic concurrency the HTTP way (ETag on reads, If-Match on writes) next to {@code version} in the body,
 * and additive changes that need neither: what a reliability probe found lost or wrongly refused.
 */
@IntegrationTest
class TicketPreconditionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Tags tags;

    @Autowired
    ObjectMapper json;

    ApiClient api;
    Team team;
    String token;

    @BeforeEach
    void agentOfATeam() {
        api = new ApiClient(port);
        team = teams.create("Precondition team " + unique(), "", Set.of(), Initiator.system());
        var agent = Agents.create(agents, Role.ADMIN, Set.of(team.id()));
        token = bearer(tokens.create(agent.id(), "test", Initiator.system()).secret());
    }

    /**
     * The probe: clients read the ticket, add their own tag to the list they read, and write the whole list back
     * with If-Match; on 412 they read again and retry. Every update the server acknowledged must still be there.
     */
    @Test
    void readModifyWriteWithIfMatchLosesNoAcknowledgedUpdate() throws Exception {
        String path = path(create());
        AtomicInteger client = new AtomicInteger();
        List<List<String>> acknowledged = AtOnce.run(4, () -> {
            int me = client.incrementAndGet();
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                // "zz": after other tests' tags in the shared database's tag list, which pages by name.
                String tag = "zz-c" + me + "-u" + i;
                for (int attempt = 0; attempt < 50; attempt++) {
                    HttpResponse<String> read = api.get(path, token);
                    String etag = read.headers().firstValue("ETag").orElseThrow();
                    ArrayNode list = (ArrayNode) body(read).get("tags");
                    list.add(tag);
                    ObjectNode patch = json.createObjectNode().set("tags", list);
                    HttpResponse<String> write = api.send("PATCH", path, patch.toString(), token, "If-Match", etag);
                    if (write.statusCode() == 200) {
                        mine.add(tag);
                        break;
                    }
                    assertThat(write.statusCode()).as(write.body()).isEqualTo(412);
                }
            }
            return mine;
        });
        List<String> present = strings(body(api.get(path, token)).get("tags"));
        List<String> lost = acknowledged.stream().flatMap(List::stream).filter(tag -> !present.contains(tag)).toList();
        assertThat(acknowledged.stream().mapToInt(List::size).sum()).isEqualTo(48);
        assertThat(lost).as("acknowledged updates lost").isEmpty();
    }

    @Test
    void readsAndWritesCarryTheVersionAsAStrongETag() {
        HttpResponse<String> created = create();
        String path = path(created);
        HttpResponse<String> read = api.get(path, token);
        int version = body(read).get("version").asInt();
        assertThat(read.headers().firstValue("ETag")).hasValue("\"" + version + "\"");

        HttpResponse<String> changed = api.send("PATCH", path, "{\"priority\":\"high\"}", token, "If-Match", "\"" + version + "\"");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        int after = body(changed).get("version").asInt();
        assertThat(after).isGreaterThan(version);
        assertThat(changed.headers().firstValue("ETag")).hasValue("\"" + after + "\"");
    }

    @Test
    void aStaleIfMatchIsRefusedWith412NamingIfMatchAndTheCurrentETag() {
        String path = path(create());
        String etag = api.get(path, token).headers().firstValue("ETag").orElseThrow();
        assertThat(api.send("PATCH", path, "{\"priority\":\"high\"}", token, "If-Match", etag).statusCode()).isEqualTo(200);
        String current = api.get(path, token).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> stale = api.send("PATCH", path, "{\"priority\":\"low\"}", token, "If-Match", etag);

        assertProblem(stale, 412, "If-Match");
        assertThat(body(stale).get("detail").asString()).contains(current);
        assertThat(body(stale).get("currentETag").asString()).isEqualTo(current);
        assertThat(body(api.get(path, token)).get("priority").asString()).isEqualTo("high");
    }

    @Test
    void aStaleVersionInTheBodyStaysA409NamingVersion() {
        String path = path(create());
        int version = body(api.get(path, token)).get("version").asInt();
        api.patchJson(path, "{\"priority\":\"high\"}", token);

        HttpResponse<String> stale = api.patchJson(path, "{\"priority\":\"low\",\"version\":" + version + "}", token);

        assertProblem(stale, 409, "version");
        assertThat(fields(stale)).doesNotContain("If-Match");
    }

    @Test
    void aStarMatchesAnyVersionAndAListMatchesIfAnyOfItsETagsDoes() {
        String path = path(create());
        api.patchJson(path, "{\"priority\":\"high\"}", token);
        String current = api.get(path, token).headers().firstValue("ETag").orElseThrow();

        assertThat(api.send("PATCH", path, "{\"priority\":\"low\"}", token, "If-Match", "*").statusCode()).isEqualTo(200);
        String now = api.get(path, token).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> listed = api.send("PATCH", path, "{\"priority\":\"urgent\"}", token,
                "If-Match", "\"999\", " + now + ", " + current);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertProblem(api.send("PATCH", path, "{\"priority\":\"normal\"}", token, "If-Match", "\"998\", \"999\""),
                412, "If-Match");
    }

    @Test
    void aWeakOrMalformedIfMatchIsA400NamingIfMatch() {
        String path = path(create());
        String etag = api.get(path, token).headers().firstValue("ETag").orElseThrow();
        for (String header : List.of("W/" + etag, "3", "\"3", "\"3\" \"4\"", "\"3\",", "abc")) {
            HttpResponse<String> refused = api.send("PATCH", path, "{\"priority\":\"high\"}", token, "If-Match", header);
            assertProblem(refused, 400, "If-Match");
        }
        assertThat(body(api.get(path, token)).get("priority").asString()).isEqualTo("normal");
    }

    @Test
    void anIfMatchAndAVersionThatDisagreeAreA400NamingBoth() {
        String path = path(create());
        int version = body(api.get(path, token)).get("version").asInt();

        HttpResponse<String> refused = api.send("PATCH", path, "{\"priority\":\"high\",\"version\":" + (version + 1) + "}",
                token, "If-Match", "\"" + version + "\"");
        assertProblem(refused, 400, "If-Match");
        assertThat(fields(refused)).contains("version");

        HttpResponse<String> agreeing = api.send("PATCH", path, "{\"priority\":\"high\",\"version\":" + version + "}",
                token, "If-Match", "\"" + version + "\"");
        assertThat(agreeing.statusCode()).as(agreeing.body()).isEqualTo(200);
    }

    @Test
    void aMessageWithChangesHonoursIfMatch() {
        String path = path(create());
        String etag = api.get(path, token).headers().firstValue("ETag").orElseThrow();
        api.patchJson(path, "{\"priority\":\"high\"}", token);

        HttpResponse<String> stale = api.send("POST", path + "/messages", "{\"kind\":\"internal\",\"body\":\"Note\"}",
                token, "If-Match", etag);
        assertProblem(stale, 412, "If-Match");

        String current = api.get(path, token).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> fresh = api.send("POST", path + "/messages", "{\"kind\":\"internal\",\"body\":\"Note\"}",
                token, "If-Match", current);
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(201);
    }

    /** Additive changes need no version: concurrent addTags all land, and nobody is told about a version they never sent. */
    @Test
    void concurrentAddTagsWithoutAVersionAllLand() throws Exception {
        String path = path(create());
        AtomicInteger next = new AtomicInteger();
        List<HttpResponse<String>> answers = AtOnce.run(8, () ->
                api.patchJson(path, "{\"addTags\":[\"zz-add-" + next.incrementAndGet() + "\"]}", token));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        assertThat(strings(body(api.get(path, token)).get("tags")))
                .contains("zz-add-1", "zz-add-2", "zz-add-3", "zz-add-4", "zz-add-5", "zz-add-6", "zz-add-7", "zz-add-8");
    }

    @Test
    void concurrentRepliesWithTagsWithoutAVersionAllLand() throws Exception {
        String path = path(create());
        AtomicInteger next = new AtomicInteger();
        List<HttpResponse<String>> answers = AtOnce.run(6, () -> api.postJson(path + "/messages",
                "{\"kind\":\"internal\",\"body\":\"Note\",\"addTags\":[\"zz-note-" + next.incrementAndGet() + "\"]}", token));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
        assertThat(strings(body(api.get(path, token)).get("tags")))
                .contains("zz-note-1", "zz-note-2", "zz-note-3", "zz-note-4", "zz-note-5", "zz-note-6");
    }

    // --- helpers ----------------------------------------------------------------------------------

    private HttpResponse<String> create() {
        HttpResponse<String> response = api.postJson("/api/v1/tickets", """
                {"subject":"Precondition %s","body":"Help","requester":{"email":"req-%s@example.test","name":"Rae"},"team":%d}"""
                .formatted(unique(), unique(), team.id().value()), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private String path(HttpResponse<String> created) {
        return "/api/v1/tickets/" + body(created).get("number").asLong();
    }

    private void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(field);
    }

    private List<String> fields(HttpResponse<String> response) {
        List<String> names = new ArrayList<>();
        JsonNode errors = body(response).get("errors");
        if (errors != null) {
            errors.forEach(e -> names.add(e.get("field").asString()));
        }
        return names;
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
