package io.tessera.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jsoup.nodes.Document;
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
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.CustomField;
import io.tessera.ticket.CustomFieldDefinitions;
import io.tessera.ticket.FieldDefinition;
import io.tessera.ticket.FieldType;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketFields;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketOrder;
import io.tessera.ticket.TicketRef;
import io.tessera.ticket.TicketSort;
import io.tessera.ticket.TicketStatus;
import io.tessera.ticket.TicketSummary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Custom-field conditions over real fields and stored values: SQL (a view's list) and memory (a ticket
 * against the same conditions) agree for every field type; a saved view lists, counts and pages exactly its
 * tickets and survives an option being removed; the API's {@code field.<key>} filter; the builder; refusals.
 * Field keys carry a per-test suffix: the database is shared with other test classes.
 */
@IntegrationTest
class CustomFieldConditionIntegrationTests {

    @LocalServerPort int port;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;
    @Autowired TicketManagement tickets;
    @Autowired TicketFields fields;
    @Autowired CustomFieldDefinitions definitions;
    @Autowired Views views;
    @Autowired ViewLists lists;
    @Autowired ViewCounts counts;
    @Autowired MutableClock clock;
    @Autowired ObjectMapper json;

    String s;
    Team team;
    Agent agent;
    List<TicketRef> t = new ArrayList<>();

    @BeforeEach
    void fieldsAndTickets() {
        s = Long.toString(System.nanoTime(), 36);
        field("company", "Company", FieldType.TEXT, List.of());
        field("product", "Product", FieldType.DROPDOWN, List.of("Cloud", "Server", "Legacy"));
        field("modules", "Modules", FieldType.MULTISELECT, List.of("Mail", "Chat", "Voice"));
        field("vip", "VIP", FieldType.CHECKBOX, List.of());
        field("seats", "Seats", FieldType.NUMBER, List.of());
        field("due", "Due", FieldType.DATE, List.of());
        field("amount", "Amount", FieldType.DECIMAL, List.of());

        ViewFixtures data = new ViewFixtures(agents, teams, customers, tickets);
        team = data.team();
        agent = data.agent(Role.AGENT, team);
        Instant now = clock.instant();
        for (int i = 0; i < 5; i++) {
            t.add(data.ticket(team.id(), null, TicketStatus.OPEN, Priority.NORMAL, now, now, null));
        }
        set(0, Map.of("company", "Acme Corp", "product", "Cloud", "modules", List.of("Mail", "Chat"), "vip", true,
                "seats", 10, "due", "2026-03-31", "amount", "12.50"));
        set(1, Map.of("company", "acme corp", "product", "Server", "modules", List.of("Voice"), "vip", false, "seats", 20));
        // t[2] has no values at all
        set(3, Map.of("company", "Other", "product", "cloud", "modules", List.of("Chat"), "vip", "yes", "seats", 10,
                "amount", "12.5"));
        set(4, Map.of("product", "Legacy"));
    }

    @Test
    void sqlAndMemoryAgreeForEveryFieldType() {
        Map<Conditions, Set<Integer>> examples = new LinkedHashMap<>();
        examples.put(all(row("company", "is", "ACME CORP")), Set.of(0, 1));
        examples.put(all(row("company", "is_not", "acme corp")), Set.of(2, 3, 4));
        examples.put(all(row("company", "is", "none")), Set.of(2, 4));
        examples.put(all(row("product", "is", "Cloud")), Set.of(0, 3));
        examples.put(all(row("product", "in", "cloud", "SERVER")), Set.of(0, 1, 3));
        examples.put(all(row("product", "is_not", "Cloud")), Set.of(1, 2, 4));
        examples.put(all(row("product", "in", "Server", "none")), Set.of(1, 2));
        examples.put(all(row("product", "is_not", "none")), Set.of(0, 1, 3, 4));
        examples.put(all(row("product", "not_in", "none", "Legacy")), Set.of(0, 1, 3));
        examples.put(all(row("modules", "is", "Chat")), Set.of(0, 3));
        examples.put(all(row("modules", "in", "Voice", "Mail")), Set.of(0, 1));
        examples.put(all(row("modules", "not_in", "Chat")), Set.of(1, 2, 4));
        examples.put(all(row("modules", "is", "none")), Set.of(2, 4));
        examples.put(all(row("vip", "is", "true")), Set.of(0, 3));
        examples.put(all(row("vip", "is", "false")), Set.of(1, 2, 4));
        examples.put(all(row("vip", "is_not", "true")), Set.of(1, 2, 4));
        examples.put(all(row("vip", "in", "true", "false")), Set.of(0, 1, 2, 3, 4));
        examples.put(all(row("seats", "is", "10")), Set.of(0, 3));
        examples.put(all(row("seats", "in", "20", "none")), Set.of(1, 2, 4));
        examples.put(all(row("due", "is", "2026-03-31")), Set.of(0));
        examples.put(all(row("amount", "is", "12.5")), Set.of(0, 3));
        examples.put(all(row("amount", "is", "12.500")), Set.of(0, 3));
        examples.put(all(row("company", "is", "acme corp"), row("vip", "is", "true")), Set.of(0));
        // all: Cloud or Server; any: 20 seats or the Mail module
        examples.put(Conditions.parse(List.of(row("product", "in", "Cloud", "Server")),
                List.of(row("seats", "is", "20"), row("modules", "is", "Mail")), fields::match), Set.of(0, 1));
        // mixed with a built-in field
        examples.put(all(row("product", "is", "Cloud"), new ConditionRow("status", "is", List.of("open"))), Set.of(0, 3));

        Perspective perspective = lists.perspective(agent);
        for (var example : examples.entrySet()) {
            Conditions conditions = example.getKey();
            Set<Long> expected = new TreeSet<>(example.getValue().stream().map(i -> t.get(i).number()).toList());
            Set<Long> bySql = new TreeSet<>(lists.page(conditions, new TicketOrder(TicketSort.NUMBER, false), agent, null, 100)
                    .tickets().stream().map(TicketSummary::number).toList());
            Set<Long> inMemory = new TreeSet<>(t.stream().filter(ref -> conditions.matches(tickets.get(ref.id()), perspective))
                    .map(TicketRef::number).toList());
            assertThat(inMemory).as("in memory: " + conditions.allRows() + conditions.anyRows()).isEqualTo(expected);
            assertThat(bySql).as("SQL: " + conditions.allRows() + conditions.anyRows()).isEqualTo(expected);
            assertThat(Conditions.parse(conditions.allRows(), conditions.anyRows(), fields::match))
                    .as("rows round-trip").isEqualTo(conditions);
        }
    }

    @Test
    void aSavedViewListsCountsAndPagesExactlyItsTickets() {
        Conditions conditions = all(row("product", "in", "Cloud", "Server"));
        View view = views.create(new ViewDraft("Products " + s, false, null,
                new ViewDefinition(conditions, new TicketOrder(TicketSort.NUMBER, false), List.of(Column.NUMBER))), agent);
        View stored = views.get(view.id(), agent);
        assertThat(stored.definition().conditions()).isEqualTo(conditions);
        assertThat(stored.definition().conditions().allRows().get(0))
                .isEqualTo(new ConditionRow("field:" + key("product"), "in", List.of("Cloud", "Server")));

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = lists.page(stored, agent, cursor, 1);
            page.tickets().forEach(ticket -> seen.add(ticket.number()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactly(t.get(0).number(), t.get(1).number(), t.get(3).number());
        assertThat(counts.count(stored, agent)).isEqualTo(new ViewCount(3, false));
        assertThat(views.of(agent)).extracting(View::name).contains("Products " + s);
    }

    @Test
    void aSavedViewKeepsWorkingWhenItsOptionIsRemoved() {
        View view = views.create(new ViewDraft("Legacy " + s, false, null, new ViewDefinition(
                all(row("product", "is", "Legacy")), new TicketOrder(TicketSort.NUMBER, false), List.of(Column.NUMBER))), agent);
        CustomField product = definitions.findByKey(key("product")).orElseThrow();
        definitions.update(product.id(), new FieldDefinition(product.key(), product.label(), null, product.type(),
                List.of("Cloud", "Server"), false, product.position()), Initiator.system());

        View stored = views.get(view.id(), agent);
        assertThat(lists.page(stored, agent, null, 50).tickets()).extracting(TicketSummary::number)
                .containsExactly(t.get(4).number());
        assertThat(views.of(agent)).extracting(View::name).contains("Legacy " + s);
        // … but a new condition on the removed option is refused, naming the field.
        assertThatThrownBy(() -> all(row("product", "is", "Legacy"))).isInstanceOf(InvalidView.class)
                .hasMessageContaining("Product " + s).extracting(e -> ((InvalidView) e).field())
                .isEqualTo("field:" + key("product"));
    }

    @Test
    void refusalsNameTheConditionRow() {
        assertThatThrownBy(() -> Conditions.parse(new ConditionRow("field:nope_" + s, "is", List.of("x")), fields::match))
                .isInstanceOf(InvalidView.class).hasMessageContaining("nope_" + s)
                .extracting(e -> ((InvalidView) e).field()).isEqualTo("field:nope_" + s);
        assertThatThrownBy(() -> all(row("seats", "is", "ten"))).isInstanceOf(InvalidView.class)
                .hasMessageContaining("Seats " + s).extracting(e -> ((InvalidView) e).field()).isEqualTo("field:" + key("seats"));
        assertThatThrownBy(() -> all(row("due", "is", "31/03/2026"))).isInstanceOf(InvalidView.class)
                .extracting(e -> ((InvalidView) e).field()).isEqualTo("field:" + key("due"));
        assertThatThrownBy(() -> all(row("vip", "is", "maybe"))).isInstanceOf(InvalidView.class)
                .extracting(e -> ((InvalidView) e).field()).isEqualTo("field:" + key("vip"));
        assertThatThrownBy(() -> all(row("product", "has_any", "Cloud"))).isInstanceOf(InvalidView.class)
                .extracting(e -> ((InvalidView) e).field()).isEqualTo("field:" + key("product"));
        assertThatThrownBy(() -> all(row("product", "is"))).isInstanceOf(InvalidView.class)
                .extracting(e -> ((InvalidView) e).field()).isEqualTo("field:" + key("product"));
    }

    @Test
    void theApiFiltersOnCustomFields() {
        ApiClient api = new ApiClient(port);
        String auth = ApiClient.basic(agent.email(), Agents.PASSWORD);
        assertThat(numbers(api, auth, "field." + key("product") + "=Cloud,Server&sort=number"))
                .containsExactly(t.get(0).number(), t.get(1).number(), t.get(3).number());
        assertThat(numbers(api, auth, "field." + key("product") + "=none&field." + key("vip") + "=false"))
                .containsExactly(t.get(2).number());
        assertThat(numbers(api, auth, "field." + key("company") + "=" + enc("ACME corp") + "&field." + key("modules")
                + "=Voice&status=open")).containsExactly(t.get(1).number());

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(api.get("/api/v1/tickets?field." + key("seats") + "=10,20&sort=number&limit=2"
                    + (cursor == null ? "" : "&cursor=" + enc(cursor)), auth));
            page.get("items").forEach(item -> seen.add(item.get("number").asLong()));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        } while (cursor != null && seen.size() < 10);
        assertThat(seen).containsExactly(t.get(0).number(), t.get(1).number(), t.get(3).number());

        assertProblem(api.get("/api/v1/tickets?field.nope_" + s + "=x", auth), "field.nope_" + s);
        assertProblem(api.get("/api/v1/tickets?field." + key("seats") + "=ten", auth), "field." + key("seats"));
        assertProblem(api.get("/api/v1/tickets?fields." + key("seats") + "=10", auth), "fields." + key("seats"));
    }

    @Test
    void theBuilderOffersActiveCustomFieldsWithTheirOptions() {
        CustomField due = definitions.findByKey(key("due")).orElseThrow();
        definitions.setActive(due.id(), false, Initiator.system());
        HttpSession browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);

        Document form = browser.get("/views/new").html();
        assertThat(form.select("select[name='all[0].field'] option[value='field:" + key("product") + "']").text())
                .isEqualTo("Product " + s);
        assertThat(form.select("select[name='all[0].field'] option[value='field:" + key("due") + "']"))
                .as("deactivated fields are not offered").isEmpty();
        assertThat(form.getElementById("values-field:" + key("product")).select("option").eachAttr("value"))
                .containsExactly("Cloud", "Server", "Legacy", "none");
        assertThat(form.getElementById("values-field:" + key("vip")).select("option").eachAttr("value"))
                .containsExactly("true", "false");

        Map<String, String> post = new LinkedHashMap<>();
        post.put("name", "Cloud VIPs " + s);
        post.put("scope", "personal");
        post.put("sort", "number");
        post.put("direction", "asc");
        post.put("columns", "number");
        post.put("all[0].field", "field:" + key("product"));
        post.put("all[0].operator", "is");
        post.put("all[0].value", "Cloud");
        post.put("all[1].field", "field:" + key("vip"));
        post.put("all[1].operator", "is");
        post.put("all[1].value", "true");
        HttpSession.Page created = browser.post("/views", post);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String path = created.location().replaceFirst("^https?://[^/]+", "");
        String list = browser.get(path).html().text();
        assertThat(list).contains("#" + t.get(0).number(), "#" + t.get(3).number()).doesNotContain("#" + t.get(1).number());
        Document edit = browser.get(path + "/edit").html();
        assertThat(edit.select("select[name='all[0].field'] option[selected]").attr("value")).isEqualTo("field:" + key("product"));
        assertThat(edit.select("input[name='all[1].value']").attr("value")).isEqualTo("true");

        post.put("all[0].value", "Clod");
        Document refused = browser.post("/views", post).html();
        assertThat(refused.select("#view-error").text()).contains("field:" + key("product"), "Product " + s, "Clod");
        assertThat(refused.select("input[name='all[0].value']").attr("value")).isEqualTo("Clod");
    }

    private String key(String name) {
        return "cfv_" + name + "_" + s;
    }

    private void field(String name, String label, FieldType type, List<String> options) {
        definitions.create(new FieldDefinition(key(name), label + " " + s, null, type, options, false, 50), Initiator.system());
    }

    private void set(int ticket, Map<String, Object> values) {
        List<TicketChange> changes = new ArrayList<>();
        values.forEach((name, value) -> changes.add(new TicketChange.SetField(key(name), value)));
        tickets.update(t.get(ticket).id(), null, changes, Actor.system());
    }

    private ConditionRow row(String name, String operator, String... values) {
        return new ConditionRow("field:" + key(name), operator, List.of(values));
    }

    private Conditions all(ConditionRow... rows) {
        return Conditions.parse(List.of(rows), List.of(), fields::match);
    }

    private List<Long> numbers(ApiClient api, String auth, String query) {
        List<Long> numbers = new ArrayList<>();
        ok(api.get("/api/v1/tickets?" + query, auth)).get("items").forEach(item -> numbers.add(item.get("number").asLong()));
        return numbers;
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void assertProblem(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
