package io.tessera.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.conversation.Mentions;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketManagement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** @mentions and assignments notify the right agents, after commit; the bell, the page and the API. */
@IntegrationTest
class NotificationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;

    @Autowired
    TicketManagement tickets;

    @Autowired
    Notifications notifications;

    @Autowired
    Customers customers;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ObjectMapper json;

    Team team;
    Agent author;
    Agent grace;
    Agent bystander;
    Agent outsider;
    Ticket ticket;

    @BeforeEach
    void ticketInATeam() {
        team = teams.create("Mentions " + System.nanoTime(), "", Set.of(), Initiator.system());
        author = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        grace = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        bystander = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        outsider = Agents.create(agents, Role.AGENT);
        var requester = customers.findOrCreate("men" + System.nanoTime() + "@example.test", "Mona Mention");
        ticket = conversations.open(new NewTicket("Invoice totals are off", requester.id(), Channel.EMAIL, Priority.NORMAL,
                null, team.id(), null, Set.of(), null), "My invoice adds up wrong.", BodyFormat.TEXT,
                Actor.customer(requester.id().value()), null);
    }

    @Test
    void aMentionInANoteNotifiesThatAgentOnlyAndNeverOneWhoCannotSeeTheTicket() {
        String note = "@" + handle(grace) + " can you check the tax rounding? Also @" + handle(outsider)
                + " and myself @" + handle(author) + ".";

        HttpSession browser = signedIn(author);
        Map<String, String> form = new java.util.LinkedHashMap<>(formOf(browser.get("/tickets/" + ticket.number()).html()));
        form.put("body", note);
        form.put("mode", "note");
        assertThat(browser.post("/tickets/" + ticket.number(), form).status()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.unreadCount(grace.id()) == 1);
        Notification n = notifications.page(grace.id(), null, 10).items().get(0);
        assertThat(n.kind()).isEqualTo(NotificationKind.MENTIONED);
        assertThat(n.ticketNumber()).isEqualTo(ticket.number());
        assertThat(n.actorName()).isEqualTo(author.name());
        assertThat(n.excerpt()).contains("can you check the tax rounding");
        assertThat(notifications.unreadCount(outsider.id())).as("cannot see the ticket").isZero();
        assertThat(notifications.unreadCount(author.id())).as("not for mentioning oneself").isZero();
        assertThat(notifications.unreadCount(bystander.id())).as("not mentioned").isZero();

        // The mention is highlighted on the ticket page.
        assertThat(browser.get("/tickets/" + ticket.number()).html().select("article[data-kind=INTERNAL_NOTE] .mention"))
                .as("every known agent is highlighted; only who may see the ticket is notified")
                .extracting(e -> e.text()).containsExactly("@" + handle(grace), "@" + handle(outsider), "@" + handle(author));
    }

    @Test
    void theBellCountsUnreadAndOpeningOneMarksItReadAndGoesToTheTicket() {
        mention(grace, "@" + handle(grace) + " first");
        mention(grace, "Again, @" + handle(grace).toUpperCase() + ": second");
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.unreadCount(grace.id()) == 2);

        HttpSession browser = signedIn(grace);
        var workspace = browser.get("/").html();
        assertThat(workspace.select("#unread-count").text()).isEqualTo("2");

        var list = browser.get("/notifications").html();
        assertThat(list.select(".notification")).hasSize(2);
        assertThat(list.select(".notification").first().text()).contains(author.name() + " mentioned you")
                .contains("#" + ticket.number()).contains("second");
        String id = list.select(".notification").first().attr("data-id");

        HttpSession.Page followed = browser.get("/notifications/" + id);
        assertThat(followed.location()).contains("/tickets/" + ticket.number() + "#message-");
        assertThat(notifications.unreadCount(grace.id())).as("a GET changes nothing").isEqualTo(2);

        browser.get("/notifications");
        HttpSession.Page open = browser.post("/notifications/" + id + "/open", Map.of());
        assertThat(open.status()).isEqualTo(302);
        assertThat(open.location()).contains("/tickets/" + ticket.number() + "#message-");
        assertThat(notifications.unreadCount(grace.id())).isEqualTo(1);

        browser.get("/notifications");
        assertThat(browser.post("/notifications/read-all", Map.of()).status()).isEqualTo(302);
        assertThat(notifications.unreadCount(grace.id())).isZero();
        assertThat(browser.get("/").html().select("#unread-count")).isEmpty();
    }

    @Test
    void nobodyOpensOrMarksAnotherAgentsNotification() {
        mention(grace, "@" + handle(grace) + " hi");
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.unreadCount(grace.id()) == 1);
        long id = notifications.page(grace.id(), null, 1).items().get(0).id();

        HttpSession other = signedIn(bystander);
        assertThat(other.get("/notifications/" + id).status()).isEqualTo(404);
        other.get("/notifications");
        assertThat(other.post("/notifications/" + id + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(other.post("/notifications/" + id + "/open", Map.of()).status()).isEqualTo(404);
        String token = tokens.create(bystander.id(), "test", Initiator.system()).secret();
        assertThat(new ApiClient(port).postJson("/api/v1/notifications/" + id + "/read", "", ApiClient.bearer(token))
                .statusCode()).isEqualTo(404);
        assertThat(notifications.unreadCount(grace.id())).isEqualTo(1);
    }

    @Test
    void assigningATicketToSomeoneElseNotifiesThem() {
        tickets.update(ticket.id(), null, List.of(new TicketChange.Assign(grace.id())), Actor.agent(author.id()));
        tickets.update(ticket.id(), null, List.of(new TicketChange.Assign(bystander.id())), Actor.agent(bystander.id()));

        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.unreadCount(grace.id()) == 1);
        Notification n = notifications.page(grace.id(), null, 10).items().get(0);
        assertThat(n.kind()).isEqualTo(NotificationKind.ASSIGNED);
        assertThat(n.headline()).isEqualTo(author.name() + " assigned you");
        assertThat(notifications.unreadCount(bystander.id())).as("took it themselves").isZero();
    }

    @Test
    void theApiListsNewestFirstWithACursorAndMarksRead() throws Exception {
        for (int i = 1; i <= 3; i++) {
            mention(grace, "@" + handle(grace) + " number " + i);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.unreadCount(grace.id()) == 3);
        String auth = ApiClient.bearer(tokens.create(grace.id(), "test", Initiator.system()).secret());
        ApiClient api = new ApiClient(port);

        JsonNode first = json.readTree(api.get("/api/v1/notifications?limit=2", auth).body());
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("excerpt").asText()).endsWith("number 3");
        assertThat(first.get("items").get(0).get("kind").asText()).isEqualTo("mentioned");
        assertThat(first.get("items").get(0).get("ticket").get("number").asLong()).isEqualTo(ticket.number());
        assertThat(first.get("items").get(0).get("read").asBoolean()).isFalse();
        assertThat(first.get("unread").asInt()).isEqualTo(3);
        String next = first.get("next").asText();

        JsonNode second = json.readTree(api.get("/api/v1/notifications?limit=2&cursor=" + next, auth).body());
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("excerpt").asText()).endsWith("number 1");
        assertThat(second.has("next")).isTrue();
        assertThat(second.get("next").isNull()).isTrue();

        long id = second.get("items").get(0).get("id").asLong();
        var read = api.postJson("/api/v1/notifications/" + id + "/read", "", auth);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json.readTree(read.body()).get("read").asBoolean()).isTrue();
        assertThat(notifications.unreadCount(grace.id())).isEqualTo(2);

        var all = api.postJson("/api/v1/notifications/read-all", "", auth);
        assertThat(json.readTree(all.body()).get("marked").asInt()).isEqualTo(2);
        assertThat(notifications.unreadCount(grace.id())).isZero();

        var bad = api.get("/api/v1/notifications?limit=0", auth);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"limit\"");
        assertThat(api.get("/api/v1/notifications", null).statusCode()).isEqualTo(401);
    }

    /** A note by the author mentioning someone; waits until it notified them, so notifications keep the order. */
    private void mention(Agent who, String text) {
        int before = notifications.unreadCount(who.id());
        conversations.agentWrote(ticket.id(), null, Actor.agent(author.id()), text, true, List.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.unreadCount(who.id()) > before);
    }

    private static String handle(Agent agent) {
        return Mentions.handleOf(agent.email());
    }

    private HttpSession signedIn(Agent who) {
        HttpSession browser = new HttpSession(port);
        browser.signIn(who.email(), Agents.PASSWORD, false);
        return browser;
    }

    private static Map<String, String> formOf(org.jsoup.nodes.Document page) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        page.select("#ticket-form input[name], #ticket-form select[name], #ticket-form textarea[name]").forEach(field -> {
            String name = field.attr("name");
            if (field.tagName().equals("select")) {
                var selected = field.selectFirst("option[selected]");
                form.put(name, selected == null ? "" : selected.attr("value"));
            } else if (field.tagName().equals("textarea")) {
                form.put(name, field.text());
            } else if (!field.attr("type").equals("radio") || field.hasAttr("checked")) {
                form.put(name, field.attr("value"));
            }
        });
        return form;
    }
}
