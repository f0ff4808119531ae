package io.tessera.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import io.tessera.testing.Agents;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketRef;
import io.tessera.ticket.TicketStatus;

/** The workspace pages: sidebar, custom views and who may manage them, bulk actions with partial failures. */
@IntegrationTest
class ViewPagesIntegrationTests {

    @LocalServerPort int port;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;
    @Autowired TicketManagement tickets;
    @Autowired Views views;
    @Autowired MutableClock clock;

    ViewFixtures data;
    Team team;
    Agent agent;
    HttpSession browser;

    @BeforeEach
    void setUp() {
        data = new ViewFixtures(agents, teams, customers, tickets);
        team = data.team();
        agent = data.agent(Role.AGENT, team);
        browser = signedIn(agent);
    }

    @Test
    void theWorkspaceOpensOnAllOpenWithTheSidebarAndItsCounts() {
        Instant now = clock.instant();
        TicketRef open = data.ticket(team.id(), agent.id(), TicketStatus.OPEN, Priority.HIGH, now, now, null);

        Document page = browser.get("/").html();

        assertThat(page.select("#view-title").text()).isEqualTo("All open");
        assertThat(page.select("#tickets tbody tr[data-number]").eachAttr("data-number")).containsExactly(String.valueOf(open.number()));
        assertThat(page.select("#view-sidebar a[data-view=my-open] .view-count").text()).isEqualTo("1");
        assertThat(page.select("#view-sidebar a[data-view=pending] .view-count").text()).isEqualTo("0");
        assertThat(page.select("#view-sidebar a[data-view=all-open]").hasClass("active")).isTrue();
        assertThat(page.select("#view-sidebar .view-link")).hasSize(6);
    }

    @Test
    void anAgentKeepsPersonalViewsAndCannotShareOrChangeOthers() {
        Instant now = clock.instant();
        TicketRef urgent = data.ticket(team.id(), null, TicketStatus.OPEN, Priority.URGENT, now, now, null);
        data.ticket(team.id(), null, TicketStatus.OPEN, Priority.LOW, now, now, null);

        browser.get("/views/new");
        Map<String, String> form = viewForm("Urgent of my teams", "personal");
        form.put("all[0].field", "priority");
        form.put("all[0].operator", "is");
        form.put("all[0].value", "urgent");
        form.put("all[1].field", "team");
        form.put("all[1].operator", "is");
        form.put("all[1].value", "mine");
        HttpSession.Page created = browser.post("/views", form);
        assertThat(created.status()).isEqualTo(302);
        String path = created.location().replaceFirst("^https?://[^/]+", "");

        Document page = browser.get(path).html();
        assertThat(page.select("#view-title").text()).isEqualTo("Urgent of my teams");
        assertThat(page.select("#tickets tbody tr[data-number]").eachAttr("data-number")).containsExactly(String.valueOf(urgent.number()));
        assertThat(page.select("#view-sidebar").text()).contains("My views", "Urgent of my teams");
        assertThat(browser.get(path + "/edit").html().select("input[name='all[0].value']").attr("value")).isEqualTo("urgent");

        // A colleague neither sees nor changes it; nobody changes a built-in view.
        HttpSession colleague = signedIn(data.agent(Role.AGENT, team));
        assertThat(colleague.get(path).status()).isEqualTo(404);
        colleague.get("/");
        assertThat(colleague.post(path + "/delete", Map.of()).status()).isEqualTo(404);
        long builtIn = views.builtIn("all-open").id();
        assertThat(browser.get("/views/" + builtIn + "/edit").status()).isEqualTo(403);

        // Agents cannot share views.
        browser.get("/views/new");
        assertThat(browser.post("/views", viewForm("Everyone's", "shared")).status()).isEqualTo(403);

        // Invalid conditions come back with the field named and the rows kept.
        browser.get("/views/new");
        Map<String, String> bad = viewForm("Bad", "personal");
        bad.put("all[0].field", "status");
        bad.put("all[0].operator", "is");
        bad.put("all[0].value", "sleeping");
        Document refused = browser.post("/views", bad).html();
        assertThat(refused.select("#view-error").text()).contains("status", "sleeping");
        assertThat(refused.select("input[name='all[0].value']").attr("value")).isEqualTo("sleeping");

        browser.get(path + "/edit");
        assertThat(browser.post(path + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get(path).status()).isEqualTo(404);
    }

    @Test
    void supervisorsShareViewsWithATeam() {
        Agent supervisor = data.agent(Role.SUPERVISOR, team);
        HttpSession boss = signedIn(supervisor);
        boss.get("/views/new");
        Map<String, String> form = viewForm("Team escalations", "shared");
        form.put("teamId", String.valueOf(team.id().value()));
        form.put("all[0].field", "tags");
        form.put("all[0].operator", "has_any");
        form.put("all[0].value", "escalated");
        HttpSession.Page created = boss.post("/views", form);
        assertThat(created.status()).isEqualTo(302);
        String path = created.location().replaceFirst("^https?://[^/]+", "");

        assertThat(browser.get("/").html().select("#view-sidebar").text()).contains("Shared views", "Team escalations");
        assertThat(browser.get(path).status()).isEqualTo(200);
        assertThat(browser.get(path + "/edit").status()).as("agents do not edit shared views").isEqualTo(403);
        HttpSession outsider = signedIn(data.agent(Role.AGENT, data.team()));
        assertThat(outsider.get("/").html().select("#view-sidebar").text()).doesNotContain("Team escalations");
        assertThat(outsider.get(path).status()).isEqualTo(404);
    }

    @Test
    void bulkActionsSayWhatChangedAndWhatDidNot() {
        Instant now = clock.instant();
        TicketRef first = data.ticket(team.id(), null, TicketStatus.OPEN, Priority.LOW, now, now, null);
        TicketRef second = data.ticket(team.id(), null, TicketStatus.NEW, Priority.LOW, now, now, null);
        TicketRef closed = data.ticket(team.id(), null, TicketStatus.CLOSED, Priority.LOW, now.minusSeconds(60), now, now.minusSeconds(60));
        TicketRef hidden = data.ticket(data.team().id(), null, TicketStatus.OPEN, Priority.LOW, now, now, null);
        long allOpen = views.builtIn("all-open").id();

        browser.get("/");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("view", String.valueOf(allOpen));
        form.put("priority", "high");
        form.put("addTags", "bulk-tested");
        HttpSession.Page done = browser.post("/views/bulk?tickets=" + first.number() + "&tickets=" + second.number()
                + "&tickets=" + closed.number() + "&tickets=" + hidden.number(), form);
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith("/views/" + allOpen);

        String result = browser.get("/views/" + allOpen).html().select("#bulk-result").text();
        assertThat(result).startsWith("2 updated, 2 not:")
                .contains("#" + closed.number() + " Ticket #" + closed.number() + " is closed")
                .contains("#" + hidden.number() + " not found");
        assertThat(tickets.get(first.id()).priority()).isEqualTo(Priority.HIGH);
        assertThat(tickets.get(second.id()).tags()).contains("bulk-tested");
        assertThat(tickets.get(closed.id()).priority()).isEqualTo(Priority.LOW);
        assertThat(tickets.get(hidden.id()).priority()).isEqualTo(Priority.LOW);
    }

    @Test
    void selectedTicketsAreMergedIntoOneAndRefusalsAreSaid() {
        Instant now = clock.instant();
        TicketRef target = data.ticket(team.id(), null, TicketStatus.OPEN, Priority.NORMAL, now, now, null);
        TicketRef first = data.ticket(team.id(), null, TicketStatus.OPEN, Priority.LOW, now, now, null);
        TicketRef second = data.ticket(team.id(), null, TicketStatus.NEW, Priority.LOW, now, now, null);
        TicketRef closed = data.ticket(team.id(), null, TicketStatus.CLOSED, Priority.LOW, now.minusSeconds(60), now, now.minusSeconds(60));
        long allOpen = views.builtIn("all-open").id();

        browser.get("/");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("view", String.valueOf(allOpen));
        form.put("action", "merge");
        form.put("mergeInto", String.valueOf(target.number()));
        HttpSession.Page done = browser.post("/views/bulk?tickets=" + target.number() + "&tickets=" + first.number()
                + "&tickets=" + second.number() + "&tickets=" + closed.number(), form);
        assertThat(done.status()).isEqualTo(302);

        String result = browser.get("/views/" + allOpen).html().select("#bulk-result").text();
        assertThat(result).startsWith("2 merged into #" + target.number() + ", 1 not:").contains("#" + closed.number());
        assertThat(tickets.get(first.id()).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.get(first.id()).mergedInto()).isEqualTo(target.id());
        assertThat(tickets.get(second.id()).mergedInto()).isEqualTo(target.id());
        assertThat(tickets.get(target.id()).status()).isEqualTo(TicketStatus.OPEN);
    }

    private Map<String, String> viewForm(String name, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("scope", scope);
        form.put("sort", "updated");
        form.put("direction", "desc");
        form.put("columns", "number");
        return form;
    }

    private HttpSession signedIn(Agent who) {
        HttpSession session = new HttpSession(port);
        session.signIn(who.email(), Agents.PASSWORD, false);
        return session;
    }

}
