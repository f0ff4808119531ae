package io.tessera.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tessera.audit.AuditEntry;
import io.tessera.audit.AuditTrail;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.identity.TicketScopes;
import io.tessera.shared.Actor;
import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;
import io.tessera.shared.OrganizationId;
import io.tessera.shared.TeamId;
import io.tessera.testing.Agents;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.LoggedEvent;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketEventLog;
import io.tessera.ticket.TicketImport;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketRef;
import io.tessera.ticket.TicketStatus;

/** Customers and organizations through the facades and through the pages, over real HTTP. */
@IntegrationTest
class CustomerIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TicketScopes scopes;

    @Autowired
    Customers customers;

    @Autowired
    Organizations organizations;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketEventLog eventLog;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    // --- the facade -------------------------------------------------------------------------------

    @Test
    void anyOfACustomersAddressesFindsThemIgnoringCase() {
        String id = unique();
        CustomerProfile created = customers.create(new CustomerDetails("Mara Lind", "Mara." + id + "@example.test",
                List.of("mara@home-" + id + ".test", "ML@Work-" + id + ".test"), "+46 8 123", null, "Prefers email",
                "gold", "sv", "Europe/Stockholm"));

        assertThat(created.email()).isEqualTo("mara." + id + "@example.test");
        assertThat(created.emails()).containsExactly("mara." + id + "@example.test", "mara@home-" + id + ".test",
                "ml@work-" + id + ".test");
        assertThat(customers.findByEmail("ML@WORK-" + id + ".TEST")).map(Customer::id).hasValue(created.id());
        Customer found = customers.findOrCreate(" mara@Home-" + id + ".test ", "Somebody Else");
        assertThat(found.id()).isEqualTo(created.id());
        assertThat(found.name()).isEqualTo("Mara Lind");
        assertThat(customers.get(created.id()).timeZone()).isEqualTo("Europe/Stockholm");
    }

    @Test
    void anAddressBelongsToOneCustomerOnly() {
        String id = unique();
        CustomerId first = customers.create("First", "taken-" + id + "@example.test", null, null);

        assertThatThrownBy(() -> customers.create("Second", "TAKEN-" + id + "@example.test", null, null))
                .isInstanceOfSatisfying(AlreadyTaken.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.ownerId()).isEqualTo(first.value());
                });
        assertThatThrownBy(() -> customers.create(new CustomerDetails("Second", "free-" + id + "@example.test",
                List.of("taken-" + id + "@example.test"), null, null, null, null, null, null)))
                .isInstanceOfSatisfying(AlreadyTaken.class, e -> assertThat(e.field()).isEqualTo("emails"));
        assertThat(customers.findByEmail("free-" + id + "@example.test")).isEmpty();
    }

    @Test
    void newCustomersJoinTheOrganizationThatClaimsTheirDomain() {
        String id = unique();
        OrganizationId acme = customers.createOrganization("Acme " + id, "acme-" + id + ".test, acme-" + id + ".example",
                "enterprise");
        OrganizationId other = customers.createOrganization("Other " + id, "other-" + id + ".test", null);

        CustomerId byCreate = customers.create("Ann", "ann@acme-" + id + ".example", null, null);
        Customer byFindOrCreate = customers.findOrCreate("Bob@ACME-" + id + ".test", null);
        CustomerId chosen = customers.create("Cid", "cid@acme-" + id + ".test", null, other);
        CustomerId unclaimed = customers.create("Dee", "dee@elsewhere-" + id + ".test", null, null);

        assertThat(customers.find(byCreate).orElseThrow().organization()).isEqualTo(acme);
        assertThat(byFindOrCreate.organization()).isEqualTo(acme);
        assertThat(byFindOrCreate.name()).isEqualTo("bob");
        assertThat(customers.find(chosen).orElseThrow().organization()).as("an explicit choice wins").isEqualTo(other);
        assertThat(customers.find(unclaimed).orElseThrow().organization()).isNull();
        assertThat(organizations.get(acme).domains()).containsExactly("acme-" + id + ".example", "acme-" + id + ".test");
    }

    @Test
    void aDomainBelongsToOneOrganizationOnly() {
        String id = unique();
        OrganizationId first = customers.createOrganization("Claims " + id, "claimed-" + id + ".test", null);

        assertThatThrownBy(() -> organizations.create(new OrganizationDetails("Late " + id,
                List.of("@Claimed-" + id + ".TEST"), null, null), Initiator.system()))
                .isInstanceOfSatisfying(AlreadyTaken.class, e -> {
                    assertThat(e.field()).isEqualTo("domains");
                    assertThat(e.ownerId()).isEqualTo(first.value());
                });
        assertThatThrownBy(() -> organizations.create(new OrganizationDetails("Bad " + id, List.of("not a domain"),
                null, null), Initiator.system())).isInstanceOfSatisfying(InvalidChange.class,
                e -> assertThat(e.field()).isEqualTo("domains"));
    }

    // --- the pages --------------------------------------------------------------------------------

    @Test
    void theListFindsCustomersByNameWordOrAddressPrefix() {
        String id = unique();
        CustomerId quill = customers.create(new CustomerDetails("Zora Quill" + id, "zq-" + id + "@example.test",
                List.of("other-" + id + "@example.test"), null, null, null, null, null, null)).id();
        HttpSession browser = signIn(Role.AGENT);

        Document byName = browser.get("/customers?q=quill" + id).html();
        Document byOtherAddress = browser.get("/customers?q=OTHER-" + id).html();
        Document nothing = browser.get("/customers?q=nobody-" + id).html();

        assertThat(byName.select("#customers tbody tr[data-id=" + quill.value() + "]").text())
                .contains("Zora Quill" + id, "zq-" + id + "@example.test");
        assertThat(byOtherAddress.select("#customers tbody tr")).hasSize(1);
        assertThat(nothing.select("#customers").text()).contains("No customers found");
        assertThat(byName.select("#q").attr("hx-get")).as("search as you type").isEqualTo("/customers");
        assertThat(browser.get("/").html().select("#nav-customers").attr("href")).isEqualTo("/customers");
    }

    @Test
    void theListPagesInNameOrder() {
        String id = unique();
        OrganizationId org = customers.createOrganization("Many " + id, null, null);
        for (int i = 0; i < 52; i++) {
            customers.create(String.format("Many %02d", i), "many" + i + "-" + id + "@example.test", null, org);
        }
        HttpSession browser = signIn(Role.AGENT);

        Document first = browser.get("/customers?organization=" + org.value()).html();
        Document second = browser.get(first.select("#next-page").attr("href")).html();

        assertThat(first.select("#customers tbody tr")).hasSize(50);
        assertThat(first.select("#customers tbody tr").first().text()).startsWith("Many 00");
        assertThat(second.select("#customers tbody tr").eachText()).hasSize(2)
                .satisfiesExactly(r -> assertThat(r).startsWith("Many 50"), r -> assertThat(r).startsWith("Many 51"));
        assertThat(second.select("#next-page")).isEmpty();
    }

    @Test
    void theProfileShowsEveryTicketTheCustomerRaisedNewestFirstAPageAtATime() {
        CustomerId customer = customers.create("Tess Tickets", "tess-" + unique() + "@example.test", "555-0100", null);
        Instant start = Instant.parse("2026-01-01T09:00:00Z");
        for (int i = 0; i < 27; i++) {
            raise(customer, null, null, "Question " + i, start.plus(Duration.ofHours(i)));
        }
        HttpSession browser = signIn(Role.SUPERVISOR);

        Document first = browser.get("/customers/" + customer.value()).html();
        Document second = browser.get(first.select("#older-tickets").attr("href")).html();

        assertThat(first.select("#customer-name").text()).isEqualTo("Tess Tickets");
        assertThat(first.select("#customer-profile").text()).contains("555-0100");
        assertThat(first.select("#customer-tickets tbody tr")).hasSize(25);
        assertThat(first.select("#customer-tickets tbody tr").first().text()).contains("Question 26");
        assertThat(second.select("#customer-tickets tbody tr").eachText())
                .satisfiesExactly(r -> assertThat(r).contains("Question 1"), r -> assertThat(r).contains("Question 0"));
    }

    @Test
    void anAgentSeesOnlyTheTicketsTheyMayOpen() {
        Team team = teams.create("Visible " + unique(), null, Set.of(), Initiator.system());
        Agent agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        CustomerId customer = customers.create("Vera Visible", "vera-" + unique() + "@example.test", null, null);
        raise(customer, null, team.id(), "Our team's ticket", Instant.parse("2026-02-01T10:00:00Z"));
        raise(customer, null, null, "Nobody's ticket", Instant.parse("2026-02-02T10:00:00Z"));
        HttpSession browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);

        Document page = browser.get("/customers/" + customer.value()).html();

        assertThat(page.select("#customer-tickets tbody tr").eachText())
                .singleElement().asString().contains("Our team's ticket");
    }

    @Test
    void whenAgentsSeeAllTicketsTheProfileShowsEveryTicket() {
        Team team = teams.create("Wide " + unique(), null, Set.of(), Initiator.system());
        Agent agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        CustomerId customer = customers.create("Wanda Wide", "wanda-" + unique() + "@example.test", null, null);
        raise(customer, null, team.id(), "Our team's ticket", Instant.parse("2026-02-01T10:00:00Z"));
        raise(customer, null, null, "Nobody's ticket", Instant.parse("2026-02-02T10:00:00Z"));
        HttpSession browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);

        scopes.setAgentsSeeAllTickets(true);
        try {
            Document page = browser.get("/customers/" + customer.value()).html();

            assertThat(page.select("#customer-tickets tbody tr").eachText()).hasSize(2);
        } finally {
            scopes.setAgentsSeeAllTickets(false);
        }
    }

    @Test
    void aCustomerIsCreatedThroughTheFormAndJoinsTheOrganizationOfTheirDomain() {
        String id = unique();
        OrganizationId org = customers.createOrganization("Formed " + id, "formed-" + id + ".test", "business");
        HttpSession browser = signIn(Role.AGENT);
        browser.get("/customers/new");

        HttpSession.Page saved = browser.post("/customers", form("name", "Fay Form", "email", "Fay@Formed-" + id + ".test",
                "otherEmails", "fay.private-" + id + "@example.test\nfay.other-" + id + "@example.test",
                "phone", "+1 555 0101", "organization", "", "notes", "Call <b>after</b> 10",
                "tier", "vip", "language", "pt-br", "timeZone", "america/sao_paulo"));

        assertThat(saved.status()).isEqualTo(302);
        Document profile = browser.get(saved.location()).html();
        assertThat(profile.select("#flash").text()).contains("Fay Form");
        assertThat(profile.select("#customer-emails").text()).contains("fay@formed-" + id + ".test", "primary",
                "fay.private-" + id + "@example.test", "fay.other-" + id + "@example.test");
        assertThat(profile.select("#customer-organization a").attr("href")).isEqualTo("/organizations/" + org.value());
        assertThat(profile.select("#customer-profile").text()).contains("pt-BR", "America/Sao_Paulo", "vip");
        assertThat(profile.select("#customer-notes").html()).as("escaped").contains("&lt;b&gt;");
    }

    @Test
    void aRefusedEditKeepsWhatWasTypedAndSaysWhy() {
        String id = unique();
        customers.create("Holder", "holder-" + id + "@example.test", null, null);
        CustomerId customer = customers.create("Eddie Edit", "eddie-" + id + "@example.test", null, null);
        HttpSession browser = signIn(Role.AGENT);
        browser.get("/customers/" + customer.value() + "/edit");

        HttpSession.Page taken = browser.post("/customers/" + customer.value(), form("name", "Eddie Typed",
                "email", "eddie-" + id + "@example.test", "otherEmails", "holder-" + id + "@example.test",
                "phone", "typed phone", "organization", "", "notes", "typed notes", "tier", "typed tier",
                "language", "de", "timeZone", "Europe/Berlin"));
        HttpSession.Page badZone = browser.post("/customers/" + customer.value(), form("name", "Eddie Typed",
                "email", "eddie-" + id + "@example.test", "otherEmails", "", "phone", "", "organization", "",
                "notes", "", "tier", "", "language", "", "timeZone", "Mars/Olympus"));
        HttpSession.Page noOrganization = browser.post("/customers/" + customer.value(), form("name", "Eddie Typed",
                "email", "eddie-" + id + "@example.test", "organization", "No Such Org " + id));

        Document form = taken.html();
        assertThat(taken.status()).isEqualTo(200);
        assertThat(form.select("#otherEmails.is-invalid")).isNotEmpty();
        assertThat(form.select("#otherEmails + .invalid-feedback").text()).contains("Another customer already uses");
        assertThat(form.select("#name").val()).isEqualTo("Eddie Typed");
        assertThat(form.select("#otherEmails").val()).isEqualTo("holder-" + id + "@example.test");
        assertThat(form.select("#phone").val()).isEqualTo("typed phone");
        assertThat(form.select("#notes").val()).isEqualTo("typed notes");
        assertThat(form.select("#timeZone").val()).isEqualTo("Europe/Berlin");
        assertThat(badZone.html().select("#timeZone.is-invalid")).isNotEmpty();
        assertThat(badZone.html().select("#timeZone").val()).isEqualTo("Mars/Olympus");
        assertThat(noOrganization.html().select("#organization.is-invalid")).isNotEmpty();
        assertThat(customers.get(customer).name()).as("nothing saved").isEqualTo("Eddie Edit");

        HttpSession.Page saved = browser.post("/customers/" + customer.value(), form("name", "Eddie Saved",
                "email", "eddie-" + id + "@example.test", "otherEmails", "eddie2-" + id + "@example.test"));
        assertThat(saved.location()).endsWith("/customers/" + customer.value());
        assertThat(customers.get(customer).emails()).containsExactly("eddie-" + id + "@example.test",
                "eddie2-" + id + "@example.test");
    }

    @Test
    void organizationsAreCreatedEditedAndShowTheirCustomersAndTickets() {
        String id = unique();
        Team team = teams.create("Orbit team " + id, null, Set.of(), Initiator.system());
        Agent agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        HttpSession browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);
        browser.get("/organizations/new");

        HttpSession.Page created = browser.post("/organizations", form("name", "Orbit " + id,
                "domains", "orbit-" + id + ".test, @Orbit-" + id + ".example", "tier", "enterprise", "notes", "Key account"));
        OrganizationId org = OrganizationId.of(Long.parseLong(created.location().replaceAll(".*/", "")));
        CustomerId member = customers.create("Oli Orbit", "oli@orbit-" + id + ".example", null, null);
        raise(member, org, team.id(), "Orbit outage", Instant.parse("2026-03-01T08:00:00Z"));
        raise(member, org, null, "Not for this agent's eyes", Instant.parse("2026-03-02T08:00:00Z"));
        Document page = browser.get("/organizations/" + org.value()).html();

        assertThat(page.select("#organization-domains .badge").eachText())
                .containsExactly("orbit-" + id + ".example", "orbit-" + id + ".test");
        assertThat(page.select("#organization-customers").text()).contains("Oli Orbit");
        assertThat(page.select("#organization-tickets tbody tr").eachText()).singleElement().asString()
                .contains("Orbit outage", "Oli Orbit");
        assertThat(browser.get("/organizations?q=orbit-" + id).html().select("#organizations tbody tr")).hasSize(1);

        browser.get("/organizations/new");
        HttpSession.Page refused = browser.post("/organizations", form("name", "Copycat " + id,
                "domains", "copycat-" + id + ".test orbit-" + id + ".test", "tier", "typed", "notes", ""));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().select("#domains.is-invalid")).isNotEmpty();
        assertThat(refused.html().select("#domains").val()).isEqualTo("copycat-" + id + ".test orbit-" + id + ".test");
        assertThat(refused.html().select("#tier").val()).isEqualTo("typed");

        browser.get("/organizations/" + org.value() + "/edit");
        browser.post("/organizations/" + org.value(), form("name", "Orbit Renamed " + id, "domains", "orbit-" + id + ".test",
                "tier", "business", "notes", ""));
        Organization edited = organizations.get(org);
        assertThat(edited.name()).isEqualTo("Orbit Renamed " + id);
        assertThat(edited.domains()).containsExactly("orbit-" + id + ".test");
        assertThat(edited.notes()).isNull();
        assertThat(audit.page(null, 50)).anyMatch(e -> e.action().equals("organization.updated")
                && e.summary().contains("renamed from Orbit " + id) && e.summary().contains("tier enterprise → business"));
    }

    // --- merging ----------------------------------------------------------------------------------

    @Test
    void aSupervisorMergesADuplicateAndItsAddressesAndTicketsFollow() {
        String id = unique();
        CustomerId source = customers.create(new CustomerDetails("Dup Licate", "dup-" + id + "@example.test",
                List.of("dup.alt-" + id + "@example.test"), "555-0199", null, "Source notes", null, "fr", null)).id();
        CustomerId target = customers.create(new CustomerDetails("Real Person", "real-" + id + "@example.test",
                List.of(), null, null, "Target notes", null, null, null)).id();
        TicketRef old = raise(source, null, null, "Old question", Instant.parse("2026-04-01T08:00:00Z"));
        TicketRef newer = raise(source, null, null, "Newer question", Instant.parse("2026-04-02T08:00:00Z"));
        raise(target, null, null, "Target's own", Instant.parse("2026-04-03T08:00:00Z"));
        Agent supervisor = Agents.create(agents, Role.SUPERVISOR);
        HttpSession browser = new HttpSession(port);
        browser.signIn(supervisor.email(), Agents.PASSWORD, false);

        Document profile = browser.get("/customers/" + source.value()).html();
        assertThat(profile.select("#merge-lookup")).isNotEmpty();
        Document preview = browser.get("/customers/" + source.value() + "/merge?into=REAL-" + id + "%40example.test").html();
        assertThat(preview.select("#merge-source").text()).contains("dup-" + id + "@example.test");
        assertThat(preview.select("#merge-target").text()).contains("real-" + id + "@example.test");
        HttpSession.Page merged = browser.post("/customers/" + source.value() + "/merge",
                Map.of("into", String.valueOf(target.value())));

        assertThat(merged.location()).endsWith("/customers/" + target.value());
        CustomerProfile kept = customers.get(target);
        assertThat(kept.emails()).containsExactly("real-" + id + "@example.test", "dup-" + id + "@example.test",
                "dup.alt-" + id + "@example.test");
        assertThat(kept.phone()).as("filled in from the duplicate").isEqualTo("555-0199");
        assertThat(kept.language()).isEqualTo("fr");
        assertThat(kept.notes()).startsWith("Target notes").contains("Source notes");
        assertThat(customers.find(source)).isEmpty();
        assertThat(customers.mergedInto(source)).hasValue(target);
        assertThat(customers.findOrCreate("dup.alt-" + id + "@example.test", "New").id()).isEqualTo(target);

        assertThat(jdbc.sql("select requester_id from ticket where id in (?, ?)").params(old.id().value(), newer.id().value())
                .query(Long.class).list()).containsOnly(target.value());
        LoggedEvent change = eventLog.history(old.id()).stream().filter(e -> e.type().equals("requester_changed"))
                .findFirst().orElseThrow();
        assertThat(change.actor()).isEqualTo(Actor.agent(supervisor.id()));
        assertThat(((Number) change.payload().get("from")).longValue()).isEqualTo(source.value());
        assertThat(((Number) change.payload().get("to")).longValue()).isEqualTo(target.value());
        assertThat(jdbc.sql("select count(*) from ticket_event where event_type = 'requester_changed' and ticket_id = ?")
                .param(newer.id().value()).query(Long.class).single()).isEqualTo(1);

        AuditEntry entry = audit.page(null, 50).stream().filter(e -> e.action().equals("customer.merged")
                && e.summary().contains("dup-" + id + "@example.test")).findFirst().orElseThrow();
        assertThat(entry.actor()).isEqualTo(Actor.agent(supervisor.id()));
        assertThat(entry.subjectId()).isEqualTo(target.value());

        Document keptPage = browser.get(merged.location()).html();
        assertThat(keptPage.select("#flash").text()).contains("was merged into Real Person");
        assertThat(keptPage.select("#customer-tickets tbody tr").eachText()).hasSize(3);
        HttpSession.Page oldAddress = browser.get("/customers/" + source.value());
        assertThat(oldAddress.status()).isEqualTo(301);
        assertThat(oldAddress.location()).endsWith("/customers/" + target.value());
    }

    @Test
    void mergingAgainMovesEarlierRedirectsOn() {
        String id = unique();
        CustomerId a = customers.create("A", "a-" + id + "@example.test", null, null);
        CustomerId b = customers.create("B", "b-" + id + "@example.test", null, null);
        CustomerId c = customers.create("C", "c-" + id + "@example.test", null, null);

        customers.merge(a, b, Initiator.system());
        customers.merge(b, c, Initiator.system());

        assertThat(customers.mergedInto(a)).hasValue(c);
        assertThat(customers.get(c).emails()).containsExactly("c-" + id + "@example.test", "a-" + id + "@example.test",
                "b-" + id + "@example.test");
        assertThatThrownBy(() -> customers.merge(c, c, Initiator.system())).isInstanceOf(InvalidChange.class);
        assertThatThrownBy(() -> customers.merge(c, a, Initiator.system()))
                .isInstanceOfSatisfying(InvalidChange.class, e -> assertThat(e.field()).isEqualTo("into"));
    }

    @Test
    void agentsMayNotMerge() {
        String id = unique();
        CustomerId source = customers.create("Stays", "stays-" + id + "@example.test", null, null);
        CustomerId target = customers.create("Also Stays", "also-" + id + "@example.test", null, null);
        HttpSession browser = signIn(Role.AGENT);

        Document profile = browser.get("/customers/" + source.value()).html();
        HttpSession.Page lookUp = browser.get("/customers/" + source.value() + "/merge?into=" + target.value());
        browser.get("/customers/" + source.value());
        HttpSession.Page post = browser.post("/customers/" + source.value() + "/merge",
                Map.of("into", String.valueOf(target.value())));

        assertThat(profile.select("#merge-lookup")).as("not offered").isEmpty();
        assertThat(lookUp.status()).isEqualTo(403);
        assertThat(post.status()).isEqualTo(403);
        assertThat(customers.find(source)).isPresent();
    }

    // --- helpers ----------------------------------------------------------------------------------

    private HttpSession signIn(Role role) {
        Agent agent = Agents.create(agents, role);
        HttpSession browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);
        return browser;
    }

    private TicketRef raise(CustomerId requester, OrganizationId organization, TeamId team, String subject, Instant at) {
        Instant created = at.truncatedTo(ChronoUnit.SECONDS);
        return tickets.importTicket(new TicketImport(subject, requester, organization, team, null, TicketStatus.OPEN,
                Priority.NORMAL, "question", Channel.EMAIL, created, created, null, null, null), Actor.system());
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
