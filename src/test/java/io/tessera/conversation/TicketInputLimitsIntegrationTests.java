package io.tessera.conversation;

import static io.tessera.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Tags;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the API refuses to store: more tags than a ticket may carry, more new tags than one request may add
 * to the taxonomy, and text with control characters (a NUL that PostgreSQL cannot store, a line break in a
 * subject). Every refusal is a 400 naming the field, and nothing is half-done.
 */
@IntegrationTest
class TicketInputLimitsIntegrationTests {

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

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    Team team;
    String token;

    @BeforeEach
    void adminOfATeam() {
        api = new ApiClient(port);
        team = teams.create("Limits team " + unique(), "", Set.of(), Initiator.system());
        var admin = Agents.create(agents, Role.ADMIN, Set.of(team.id()));
        token = bearer(tokens.create(admin.id(), "test", Initiator.system()).secret());
    }

    // --- tags -------------------------------------------------------------------------------------

    @Test
    void twoThousandNewTagsInOnePatchAreA400NamingTagsAndCreateNone() {
        String path = path(create());
        String prefix = "zz-bulk" + unique();
        List<String> many = names(prefix, 2000);

        HttpResponse<String> refused = api.patchJson(path, "{\"tags\":" + json.writeValueAsString(many) + "}", token);

        assertProblem(refused, 400, "tags");
        assertThat(tags.all()).noneMatch(tag -> tag.startsWith(prefix));
    }

    @Test
    void moreThanTwentyNewTagsInOneRequestAreRefusedTwentyAreNot() {
        String path = path(create());
        String prefix = "zz-new" + unique();

        assertProblem(api.patchJson(path, "{\"addTags\":" + json.writeValueAsString(names(prefix, 21)) + "}", token), 400, "tags");
        assertThat(tags.all()).noneMatch(tag -> tag.startsWith(prefix));

        HttpResponse<String> twenty = api.patchJson(path, "{\"addTags\":" + json.writeValueAsString(names(prefix, 20)) + "}", token);
        assertThat(twenty.statusCode()).as(twenty.body()).isEqualTo(200);
    }

    @Test
    void aTicketCarriesAtMostFiftyTagsButCanAlwaysLoseSome() {
        String path = path(create());
        String prefix = "zz-cap" + unique();
        List<String> fifty = names(prefix, 50);
        fifty.forEach(tags::create);

        HttpResponse<String> full = api.patchJson(path, "{\"tags\":" + json.writeValueAsString(fifty) + "}", token);
        assertThat(full.statusCode()).as(full.body()).isEqualTo(200);
        assertThat(body(full).get("tags")).hasSize(50);

        tags.create(prefix + "-extra");
        assertProblem(api.patchJson(path, "{\"addTags\":[\"" + prefix + "-extra\"]}", token), 400, "tags");
        HttpResponse<String> fewer = api.patchJson(path, "{\"removeTags\":[\"" + fifty.get(0) + "\"]}", token);
        assertThat(fewer.statusCode()).as(fewer.body()).isEqualTo(200);
        assertThat(body(fewer).get("tags")).hasSize(49);
    }

    /** Tagged over the cap before it existed: the whole list sent back (as the ticket page does) still saves. */
    @Test
    void aTicketAlreadyOverTheCapStaysEditable() {
        HttpResponse<String> created = create();
        long number = body(created).get("number").asLong();
        String prefix = "zz-old" + unique();
        List<String> sixty = names(prefix, 60);
        sixty.forEach(tags::create);
        sixty.forEach(tag -> jdbc.sql("insert into ticket_tag (ticket_id, tag) select id, ? from ticket where number = ?")
                .params(tag, number).update());

        HttpResponse<String> same = api.patchJson(path(created), "{\"priority\":\"high\",\"tags\":"
                + json.writeValueAsString(sixty) + "}", token);
        assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
        HttpResponse<String> fewer = api.patchJson(path(created), "{\"removeTags\":[\"" + sixty.get(0) + "\"]}", token);
        assertThat(body(fewer).get("tags")).hasSize(59);
        assertProblem(api.patchJson(path(created), "{\"addTags\":[\"" + sixty.get(0) + "\"]}", token), 400, "tags");
    }

    @Test
    void aNewTicketWithThreeThousandTagsIsA400NamingTags() {
        String subject = "Tagged " + unique();
        HttpResponse<String> refused = api.postJson("/api/v1/tickets", """
                {"subject":"%s","body":"Help","requester":{"email":"req-%s@example.test"},"tags":%s}"""
                .formatted(subject, unique(), json.writeValueAsString(names("zz-t" + unique(), 3000))), token);

        assertProblem(refused, 400, "tags");
    }

    @Test
    void aBulkActionCannotPushATicketOverTheCap() {
        String prefix = "zz-bk" + unique();
        List<String> fifty = names(prefix, 50);
        fifty.forEach(tags::create);
        tags.create(prefix + "-more");
        HttpResponse<String> created = create();
        long number = body(created).get("number").asLong();
        api.patchJson(path(created), "{\"tags\":" + json.writeValueAsString(fifty) + "}", token);

        HttpResponse<String> bulk = api.postJson("/api/v1/tickets/bulk", """
                {"tickets":[%d],"changes":{"addTags":["%s-more"]}}""".formatted(number, prefix), token);

        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        assertThat(body(bulk).get("failed").asInt()).as(bulk.body()).isEqualTo(1);
        assertThat(body(api.get(path(created), token)).get("tags")).hasSize(50);
    }

    // --- control characters -------------------------------------------------------------------------

    @Test
    void aNulInASubjectIsA400NamingSubject() {
        HttpResponse<String> refused = api.postJson("/api/v1/tickets", """
                {"subject":"Broken \\u0000 subject","body":"Help","requester":{"email":"req-%s@example.test"}}"""
                .formatted(unique()), token);
        assertProblem(refused, 400, "subject");

        String path = path(create());
        assertProblem(api.patchJson(path, "{\"subject\":\"Two\\nlines\"}", token), 400, "subject");
        assertProblem(api.patchJson(path, "{\"subject\":\"Bell \\u0007\"}", token), 400, "subject");
    }

    @Test
    void bodiesKeepTabsAndLineBreaksButRefuseOtherControlCharacters() {
        String path = path(create());

        HttpResponse<String> fine = api.postJson(path + "/messages", "{\"kind\":\"internal\",\"body\":\"One\\r\\n\\tTwo\"}", token);
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);

        assertProblem(api.postJson(path + "/messages", "{\"kind\":\"internal\",\"body\":\"Null \\u0000 here\"}", token), 400, "body");
        assertProblem(api.postJson(path + "/messages", "{\"kind\":\"internal\",\"html\":\"<p>Escape \\u001b</p>\"}", token), 400, "html");
        assertProblem(api.postJson(path + "/messages", "{\"kind\":\"internal\",\"body\":\"Half \\ud800 a pair\"}", token), 400, "body");
    }

    @Test
    void aRequesterNameWithALineBreakIsA400NamingIt() {
        HttpResponse<String> refused = api.postJson("/api/v1/tickets", """
                {"subject":"Hi","body":"Help","requester":{"email":"req-%s@example.test","name":"Rae\\r\\nBcc: x"}}"""
                .formatted(unique()), token);
        assertProblem(refused, 400, "requester.name");
    }

    /** The customer API answers every value it refuses with 422 (docs/customers.md); a NUL is one such value. */
    @Test
    void aCustomerNameWithANulIsRefusedNamingName() {
        HttpResponse<String> refused = api.postJson("/api/v1/customers", """
                {"name":"Nul \\u0000 Customer","email":"c-%s@example.test"}""".formatted(unique()), token);
        assertProblem(refused, 400, "name");
        HttpResponse<String> twoLines = api.postJson("/api/v1/customers", """
                {"name":"Two\\nLines","email":"l-%s@example.test"}""".formatted(unique()), token);
        assertProblem(twoLines, 422, "name");
        HttpResponse<String> notes = api.postJson("/api/v1/customers", """
                {"name":"Noted","email":"n-%s@example.test","notes":"Line one\\nline two"}""".formatted(unique()), token);
        assertThat(notes.statusCode()).as(notes.body()).isEqualTo(201);
    }

    // --- helpers ----------------------------------------------------------------------------------

    private HttpResponse<String> create() {
        HttpResponse<String> response = api.postJson("/api/v1/tickets", """
                {"subject":"Limits %s","body":"Help","requester":{"email":"req-%s@example.test","name":"Rae"},"team":%d}"""
                .formatted(unique(), unique(), team.id().value()), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private String path(HttpResponse<String> created) {
        return "/api/v1/tickets/" + body(created).get("number").asLong();
    }

    /**
     * Tag names; callers start them with {@code zz} so that, sorted by name, they come after other tests' tags
     * in the shared database (the admin tag list shows the first page).
     */
    private static List<String> names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).collect(Collectors.toList());
    }

    private void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        List<String> names = new ArrayList<>();
        JsonNode errors = body(response).get("errors");
        if (errors != null) {
            errors.forEach(e -> names.add(e.get("field").asString()));
        }
        assertThat(names).as(response.body()).contains(field);
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
