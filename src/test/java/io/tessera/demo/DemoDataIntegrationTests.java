package io.tessera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.tessera.identity.AgentManagement;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

/** With TESSERA_DEMO=true (here on both databases) a new install gets a believable, varied workspace. */
@IntegrationTest
@TestPropertySource(properties = "tessera.demo=true")
class DemoDataIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    DemoData demo;

    @Test
    void loadsTeamsAgentsCustomersAndTicketsInEveryStatus() {
        // Other tests share this application context and may add teams and agents: count the demo's own.
        assertThat(teams.list()).extracting(Team::name).contains("Customer Support", "Billing", "Technical");
        assertThat(agents.list()).filteredOn(a -> a.email().endsWith("@tessera.localhost")).hasSize(5);
        assertThat(count("select count(*) from customer")).isEqualTo(30);
        assertThat(count("select count(distinct organization_id) from customer")).isGreaterThanOrEqualTo(3);
        assertThat(count("select count(*) from ticket")).isEqualTo(60);
        assertThat(jdbc.sql("select distinct status from ticket").query(String.class).list())
                .containsExactlyInAnyOrder("NEW", "OPEN", "PENDING", "ON_HOLD", "SOLVED", "CLOSED");
        assertThat(count("select count(*) from message where kind = 'PUBLIC_REPLY'")).isGreaterThan(40);
        assertThat(count("select count(*) from message where kind = 'INTERNAL_NOTE'")).isGreaterThan(5);
        assertThat(count("select count(*) from ticket_event")).isGreaterThan(count("select count(*) from message"));
        assertThat(jdbc.sql("select field_key from custom_field").query(String.class).list())
                .contains("order_number", "product", "refund_amount");
        assertThat(count("select count(*) from ticket_form_field where type_key = 'question'")).isEqualTo(2);
    }

    @Test
    void loadsOnlyOnce() throws Exception {
        demo.run(null);

        assertThat(count("select count(*) from ticket")).isEqualTo(60);
    }

    @Test
    void agentsSeeTheirTeamsTicketsAndSupervisorsSeeAll() {
        // Demo agents share a generated password; give two of them a known one for this test.
        var tomas = agents.findByEmail("tomas@tessera.localhost").orElseThrow();
        var maya = agents.findByEmail("maya@tessera.localhost").orElseThrow();
        agents.resetPassword(tomas.id(), "tomas-password", io.tessera.shared.Initiator.system());
        agents.resetPassword(maya.id(), "maya-password-1", io.tessera.shared.Initiator.system());

        HttpSession tomasBrowser = new HttpSession(port);
        tomasBrowser.signIn(tomas.email(), "tomas-password", false);
        // The workspace opens on "All open": every unsolved ticket the agent may see.
        List<String> tomasRows = tomasBrowser.get("/").html().select("#tickets tbody tr").eachText();
        long tomasVisible = count("select count(*) from ticket t join team m on m.id = t.team_id where (m.name = 'Customer Support' "
                + "or t.assignee_id = " + tomas.id().value() + ") and t.status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')");
        assertThat(tomasRows).hasSize((int) Math.min(50, tomasVisible)).allMatch(r -> r.contains("Customer Support"));

        HttpSession mayaBrowser = new HttpSession(port);
        mayaBrowser.signIn(maya.email(), "maya-password-1", false);
        long unsolved = count("select count(*) from ticket where status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')");
        var firstPage = mayaBrowser.get("/").html();
        assertThat(firstPage.select("#tickets tbody tr")).hasSize((int) Math.min(50, unsolved));
        if (unsolved > 50) {
            String next = firstPage.select("a:contains(Next page)").attr("href");
            assertThat(mayaBrowser.get(next).html().select("#tickets tbody tr")).hasSize((int) unsolved - 50);
        }

        long billingTicket = jdbc.sql("select t.number from ticket t join team m on m.id = t.team_id where m.name = 'Billing' "
                + "and (t.assignee_id is null or t.assignee_id <> ?) fetch first 1 rows only")
                .param(tomas.id().value()).query(Long.class).single();
        assertThat(tomasBrowser.get("/tickets/" + billingTicket).status()).as("other team's ticket").isEqualTo(404);
        var page = mayaBrowser.get("/tickets/" + billingTicket);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#timeline .timeline-change").text()).contains("created the ticket");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
