package io.tessera.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.audit.AuditTrail;
import io.tessera.channel.TestMail;
import io.tessera.channel.intake.Arrival;
import io.tessera.channel.intake.InboundMailProcessor;
import io.tessera.channel.intake.MailIntake;
import io.tessera.channel.outbox.MailTemplates;
import io.tessera.channel.outbox.OutboundMail;
import io.tessera.channel.outbox.Outbox;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.TicketManagement;

/** The templates screen: edit, preview with sample values (page and htmx fragment), reset; mail uses the edit. */
@IntegrationTest
class EmailAdminTemplatesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    MailTemplates templates;
    @Autowired
    MailIntake intake;
    @Autowired
    InboundMailProcessor processor;
    @Autowired
    Outbox outbox;
    @Autowired
    TicketManagement tickets;
    @Autowired
    AuditTrail audit;

    @AfterEach
    void builtInTextsForOtherTests() {
        templates.reset(MailTemplates.ACKNOWLEDGEMENT);
        templates.reset(MailTemplates.AGENT_REPLY);
    }

    @Test
    void anEditedAcknowledgementIsPreviewedSavedUsedAndReset() {
        HttpSession admin = admin();
        Document list = admin.get("/admin/email/templates").html();
        assertThat(list.select("#templates tr[data-key]").eachAttr("data-key")).contains("acknowledgement", "agent-reply", "agent-notification");
        assertThat(list.select("#templates tr[data-key=acknowledgement]").text()).contains("built-in");

        admin.get("/admin/email/templates/acknowledgement");
        Map<String, String> edited = Map.of("subject", "Got it: {{ticket.subject}}",
                "body", "Hi {{requester.first_name}}, ticket **#{{ticket.number}}** is ours. {{tikcet.url}}");

        Document preview = admin.post("/admin/email/templates/acknowledgement/preview", edited).html();
        assertThat(preview.select("#preview-subject").text()).isEqualTo("Got it: The printer on floor 3 jams [#1042]");
        assertThat(preview.select("#preview-body strong").text()).isEqualTo("#1042");
        assertThat(preview.select("#preview-body").text()).contains("Hi Jane,", "{{tikcet.url}}");
        assertThat(preview.select("#unknown-placeholders").text()).contains("{{tikcet.url}}");
        assertThat(preview.select("#subject").val()).as("the full page keeps what was typed").isEqualTo(edited.get("subject"));

        String fragment = admin.postWithHeader("/admin/email/templates/acknowledgement/preview", edited, "HX-Request", "true").body();
        assertThat(fragment).doesNotContain("<html", "navbar");
        assertThat(Jsoup.parse(fragment).select("#preview #preview-subject").text()).contains("Got it:");

        HttpSession.Page saved = admin.post("/admin/email/templates/acknowledgement", edited);
        assertThat(admin.get(saved.location()).html().select("#flash").text()).contains("Template saved");
        String subject = "Edited ack " + UUID.randomUUID();
        OutboundMail ack = acknowledgementOf(subject);
        assertThat(ack.subject()).isEqualTo("Got it: " + subject + " [#" + ack.ticketNumber() + "]");
        assertThat(ack.text()).contains("ticket **#" + ack.ticketNumber() + "** is ours.", "{{tikcet.url}}");

        admin.get("/admin/email/templates/acknowledgement");
        admin.post("/admin/email/templates/acknowledgement/reset", Map.of());
        assertThat(templates.get(MailTemplates.ACKNOWLEDGEMENT).custom()).isFalse();
        assertThat(acknowledgementOf("After reset " + UUID.randomUUID()).subject()).contains("We received your request");
        assertThat(audit.page(null, 20)).extracting(e -> e.action()).contains("mail_template.saved", "mail_template.reset");
    }

    @Test
    void aReplyTemplateWithoutTheMessageIsRefusedAndKeepsWhatWasTyped() {
        HttpSession admin = admin();
        admin.get("/admin/email/templates/agent-reply");

        Document refused = admin.post("/admin/email/templates/agent-reply", Map.of("subject", "Re: {{ticket.subject}}",
                "body", "Thanks, {{agent.name}}")).html();

        assertThat(refused.select("#body.is-invalid")).hasSize(1);
        assertThat(refused.text()).contains("must contain {{message}}");
        assertThat(refused.select("#body").text()).isEqualTo("Thanks, {{agent.name}}");
        assertThat(templates.get(MailTemplates.AGENT_REPLY).custom()).isFalse();
        assertThat(admin.post("/admin/email/templates/agent-reply", Map.of("subject", " ", "body", "{{message}}")).html()
                .select("#subject.is-invalid")).hasSize(1);
        assertThat(admin.get("/admin/email/templates/nonsense").status()).isEqualTo(404);
    }

    private OutboundMail acknowledgementOf(String subject) {
        TestMail mail = TestMail.from("tia-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example", subject);
        long ticketId = processor.process(intake.store(Arrival.pipe(null, null), mail.bytes()).id()).orElseThrow().ticketId();
        return outbox.page(null, ticketId, null, 10).get(0);
    }

    private HttpSession admin() {
        HttpSession browser = new HttpSession(port);
        browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        return browser;
    }
}
