package io.tessera.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.audit.AuditTrail;
import io.tessera.channel.TestMail;
import io.tessera.channel.intake.Arrival;
import io.tessera.channel.intake.InboundMailProcessor;
import io.tessera.channel.intake.MailIntake;
import io.tessera.channel.intake.ProcessedMail;
import io.tessera.channel.settings.SupportAddresses;
import io.tessera.channel.settings.TeamMailRules;
import io.tessera.channel.settings.TeamMailSettings.ClosedReplyRule;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.Initiator;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketStatus;

/** The teams screen: a team's sending address and reply rules, saved through the form, change what mail does. */
@IntegrationTest
class EmailAdminTeamsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TeamManagement teams;
    @Autowired
    TeamMailRules rules;
    @Autowired
    SupportAddresses addresses;
    @Autowired
    MailIntake intake;
    @Autowired
    InboundMailProcessor processor;
    @Autowired
    TicketManagement tickets;
    @Autowired
    AuditTrail audit;

    @Test
    void theReopenRuleSavedOnTheScreenReopensAClosedTicket() {
        TeamId team = teams.create("Mail team " + UUID.randomUUID(), "", Set.of(), Initiator.system()).id();
        String jane = "jane-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        Ticket before = closedTicket(jane, "Closed before the rule", team);
        ProcessedMail followUp = deliver(TestMail.from(jane, "Re: [#" + before.number() + "]"));
        assertThat(followUp.ticketId()).as("the default: a follow-up").isNotEqualTo(before.id().value());

        HttpSession admin = admin();
        assertThat(admin.get("/admin/email/teams").html().select("#team-rules tr[data-team=" + team.value() + "]").text())
                .contains("new follow-up ticket", "the default");
        admin.get("/admin/email/teams/" + team.value());
        String address = "help-" + UUID.randomUUID().toString().substring(0, 8) + "@tessera.example";
        HttpSession.Page saved = admin.post("/admin/email/teams/" + team.value(), form(address, "REOPEN", "7", true));
        assertThat(saved.location()).endsWith("/admin/email/teams");

        assertThat(rules.of(team).closedReplyRule()).isEqualTo(ClosedReplyRule.REOPEN);
        assertThat(rules.of(team).newSubjectSplits()).isTrue();
        assertThat(addresses.accepts(address)).as("the sending address is a support address now").isTrue();
        assertThat(admin.get("/admin/email/teams").html().select("#team-rules tr[data-team=" + team.value() + "]").text())
                .contains(address, "reopens it", "starts a new ticket");
        Ticket after = closedTicket(jane, "Closed under the rule", team);
        ProcessedMail reopened = deliver(TestMail.from(jane, "Re: Closed under the rule [#" + after.number() + "]"));
        assertThat(reopened.ticketId()).isEqualTo(after.id().value());
        assertThat(tickets.get(after.id()).status()).isEqualTo(TicketStatus.OPEN);
        assertThat(audit.page(null, 20)).anyMatch(e -> e.action().equals("team_mail.saved") && e.subjectId() == team.value()
                && e.summary().contains("replies to closed tickets: reopen"));
    }

    @Test
    void aBadAddressOrDaysAreRefusedKeepingWhatWasTyped() {
        TeamId team = teams.create("Typo team " + UUID.randomUUID(), "", Set.of(), Initiator.system()).id();
        TeamId other = teams.create("Other team " + UUID.randomUUID(), "", Set.of(), Initiator.system()).id();
        HttpSession admin = admin();
        admin.get("/admin/email/teams/" + team.value());

        Document badAddress = admin.post("/admin/email/teams/" + team.value(), form("help at example", "REOPEN", "7", false)).html();
        assertThat(badAddress.select("#supportAddress.is-invalid")).hasSize(1);
        assertThat(badAddress.select("#supportAddress").val()).isEqualTo("help at example");
        assertThat(badAddress.select("#rule-reopen").hasAttr("checked")).isTrue();

        Document badDays = admin.post("/admin/email/teams/" + team.value(), form("", "FOLLOW_UP_AFTER_DAYS", "0", false)).html();
        assertThat(badDays.select("#closedReplyDays.is-invalid")).hasSize(1);
        assertThat(badDays.select("#closedReplyDays").val()).isEqualTo("0");

        String taken = "taken-" + UUID.randomUUID().toString().substring(0, 8) + "@tessera.example";
        admin.post("/admin/email/teams/" + other.value(), form(taken, "FOLLOW_UP", "7", false));
        Document duplicate = admin.post("/admin/email/teams/" + team.value(), form(taken, "FOLLOW_UP", "7", false)).html();
        assertThat(duplicate.select("#supportAddress.is-invalid + .invalid-feedback").text()).contains("already used by the team Other team");
        assertThat(rules.of(team).closedReplyRule()).isEqualTo(ClosedReplyRule.FOLLOW_UP);
        assertThat(admin.get("/admin/email/teams/987654321").status()).isEqualTo(404);
    }

    private static Map<String, String> form(String address, String rule, String days, boolean splits) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("supportAddress", address);
        form.put("closedReplyRule", rule);
        form.put("closedReplyDays", days);
        if (splits) {
            form.put("newSubjectSplits", "true");
        }
        return form;
    }

    private Ticket closedTicket(String requester, String subject, TeamId team) {
        Ticket ticket = tickets.get(TicketId.of(deliver(TestMail.from(requester, subject)).ticketId()));
        tickets.update(ticket.id(), null, List.of(new TicketChange.SetTeam(team), new TicketChange.SetStatus(TicketStatus.SOLVED)),
                Actor.system());
        tickets.update(ticket.id(), null, List.of(new TicketChange.SetStatus(TicketStatus.CLOSED)), Actor.system());
        return tickets.get(ticket.id());
    }

    private ProcessedMail deliver(TestMail mail) {
        return processor.process(intake.store(Arrival.pipe(null, null), mail.bytes()).id()).orElseThrow();
    }

    private HttpSession admin() {
        HttpSession browser = new HttpSession(port);
        browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        return browser;
    }
}
