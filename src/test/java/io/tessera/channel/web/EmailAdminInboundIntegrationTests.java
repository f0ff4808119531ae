package io.tessera.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import io.tessera.channel.settings.TeamMailRules;
import io.tessera.channel.settings.TeamMailSettings;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Initiator;
import io.tessera.shared.TeamId;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

/** The inbound-mail screen: the failed mail an admin must see, download byte for byte, and reprocess. */
@IntegrationTest
class EmailAdminInboundIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    MailIntake intake;
    @Autowired
    InboundMailProcessor processor;
    @Autowired
    TeamManagement teams;
    @Autowired
    TeamMailRules teamRules;
    @Autowired
    AuditTrail audit;

    @Test
    void emailAdminStartsAtInboundMail() {
        assertThat(admin().get("/admin/email").location()).endsWith("/admin/email/inbound");
    }

    @Test
    void aFailedMailIsListedWithItsErrorDownloadableByteForByteAndReprocessed() {
        String subject = "Nobody sent this " + UUID.randomUUID();
        byte[] raw = ("To: support@tessera.localhost\r\nSubject: " + subject + "\r\nMessage-ID: <orphan-" + UUID.randomUUID()
                + "@x.example>\r\nX-Odd: caf\u00e9\r\n\r\nWho am I?\r\n").getBytes(StandardCharsets.ISO_8859_1);
        long id = deliver(raw).id();
        HttpSession admin = admin();

        Document failed = admin.get("/admin/email/inbound?status=failed").html();
        assertThat(failed.select("#filter-failed").hasClass("active")).isTrue();
        assertThat(Integer.parseInt(failed.select("#failed-count").text())).isPositive();
        assertThat(failed.select("#inbound tr[data-id=" + id + "]").text()).contains(subject, "failed", "no sender address");
        assertThat(failed.select("#inbound tr[data-status]").eachAttr("data-status")).containsOnly("FAILED");
        assertThat(admin.get("/admin/email/inbound").html().select("#inbound tr[data-id=" + id + "]")).hasSize(1);

        Document detail = admin.get("/admin/email/inbound/" + id).html();
        assertThat(detail.select("#mail-error").text()).contains("no sender address");
        assertThat(detail.select("#mail-headers").text()).contains("Subject", subject, "X-Odd");
        assertThat(detail.select("#reprocess")).hasSize(1);

        var download = admin.download("/admin/email/inbound/" + id + "/original");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(raw);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"inbound-" + id + ".eml\"");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Type")).get().asString().startsWith("message/rfc822");

        HttpSession.Page reprocessed = admin.post("/admin/email/inbound/" + id + "/reprocess", Map.of());
        assertThat(reprocessed.location()).endsWith("/admin/email/inbound/" + id);
        Document after = admin.get(reprocessed.location()).html();
        assertThat(after.select("#flash-error").text()).contains("failed again", "no sender address");
        assertThat(after.select("#mail-error").text()).contains("attempt 2");
        assertThat(audit.page(null, 20)).anyMatch(e -> e.action().equals("inbound_mail.reprocessed")
                && e.subjectId() == id && e.actorName().equals("Ada Admin"));
    }

    @Test
    void anIgnoredMailReprocessedAfterTheCauseIsFixedBecomesATicket() {
        // A team was given a customer's address by mistake: that customer's mail looks like our own coming back.
        String customer = "cora-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        TeamId team = teams.create("Misconfigured " + UUID.randomUUID(), "", Set.of(), Initiator.system()).id();
        teamRules.save(new TeamMailSettings(team, customer, TeamMailSettings.ClosedReplyRule.FOLLOW_UP, 7, false));
        ProcessedMail ignored = deliver(TestMail.from(customer, "Where is my order?").bytes());
        assertThat(ignored.status()).isEqualTo("IGNORED");
        teamRules.save(new TeamMailSettings(team, null, TeamMailSettings.ClosedReplyRule.FOLLOW_UP, 7, false));

        HttpSession admin = admin();
        admin.get("/admin/email/inbound/" + ignored.id());
        Document after = admin.get(admin.post("/admin/email/inbound/" + ignored.id() + "/reprocess", Map.of()).location()).html();

        assertThat(after.select("#flash").text()).contains("processed on ticket #");
        assertThat(after.select("#mail-status").text()).contains("processed");
        assertThat(after.select("#mail-ticket").text()).startsWith("#");
        assertThat(after.select("#reprocess")).isEmpty();
        assertThat(admin.post("/admin/email/inbound/" + ignored.id() + "/reprocess", Map.of()).status()).isEqualTo(302);
        assertThat(admin.get("/admin/email/inbound/" + ignored.id()).html().select("#flash-error").text()).contains("not reprocessed");
    }

    @Test
    void anUnknownMailIsNotFound() {
        assertThat(admin().get("/admin/email/inbound/987654321").status()).isEqualTo(404);
    }

    private ProcessedMail deliver(byte[] raw) {
        return processor.process(intake.store(Arrival.pipe(null, null), raw).id()).orElseThrow();
    }

    private HttpSession admin() {
        HttpSession browser = new HttpSession(port);
        browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        return browser;
    }
}
