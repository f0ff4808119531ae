package io.tessera.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.Initiator;
import io.tessera.shared.TicketId;
import io.tessera.testing.Agents;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

/**
 * An admin defines fields and a form for a type of their own (never a shared built-in type: other test
 * classes share this database); an agent fills them in on the ticket page and cannot solve the ticket while
 * a required field is empty. The API's path (TicketManagement.update) gets the same refusal.
 */
@IntegrationTest
class CustomFieldIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketFields fields;

    @Autowired
    TicketEventLog eventLog;

    @Autowired
    Customers customers;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    JdbcClient jdbc;

    String suffix;
    String typeKey;
    Agent agent;
    Team team;
    HttpSession admin;

    @BeforeEach
    void aTypeWithAForm() {
        suffix = Long.toString(System.nanoTime(), 36);
        admin = new HttpSession(port);
        admin.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        admin.get("/admin/tickets/types");
        assertThat(admin.post("/admin/tickets/types", Map.of("name", "Refund " + suffix)).status()).isEqualTo(302);
        typeKey = "refund-" + suffix;

        admin.get("/admin/tickets/fields/new");
        assertThat(admin.post("/admin/tickets/fields", Map.of("key", "product_" + suffix, "label", "Product",
                "type", "DROPDOWN", "options", "Tessera Cloud\nTessera Server\n", "position", "1")).status()).isEqualTo(302);
        assertThat(admin.post("/admin/tickets/fields", Map.of("key", "refund_" + suffix, "label", "Refund amount",
                "type", "DECIMAL", "requiredToSolve", "true", "position", "2")).status()).isEqualTo(302);
        long product = fieldId("product_" + suffix);
        long refund = fieldId("refund_" + suffix);
        admin.get("/admin/tickets/forms/" + typeKey);
        assertThat(admin.post("/admin/tickets/forms/" + typeKey, List.of(Map.entry("fieldIds", "" + refund),
                Map.entry("position-" + refund, "2"), Map.entry("fieldIds", "" + product),
                Map.entry("position-" + product, "1"))).status()).isEqualTo(302);

        team = teams.create("Refunds " + suffix, "", Set.of(), Initiator.system());
        agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
    }

    @Test
    void theFormShowsItsFieldsInOrderAndTheAdminActionsAreAudited() {
        assertThat(fields.formOf(typeKey)).extracting(CustomField::key).containsExactly("product_" + suffix, "refund_" + suffix);
        assertThat(admin.get("/admin/tickets/forms").html().select("tr[data-type=" + typeKey + "]").text())
                .contains("Product").contains("Refund amount");
        assertThat(admin.get("/admin/audit").html().text())
                .contains("Created custom field Refund amount (refund_" + suffix + ", decimal)")
                .contains("Form of Refund " + suffix + ": Product, Refund amount")
                .contains("Created ticket type Refund " + suffix);
    }

    @Test
    void aRefusedFieldDefinitionKeepsWhatWasTyped() {
        admin.get("/admin/tickets/fields/new");
        HttpSession.Page page = admin.post("/admin/tickets/fields", Map.of("key", "product_" + suffix, "label", "Another product",
                "type", "MULTISELECT", "options", ""));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#key.is-invalid")).isNotEmpty();
        assertThat(page.html().text()).contains("already exists");
        assertThat(page.html().select("#label").attr("value")).isEqualTo("Another product");
        assertThat(page.html().select("#type option[selected]").attr("value")).isEqualTo("MULTISELECT");
    }

    @Test
    void anAgentSetsFieldsOnTheTicketPageAndCannotSolveWithoutTheRequiredOne() {
        Ticket ticket = ticketOfTheType();
        HttpSession browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);
        Document page = browser.get("/tickets/" + ticket.number()).html();
        assertThat(page.select("#custom-fields .custom-field")).extracting(e -> e.attr("data-field"))
                .containsExactly("product_" + suffix, "refund_" + suffix);

        List<Map.Entry<String, String>> form = with(formOf(page), "cf.product_" + suffix, "Tessera Server");
        form = with(form, "status", "SOLVED");
        HttpSession.Page refused = browser.post("/tickets/" + ticket.number(), form);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().select("#cf-refund_" + suffix + ".is-invalid")).isNotEmpty();
        assertThat(refused.html().text()).contains("Refund amount is required to solve this ticket");
        assertThat(refused.html().select("#cf-product_" + suffix + " option[selected]").attr("value"))
                .as("what the agent chose is kept").isEqualTo("Tessera Server");
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(TicketStatus.NEW);
        assertThat(fields.valuesOf(ticket.id()).get("product_" + suffix)).as("nothing saved").isNull();

        HttpSession.Page badNumber = browser.post("/tickets/" + ticket.number(), with(formOf(refused.html()), "cf.refund_" + suffix, "12,50"));
        assertThat(badNumber.html().text()).contains("Refund amount must be a number like 12.50");
        assertThat(badNumber.html().select("#cf-refund_" + suffix).attr("value")).isEqualTo("12,50");

        HttpSession.Page saved = browser.post("/tickets/" + ticket.number(), with(formOf(badNumber.html()), "cf.refund_" + suffix, "12.50"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(TicketStatus.SOLVED);
        Map<String, Object> values = fields.valuesOf(ticket.id());
        assertThat(values.get("product_" + suffix)).isEqualTo("Tessera Server");
        assertThat(values.get("refund_" + suffix)).isEqualTo(new BigDecimal("12.5"));
        assertThat(eventLog.history(ticket.id())).filteredOn(e -> e.type().equals("field_changed"))
                .extracting(e -> e.payload().get("label") + ": " + e.payload().get("from") + " → " + e.payload().get("to"))
                .containsExactlyInAnyOrder("Product: empty → Tessera Server", "Refund amount: empty → 12.5");
        assertThat(browser.get("/tickets/" + ticket.number()).html().select("#timeline").text())
                .contains(agent.name() + " changed Product from empty to Tessera Server")
                .contains("changed Refund amount from empty to 12.5");
    }

    @Test
    void theDomainRefusesToSolveForTheApiTooAndAcceptsFieldAndStatusTogether() {
        Ticket ticket = ticketOfTheType();
        Actor actor = Actor.agent(agent.id());

        assertThatRefused(() -> tickets.update(ticket.id(), null, List.of(new TicketChange.SetStatus(TicketStatus.SOLVED)), actor),
                "customFields.refund_" + suffix);
        assertThatRefused(() -> tickets.update(ticket.id(), null, List.of(new TicketChange.SetField("refund_" + suffix, "lots")), actor),
                "customFields.refund_" + suffix);
        assertThatRefused(() -> tickets.update(ticket.id(), null, List.of(new TicketChange.SetField("no_such_" + suffix, "1")), actor),
                "customFields.no_such_" + suffix);

        Ticket solved = tickets.update(ticket.id(), null, List.of(new TicketChange.SetStatus(TicketStatus.SOLVED),
                new TicketChange.SetField("refund_" + suffix, 30)), actor);
        assertThat(solved.status()).isEqualTo(TicketStatus.SOLVED);

        TicketFields.FieldCondition condition = fields.equalTo("refund_" + suffix, "30.00", "t.id");
        assertThat(jdbc.sql("select t.id from ticket t where " + condition.sql()).params(condition.params())
                .query(Long.class).list()).containsExactly(ticket.id().value());
        TicketFields.FieldCondition empty = fields.equalTo("product_" + suffix, null, "t.id");
        assertThat(jdbc.sql("select t.id from ticket t where t.id = ? and " + empty.sql())
                .params(prepend(ticket.id().value(), empty.params())).query(Long.class).list()).hasSize(1);
        assertThat(fields.valuesOf(List.of(ticket.id(), TicketId.of(-1))).get(TicketId.of(-1)).get("refund_" + suffix)).isNull();
    }

    @Test
    void agentsGetForbiddenOnEveryTicketAdminScreen() {
        HttpSession browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);
        for (String path : List.of("/admin/tickets", "/admin/tickets/fields", "/admin/tickets/fields/new",
                "/admin/tickets/forms", "/admin/tickets/forms/" + typeKey, "/admin/tickets/statuses", "/admin/tickets/types",
                "/admin/tickets/tags")) {
            assertThat(browser.get(path).status()).as(path).isEqualTo(403);
        }
        browser.get("/");
        assertThat(browser.post("/admin/tickets/fields", Map.of("key", "sneaky_" + suffix, "label", "Sneaky", "type", "TEXT"))
                .status()).isEqualTo(403);
        assertThat(browser.post("/admin/tickets/settings", Map.of("agentsSeeAll", "true")).status()).isEqualTo(403);
        assertThat(fields.definitions()).extracting(CustomField::key).doesNotContain("sneaky_" + suffix);
    }

    @Test
    void withoutCsrfTokenNothingChanges() {
        assertThat(admin.postRaw("/admin/tickets/types", Map.of("name", "Csrf " + suffix)).status()).isEqualTo(403);
    }

    private Ticket ticketOfTheType() {
        var requester = customers.findOrCreate("refund" + System.nanoTime() + "@example.test", "Rhea Refund");
        return conversations.open(new NewTicket("Please refund order 1042", requester.id(), Channel.EMAIL, Priority.NORMAL,
                typeKey, team.id(), null, Set.of(), null), "I was charged twice.", BodyFormat.TEXT,
                Actor.customer(requester.id().value()), null);
    }

    private long fieldId(String key) {
        return fields.definitions().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow().id();
    }

    private static void assertThatRefused(Runnable change, String field) {
        try {
            change.run();
            throw new AssertionError("expected a refusal on " + field);
        } catch (InvalidTicketChange e) {
            assertThat(e.field()).isEqualTo(field);
        }
    }

    private static List<Object> prepend(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> form, String name, String value) {
        List<Map.Entry<String, String>> changed = new ArrayList<>(form.stream().filter(e -> !e.getKey().equals(name)).toList());
        changed.add(Map.entry(name, value));
        return changed;
    }

    /** The ticket form as the browser would submit it: repeated names, only ticked boxes, all selected options. */
    static List<Map.Entry<String, String>> formOf(Document page) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        page.select("#ticket-form input[name], #ticket-form select[name], #ticket-form textarea[name]").forEach(field -> {
            String name = field.attr("name");
            if (field.tagName().equals("select")) {
                var selected = field.select("option[selected]");
                if (selected.isEmpty() && !field.hasAttr("multiple")) {
                    var first = field.selectFirst("option");
                    form.add(Map.entry(name, first == null ? "" : first.attr("value")));
                }
                selected.forEach(o -> form.add(Map.entry(name, o.attr("value"))));
            } else if (field.tagName().equals("textarea")) {
                form.add(Map.entry(name, field.text()));
            } else if (field.attr("type").equals("radio") || field.attr("type").equals("checkbox")) {
                if (field.hasAttr("checked")) {
                    form.add(Map.entry(name, field.attr("value")));
                }
            } else {
                form.add(Map.entry(name, field.attr("value")));
            }
        });
        return form;
    }
}
