package io.tessera.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.customer.Customers;
import io.tessera.shared.Actor;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

/** The admin's statuses, types, tags and settings screens: each change works, is audited, keeps typed input. */
@IntegrationTest
class TicketAdminScreensIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketAdministration administration;

    @Autowired
    TicketSettings settings;

    @Autowired
    Customers customers;

    String suffix;
    HttpSession admin;

    @BeforeEach
    void signIn() {
        suffix = Long.toString(System.nanoTime(), 36);
        admin = new HttpSession(port);
        admin.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
    }

    @Test
    void tagsAreListedWithUsageRenamedIntoAnotherAndDeleted() {
        Ticket ticket = ticket(Set.of("old" + suffix, "keep" + suffix));
        admin.get("/admin/tickets/tags");
        assertThat(admin.post("/admin/tickets/tags", Map.of("tag", "new" + suffix)).status()).isEqualTo(302);
        assertThat(admin.get("/admin/tickets/tags").html().select("tr[data-tag=old" + suffix + "]").text()).contains("1");

        assertThat(admin.post("/admin/tickets/tags/rename", Map.of("from", "old" + suffix, "to", "new" + suffix)).status())
                .isEqualTo(302);
        assertThat(tickets.get(ticket.id()).tags()).containsExactlyInAnyOrder("new" + suffix, "keep" + suffix);
        assertThat(administration.tags("new" + suffix.substring(0, suffix.length() - 1), 1000))
                .contains(new TicketAdministration.TagUsage("new" + suffix, 1));

        admin.get("/admin/tickets/tags");
        assertThat(admin.post("/admin/tickets/tags/delete", Map.of("name", "keep" + suffix)).status()).isEqualTo(302);
        assertThat(tickets.get(ticket.id()).tags()).containsExactly("new" + suffix);

        HttpSession.Page refused = admin.post("/admin/tickets/tags", Map.of("tag", "two words" + suffix));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().select("#new-tag").attr("value")).isEqualTo("two words" + suffix);
        assertThat(admin.get("/admin/audit").html().text()).contains("Renamed tag old" + suffix + " → new" + suffix)
                .contains("Deleted tag keep" + suffix + " (removed from 1 tickets)");
    }

    @Test
    void aCustomStatusIsAddedRenamedAndDeactivated() {
        admin.get("/admin/tickets/statuses");
        assertThat(admin.post("/admin/tickets/statuses", Map.of("name", "Waiting on vendor " + suffix, "category", "ON_HOLD",
                "description", "The vendor has it", "position", "3")).status()).isEqualTo(302);
        var status = administration.statuses().stream().filter(s -> s.name().equals("Waiting on vendor " + suffix))
                .findFirst().orElseThrow();
        assertThat(status.category()).isEqualTo(TicketStatus.ON_HOLD);

        admin.get("/admin/tickets/statuses/" + status.id());
        HttpSession.Page refused = admin.post("/admin/tickets/statuses/" + status.id(), Map.of("name", " ", "description", "typed"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().select("#description").attr("value")).isEqualTo("typed");

        assertThat(admin.post("/admin/tickets/statuses/" + status.id(), Map.of("name", "Vendor " + suffix, "position", "3"))
                .status()).isEqualTo(302);
        var saved = administration.statuses().stream().filter(s -> s.id() == status.id()).findFirst().orElseThrow();
        assertThat(saved.name()).isEqualTo("Vendor " + suffix);
        assertThat(saved.active()).as("an unticked checkbox deactivates").isFalse();
        Ticket ticket = ticket(Set.of());
        assertThatThrownBy(() -> tickets.update(ticket.id(), null,
                List.of(new TicketChange.SetStatus(TicketStatus.ON_HOLD, status.id())), Actor.system()))
                .isInstanceOf(InvalidTicketChange.class);
        assertThat(admin.get("/admin/audit").html().text()).contains("Created status Waiting on vendor " + suffix + " (on hold)");
    }

    @Test
    void aTypeIsRenamedKeepingItsKeyAndADeactivatedTypeCannotBeChosen() {
        admin.get("/admin/tickets/types");
        admin.post("/admin/tickets/types", Map.of("name", "Claim " + suffix));
        String key = "claim-" + suffix;
        HttpSession.Page refused = admin.post("/admin/tickets/types/" + key + "/rename", Map.of("name", "Incident"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().text()).contains("A type with this name already exists");
        assertThat(refused.html().select("tr[data-key=" + key + "] input[name=name]").attr("value")).isEqualTo("Incident");

        assertThat(admin.post("/admin/tickets/types/" + key + "/rename", Map.of("name", "Warranty claim " + suffix)).status())
                .isEqualTo(302);
        assertThat(admin.post("/admin/tickets/types/" + key + "/deactivate", Map.of()).status()).isEqualTo(302);
        Ticket ticket = ticket(Set.of());
        assertThatThrownBy(() -> tickets.update(ticket.id(), null, List.of(new TicketChange.SetType(key)), Actor.system()))
                .isInstanceOf(InvalidTicketChange.class);
        assertThat(admin.get("/admin/audit").html().text())
                .contains("Renamed ticket type Claim " + suffix + " → Warranty claim " + suffix)
                .contains("Deactivated ticket type Warranty claim " + suffix);
    }

    @Test
    void settingsAreSavedAndAudited() {
        boolean seeAll = settings.agentsSeeAllTickets();
        boolean createTags = settings.agentsCreateTags();
        try {
            admin.get("/admin/tickets");
            admin.post("/admin/tickets/settings", Map.of("agentsSeeAll", String.valueOf(!seeAll), "agentsCreateTags",
                    String.valueOf(createTags)));
            assertThat(settings.agentsSeeAllTickets()).isEqualTo(!seeAll);
            assertThat(admin.get("/admin/tickets").html().select("#agentsSeeAll").hasAttr("checked")).isEqualTo(!seeAll);
            assertThat(admin.get("/admin/audit").html().text()).contains("Ticket settings: agents see all tickets " + (seeAll ? "off" : "on"));
        } finally {
            settings.change(seeAll, createTags);
        }
    }

    private Ticket ticket(Set<String> tags) {
        var requester = customers.findOrCreate("admin" + System.nanoTime() + "@example.test", "Ann Admin-Test");
        return conversations.open(new NewTicket("Settings test " + suffix, requester.id(), Channel.EMAIL, Priority.NORMAL,
                null, null, null, tags, null), "Body", BodyFormat.TEXT, Actor.customer(requester.id().value()), null);
    }
}
