package io.tessera.automation.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.audit.AuditEntry;
import io.tessera.audit.AuditTrail;
import io.tessera.automation.ActionRow;
import io.tessera.automation.AutomationDraft;
import io.tessera.automation.Automations;
import io.tessera.automation.InvalidRule;
import io.tessera.automation.TriggerDraft;
import io.tessera.automation.Triggers;
import io.tessera.conversation.Conversations;
import io.tessera.conversation.Message;
import io.tessera.conversation.MessageKind;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;
import io.tessera.shared.TeamId;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.Channel;
import io.tessera.ticket.ConcurrentTicketChange;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.LoggedEvent;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketEventLog;
import io.tessera.ticket.TicketImport;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketNotFound;
import io.tessera.ticket.TicketRef;
import io.tessera.ticket.TicketStatus;
import io.tessera.view.ConditionRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Macros: applied as the agent in one unit with the reply filled in, previews that change nothing, who may
 * use and change which macro, bulk application where one refusal stops nothing, add_reply refused by
 * rules, and the API's answers.
 */
@IntegrationTest
class MacrosIntegrationTests {

    @LocalServerPort int port;
    @Autowired Macros macros;
    @Autowired Triggers triggers;
    @Autowired Automations automations;
    @Autowired Conversations conversations;
    @Autowired TicketManagement tickets;
    @Autowired TicketEventLog log;
    @Autowired AuditTrail audit;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;
    @Autowired MutableClock clock;
    @Autowired ObjectMapper json;

    Team team;
    Team otherTeam;
    Agent agent;
    Agent colleague;
    Agent supervisor;
    Agent admin;
    Agent outsider;
    CustomerId maria;
    String id;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        id = UUID.randomUUID().toString().substring(0, 8);
        team = teams.create("Macros " + id, null, Set.of(), Initiator.system());
        otherTeam = teams.create("Elsewhere " + id, null, Set.of(), Initiator.system());
        agent = agents.get(Agents.create(agents, Role.AGENT, Set.of(team.id())).id());
        colleague = agents.get(Agents.create(agents, Role.AGENT, Set.of(team.id())).id());
        supervisor = agents.get(Agents.create(agents, Role.SUPERVISOR, Set.of(team.id())).id());
        admin = agents.get(Agents.create(agents, Role.ADMIN, Set.of(team.id())).id());
        outsider = agents.get(Agents.create(agents, Role.AGENT, Set.of(otherTeam.id())).id());
        maria = customers.create("Maria Lopez", "maria-" + id + "@example.test", null, null);
    }

    Ticket ticket(TicketStatus status, TeamId in) {
        TicketRef ref = tickets.importTicket(new TicketImport("Refund for order 77", maria, null, in, null, status,
                Priority.NORMAL, "question", Channel.EMAIL, clock.instant(), clock.instant(), null,
                status == TicketStatus.SOLVED || status == TicketStatus.CLOSED ? clock.instant() : null,
                status == TicketStatus.CLOSED ? clock.instant() : null), Actor.system());
        return tickets.findByNumber(ref.number()).orElseThrow();
    }

    static ActionRow row(String type, String... values) {
        return new ActionRow(type, List.of(values));
    }

    Macro personal(Agent owner, String name, ActionRow... actions) {
        return macros.create(new MacroDraft(name + " " + id, null, false, List.of(actions), null), owner);
    }

    @Test
    void applyingIsOneUnitDoneByTheAgentWithTheReplyFilledIn() {
        Ticket ticket = ticket(TicketStatus.OPEN, team.id());
        Macro macro = personal(agent, "Need more", row("set_status", "pending"), row("add_tags", "waiting"),
                row("set_priority", "high"),
                row("add_reply", "Hi {{requester.first_name}}, could you send the receipt for #{{ticket.number}}?\n\n{{agent.name}}"),
                row("add_note", "Asked {{requester.name}} for the receipt."));
        int eventsBefore = log.history(ticket.id()).size();

        Ticket after = macros.apply(macro.id(), ticket.number(), agent, ticket.version());

        assertThat(after.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(after.priority()).isEqualTo(Priority.HIGH);
        assertThat(after.tags()).contains("waiting");
        List<Message> messages = conversations.messages(ticket.id());
        Message reply = messages.stream().filter(m -> m.kind() == MessageKind.PUBLIC_REPLY).findFirst().orElseThrow();
        assertThat(reply.body()).isEqualTo("Hi Maria, could you send the receipt for #" + ticket.number() + "?\n\nTest Agent");
        assertThat(reply.author()).isEqualTo(Actor.agent(agent.id()));
        Message note = messages.stream().filter(m -> m.kind() == MessageKind.INTERNAL_NOTE).findFirst().orElseThrow();
        assertThat(note.body()).isEqualTo("Asked Maria Lopez for the receipt.");

        List<LoggedEvent> events = log.history(ticket.id()).subList(eventsBefore, log.history(ticket.id()).size());
        assertThat(events).extracting(LoggedEvent::type)
                .contains("status_changed", "priority_changed", "tags_changed", "message_added");
        assertThat(events).as("the agent clicked it: the agent is the actor, not a rule")
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo(Actor.agent(agent.id())));
        // The reply and the changes were one save, like an agent's form: one version step, the note a second.
        assertThat(after.version()).isEqualTo(ticket.version() + 2);
    }

    @Test
    void aRefusedPartLeavesTheTicketAsItWas() {
        Ticket ticket = ticket(TicketStatus.OPEN, team.id());
        Macro macro = personal(agent, "Hand over", row("add_tags", "handed-over"),
                row("assign", String.valueOf(outsider.id().value())), row("add_reply", "Passing this on."));
        int eventsBefore = log.history(ticket.id()).size();

        assertThatThrownBy(() -> macros.apply(macro.id(), ticket.number(), agent, null))
                .isInstanceOf(InvalidTicketChange.class).hasMessageContaining("not a member");

        Ticket now = tickets.get(ticket.id());
        assertThat(now.tags()).doesNotContain("handed-over");
        assertThat(now.version()).isEqualTo(ticket.version());
        assertThat(conversations.messages(ticket.id())).isEmpty();
        assertThat(log.history(ticket.id())).hasSize(eventsBefore);

        Macro tag = personal(agent, "Tag", row("add_tags", "late"));
        tickets.update(ticket.id(), null, List.of(new io.tessera.ticket.TicketChange.SetPriority(Priority.LOW)),
                Actor.agent(colleague.id()));
        assertThatThrownBy(() -> macros.apply(tag.id(), ticket.number(), agent, ticket.version()))
                .as("a colleague changed the ticket since it was read").isInstanceOf(ConcurrentTicketChange.class);
        assertThat(tickets.get(ticket.id()).tags()).doesNotContain("late");
    }

    @Test
    void aPreviewSaysWhatWouldChangeAndChangesNothing() {
        Ticket ticket = ticket(TicketStatus.OPEN, team.id());
        Macro macro = personal(agent, "Preview", row("set_status", "pending"), row("add_tags", "waiting", "question"),
                row("set_team", String.valueOf(otherTeam.id().value())),
                row("assign", String.valueOf(colleague.id().value())),
                row("add_reply", "Hi {{ requester.first_name }}, see {{kb.refunds}}."));
        int events = log.history(ticket.id()).size();

        MacroPreview preview = macros.preview(macro.id(), ticket.number(), agent);

        assertThat(preview.wouldDo()).containsExactly("Status: Open \u2192 Pending", "Add tags: question, waiting",
                "Team: " + team.name() + " \u2192 " + otherTeam.name(), "Assignee: \u2014 \u2192 Test Agent",
                "Send a public reply to Maria Lopez <maria-" + id + "@example.test>");
        assertThat(preview.reply()).isEqualTo("Hi Maria, see [refunds](/kb/refunds).");
        assertThat(preview.note()).isNull();
        assertThat(preview.warnings()).as("the colleague is not in the team the macro moves it to")
                .containsExactly("Test Agent is not a member of " + otherTeam.name() + ".");
        Ticket now = tickets.get(ticket.id());
        assertThat(now.version()).isEqualTo(ticket.version());
        assertThat(now.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(log.history(ticket.id())).hasSize(events);
        assertThat(conversations.messages(ticket.id())).isEmpty();
    }

    @Test
    void aPersonalMacroIsItsOwnersAlone() {
        Ticket ticket = ticket(TicketStatus.OPEN, team.id());
        Macro mine = personal(agent, "Mine", row("add_tags", "mine"));

        assertThat(macros.visibleTo(agent)).extracting(Macro::id).contains(mine.id());
        assertThat(macros.visibleTo(colleague)).extracting(Macro::id).doesNotContain(mine.id());
        assertThat(macros.visibleTo(supervisor)).extracting(Macro::id).doesNotContain(mine.id());
        assertThatThrownBy(() -> macros.get(mine.id(), colleague)).isInstanceOf(MacroForbidden.class);
        assertThatThrownBy(() -> macros.preview(mine.id(), ticket.number(), colleague)).isInstanceOf(MacroForbidden.class);
        assertThatThrownBy(() -> macros.apply(mine.id(), ticket.number(), colleague, null)).isInstanceOf(MacroForbidden.class);
        assertThatThrownBy(() -> macros.applyToMany(mine.id(), List.of(ticket.number()), admin)).isInstanceOf(MacroForbidden.class);
        MacroDraft change = new MacroDraft("Taken", null, false, List.of(row("add_tags", "x")), null);
        assertThatThrownBy(() -> macros.update(mine.id(), change, admin)).isInstanceOf(MacroForbidden.class);
        assertThatThrownBy(() -> macros.delete(mine.id(), supervisor)).isInstanceOf(MacroForbidden.class);
        assertThat(tickets.get(ticket.id()).tags()).doesNotContain("mine");

        // Names are unique per owner, ignoring case; another agent may use the same name.
        assertThatThrownBy(() -> personal(agent, "MINE", row("add_tags", "y")))
                .isInstanceOfSatisfying(InvalidMacro.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(personal(colleague, "Mine", row("add_tags", "y")).owner()).isEqualTo(colleague.id());
        macros.delete(mine.id(), agent);
        assertThatThrownBy(() -> macros.get(mine.id(), agent)).isInstanceOf(MacroNotFound.class);
    }

    @Test
    void sharedMacrosAreManagedBySupervisorsAndAdminsAndAudited() {
        Ticket ticket = ticket(TicketStatus.OPEN, team.id());
        MacroDraft draft = new MacroDraft("Shared " + id, "For everyone", true, List.of(row("add_tags", "shared-" + id)), null);
        assertThatThrownBy(() -> macros.create(draft, agent)).isInstanceOf(MacroForbidden.class);

        Macro shared = macros.create(draft, supervisor);
        assertThat(shared.isShared()).isTrue();
        assertThat(macros.visibleTo(outsider)).extracting(Macro::id).contains(shared.id());
        macros.apply(shared.id(), ticket.number(), agent, null);
        assertThat(tickets.get(ticket.id()).tags()).contains("shared-" + id);
        assertThatThrownBy(() -> macros.update(shared.id(), draft, agent)).isInstanceOf(MacroForbidden.class);
        assertThatThrownBy(() -> macros.delete(shared.id(), agent)).isInstanceOf(MacroForbidden.class);
        assertThatThrownBy(() -> macros.create(new MacroDraft("SHARED " + id, null, true, List.of(row("add_tags", "z")), null),
                admin)).isInstanceOfSatisfying(InvalidMacro.class, e -> assertThat(e.field()).isEqualTo("name"));

        Macro renamed = macros.update(shared.id(), new MacroDraft("Shared " + id + " v2", null, true,
                List.of(row("add_tags", "v2")), null), admin);
        assertThat(renamed.name()).endsWith("v2");
        Macro madePersonal = macros.update(shared.id(), new MacroDraft("Now mine " + id, null, false,
                List.of(row("add_tags", "v3")), null), supervisor);
        assertThat(madePersonal.owner()).as("a shared macro made personal becomes its editor's").isEqualTo(supervisor.id());
        macros.delete(shared.id(), supervisor);

        List<AuditEntry> entries = audit.page(null, 200).stream().filter(e -> shared.id() == (e.subjectId() == null ? -1 : e.subjectId())
                && "macro".equals(e.subjectType())).toList();
        assertThat(entries).extracting(AuditEntry::action)
                .contains("macro.created", "macro.updated", "macro.deleted");
        assertThat(entries).filteredOn(e -> e.action().equals("macro.created"))
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo(Actor.agent(supervisor.id())));
    }

    @Test
    void actionsAreCheckedNamingTheRowAtFault() {
        assertInvalid("actions", new ActionRow[0]);
        assertInvalid("actions[1]", row("add_tags", "ok"), row("set_status", "sleeping"));
        assertInvalid("actions[0]", row("send_email", "requester", "Hi", "Text"));
        assertInvalid("actions[1]", row("add_reply", "One"), row("add_reply", "Two"));
        assertInvalid("actions[0]", row("add_reply", "Hi {{requester.nickname}}"));
        assertInvalid("actions[0]", row("add_note", "{{ticket.owner}}"));
        assertInvalid("actions[0]", row("set_team", "999999999"));
        assertInvalid("actions[0]", row("assign", "999999999"));
        assertInvalid("actions[0]", row("set_type", "no-such-type"));
        assertInvalid("actions[0]", row("set_field", "no_such_field", "1"));
        assertInvalid("actions[0]", row("launch_rocket", "now"));
        assertThatThrownBy(() -> macros.create(new MacroDraft(" ", null, false, List.of(row("add_tags", "x")), null), agent))
                .isInstanceOfSatisfying(InvalidMacro.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    private void assertInvalid(String field, ActionRow... rows) {
        assertThatThrownBy(() -> macros.create(new MacroDraft("Invalid " + UUID.randomUUID(), null, false, List.of(rows), null), agent))
                .isInstanceOfSatisfying(InvalidMacro.class, e -> assertThat(e.field()).as(e.getMessage()).isEqualTo(field));
    }

    @Test
    void inBulkEachTicketIsItsOwnUnitAndOneRefusalStopsNothing() {
        Ticket first = ticket(TicketStatus.OPEN, team.id());
        Ticket closed = ticket(TicketStatus.CLOSED, team.id());
        Ticket hidden = ticket(TicketStatus.OPEN, otherTeam.id());
        Ticket last = ticket(TicketStatus.NEW, team.id());
        Macro macro = personal(agent, "Bulk", row("add_tags", "bulk-" + id), row("set_status", "pending"),
                row("add_reply", "Hello {{requester.first_name}}, this is about #{{ticket.number}}."));

        List<MacroOutcome> outcomes = macros.applyToMany(macro.id(),
                List.of(first.number(), closed.number(), hidden.number(), last.number(), first.number()), agent);

        assertThat(outcomes).extracting(MacroOutcome::ticketNumber)
                .containsExactly(first.number(), closed.number(), hidden.number(), last.number());
        assertThat(outcomes).extracting(MacroOutcome::applied).containsExactly(true, false, false, true);
        assertThat(outcomes.get(1).reason()).contains("closed");
        assertThat(outcomes.get(2).reason()).isEqualTo("not found.");
        for (Ticket t : List.of(first, last)) {
            Ticket now = tickets.get(t.id());
            assertThat(now.status()).isEqualTo(TicketStatus.PENDING);
            assertThat(now.tags()).contains("bulk-" + id);
            assertThat(conversations.messages(t.id())).extracting(Message::body)
                    .containsExactly("Hello Maria, this is about #" + t.number() + ".");
        }
        assertThat(tickets.get(closed.id()).tags()).doesNotContain("bulk-" + id);
        assertThat(conversations.messages(closed.id())).isEmpty();
        assertThat(tickets.get(hidden.id()).tags()).doesNotContain("bulk-" + id);

        List<Long> tooMany = LongStream.rangeClosed(1, Macros.MAX_TICKETS + 1).boxed().toList();
        assertThatThrownBy(() -> macros.applyToMany(macro.id(), tooMany, agent))
                .isInstanceOfSatisfying(InvalidMacro.class, e -> assertThat(e.field()).isEqualTo("tickets"));
        assertThatThrownBy(() -> macros.applyToMany(macro.id(), List.of(), agent))
                .isInstanceOfSatisfying(InvalidMacro.class, e -> assertThat(e.field()).isEqualTo("tickets"));
    }

    @Test
    void triggersAndAutomationsRefuseAPublicReply() {
        List<ActionRow> actions = List.of(row("add_tags", "x"), row("add_reply", "Hello"));
        assertThatThrownBy(() -> triggers.create(new TriggerDraft("Replying trigger", null, true, List.of("created"),
                List.of(), List.of(), actions), Initiator.system()))
                .isInstanceOfSatisfying(InvalidRule.class, e -> assertThat(e.field()).isEqualTo("actions[1]"));
        assertThatThrownBy(() -> automations.create(new AutomationDraft("Replying automation", null, true,
                List.of(new ConditionRow("status", "is", List.of("pending"))), List.of(), actions), Initiator.system()))
                .isInstanceOfSatisfying(InvalidRule.class, e -> assertThat(e.field()).isEqualTo("actions[1]"));
    }

    @Test
    void theApiAnswersWithStatusesAndProblemsNamingTheField() {
        ApiClient api = new ApiClient(port);
        String me = ApiClient.basic(agent.email(), Agents.PASSWORD);
        String boss = ApiClient.basic(supervisor.email(), Agents.PASSWORD);
        String stranger = ApiClient.basic(outsider.email(), Agents.PASSWORD);
        Ticket ticket = ticket(TicketStatus.OPEN, team.id());
        Ticket closed = ticket(TicketStatus.CLOSED, team.id());
        Ticket hidden = ticket(TicketStatus.OPEN, otherTeam.id());

        HttpResponse<String> created = api.postJson("/api/v1/macros", """
                {"name":"API %s","description":"Ask for the receipt",
                 "actions":[{"type":"set_status","values":["pending"]},{"type":"add_tags","values":["api"]},
                            {"type":"add_reply","values":["Hi {{requester.first_name}}"]}]}""".formatted(id), me);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode macro = read(created);
        long macroId = macro.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/macros/" + macroId);
        assertThat(macro.get("shared").asBoolean()).isFalse();
        assertThat(macro.get("editable").asBoolean()).isTrue();
        assertThat(macro.get("actions").get(2).get("type").asString()).isEqualTo("add_reply");
        assertThat(read(ok(api.get("/api/v1/macros", me))).get("items").findValuesAsString("name")).contains("API " + id);

        assertProblem(api.postJson("/api/v1/macros", "{\"name\":\"\",\"actions\":[{\"type\":\"add_tags\",\"values\":[\"x\"]}]}", me), 400, "name");
        assertProblem(api.postJson("/api/v1/macros", "{\"name\":\"Bad " + id + "\",\"actions\":[{\"type\":\"add_tags\",\"values\":[\"x\"]},"
                + "{\"type\":\"set_status\",\"values\":[\"sleeping\"]}]}", me), 400, "actions[1]");
        assertProblem(api.postJson("/api/v1/macros", "{\"name\":\"Mail " + id + "\",\"actions\":[{\"type\":\"send_email\","
                + "\"values\":[\"requester\",\"Hi\",\"Text\"]}]}", me), 400, "actions[0]");
        assertThat(api.postJson("/api/v1/macros", "{\"name\":\"S " + id + "\",\"shared\":true,\"actions\":[{\"type\":\"add_tags\","
                + "\"values\":[\"x\"]}]}", me).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/macros/" + macroId, stranger).statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/v1/macros/" + macroId, "{\"name\":\"T\",\"actions\":[{\"type\":\"add_tags\",\"values\":[\"x\"]}]}", boss)
                .statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/macros/" + macroId, null, stranger).statusCode()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/macros/" + macroId + "/apply?ticket=" + ticket.number(), "", stranger).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/macros/999999999", me).statusCode()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/macros/999999999/preview?ticket=" + ticket.number(), "", me).statusCode()).isEqualTo(404);
        assertProblem(api.postJson("/api/v1/macros/" + macroId + "/preview?ticket=" + hidden.number(), "", me), 404, "ticket");
        assertProblem(api.postJson("/api/v1/macros/" + macroId + "/apply?ticket=" + hidden.number(), "", me), 404, "ticket");

        JsonNode preview = read(ok(api.postJson("/api/v1/macros/" + macroId + "/preview?ticket=" + ticket.number(), "", me)));
        assertThat(preview.get("wouldDo").get(0).asString()).isEqualTo("Status: Open \u2192 Pending");
        assertThat(preview.get("reply").asString()).isEqualTo("Hi Maria");
        assertThat(tickets.get(ticket.id()).status()).as("a preview changes nothing").isEqualTo(TicketStatus.OPEN);

        assertProblem(api.postJson("/api/v1/macros/" + macroId + "/apply?ticket=" + ticket.number(),
                "{\"version\":" + (ticket.version() + 5) + "}", me), 409, "version");
        assertProblem(api.send("POST", "/api/v1/macros/" + macroId + "/apply?ticket=" + ticket.number(), "{}", me,
                "If-Match", "\"" + (ticket.version() + 5) + "\""), 412, "If-Match");
        assertProblem(api.send("POST", "/api/v1/macros/" + macroId + "/apply?ticket=" + ticket.number(), "{}", me,
                "If-Match", "W/\"" + ticket.version() + "\""), 400, "If-Match");
        JsonNode applied = read(ok(api.postJson("/api/v1/macros/" + macroId + "/apply?ticket=" + ticket.number(),
                "{\"version\":" + ticket.version() + "}", me)));
        assertThat(applied.get("number").asLong()).isEqualTo(ticket.number());
        assertThat(applied.get("status").asString()).isEqualTo("pending");
        assertThat(applied.get("tags").toString()).contains("\"api\"");
        assertProblem(api.postJson("/api/v1/macros/" + macroId + "/apply?ticket=" + closed.number(), "", me), 422, "status");

        JsonNode bulk = read(ok(api.postJson("/api/v1/macros/" + macroId + "/apply",
                "{\"tickets\":[" + ticket.number() + "," + closed.number() + "," + hidden.number() + "]}", me)));
        assertThat(bulk.get("applied").asLong()).isEqualTo(1);
        assertThat(bulk.get("refused").asLong()).isEqualTo(2);
        assertThat(bulk.get("results").get(0).get("outcome").asString()).isEqualTo("applied");
        assertThat(bulk.get("results").get(1).get("outcome").asString()).isEqualTo("refused");
        assertThat(bulk.get("results").get(2).get("reason").asString()).isEqualTo("not found.");
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= Macros.MAX_TICKETS; i++) {
            many.add(String.valueOf(ticket.number()));
        }
        assertProblem(api.postJson("/api/v1/macros/" + macroId + "/apply", "{\"tickets\":[" + String.join(",", many) + "]}", me),
                400, "tickets");
        assertProblem(api.postJson("/api/v1/macros/" + macroId + "/apply", "", me), 400, "tickets");

        HttpResponse<String> shared = api.postJson("/api/v1/macros", "{\"name\":\"Shared API " + id + "\",\"shared\":true,"
                + "\"actions\":[{\"type\":\"set_priority\",\"values\":[\"urgent\"]}]}", boss);
        assertThat(shared.statusCode()).isEqualTo(201);
        long sharedId = read(shared).get("id").asLong();
        assertThat(read(ok(api.get("/api/v1/macros/" + sharedId, me))).get("editable").asBoolean()).isFalse();
        assertThat(read(ok(send("PUT", "/api/v1/macros/" + sharedId, "{\"name\":\"Shared API 2 " + id + "\",\"shared\":true,"
                + "\"actions\":[{\"type\":\"set_priority\",\"values\":[\"high\"]}]}", boss))).get("actions").get(0).get("values").get(0)
                .asString()).isEqualTo("high");
        assertThat(send("DELETE", "/api/v1/macros/" + sharedId, null, me).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/macros/" + sharedId, null, boss).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/v1/macros/" + macroId, null, me).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/macros/" + macroId, me).statusCode()).isEqualTo(404);
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
