package io.tessera.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import io.tessera.channel.outbox.OutboundKind;
import io.tessera.channel.outbox.OutboundMail;
import io.tessera.channel.outbox.OutboundStatus;
import io.tessera.channel.outbox.Outbox;
import io.tessera.channel.outbox.OutboxSender;
import io.tessera.channel.outbox.SmtpServer;
import io.tessera.channel.outbox.SmtpSettings;
import io.tessera.conversation.Conversations;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.shared.Actor;
import io.tessera.shared.TicketId;
import io.tessera.testing.Agents;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketManagement;

/**
 * The outbox screen and where its failures show: lists and filters, one mail's bodies and threading headers,
 * "Send again" for mail the sender could not deliver, and the failure next to the reply on the ticket page.
 */
@IntegrationTest
class EmailAdminOutboxIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    MailIntake intake;
    @Autowired
    InboundMailProcessor processor;
    @Autowired
    TicketManagement tickets;
    @Autowired
    Conversations conversations;
    @Autowired
    AgentManagement agents;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxSender sender;
    @Autowired
    SmtpSettings smtp;
    @Autowired
    AuditTrail audit;

    @AfterEach
    void noSmtpServerForOtherTests() {
        smtp.clear();
    }

    @Test
    void theOutboxListsQueuedMailFiltersItAndSaysWhyNothingIsSent() {
        Ticket ticket = ticketByMail("Outbox list " + UUID.randomUUID());
        OutboundMail ack = outbox.page(null, ticket.id().value(), null, 10).get(0);
        HttpSession admin = admin();

        Document all = admin.get("/admin/email/outbox").html();
        assertThat(all.select("#no-smtp").text()).contains("mail stays queued");
        assertThat(all.select("#no-smtp a").attr("href")).isEqualTo("/admin/email/smtp");
        assertThat(all.select("#outbox tr[data-id=" + ack.id() + "]").text())
                .contains("acknowledgement", ack.to().get(0), ack.subject(), "#" + ticket.number(), "queued");

        Document byTicket = admin.get("/admin/email/outbox?ticket=" + ticket.number()).html();
        assertThat(byTicket.select("#outbox tr[data-id]").eachAttr("data-id")).containsExactly(Long.toString(ack.id()));
        assertThat(admin.get("/admin/email/outbox?status=sent&ticket=" + ticket.number()).html()
                .select("#outbox tr[data-id]")).isEmpty();
        assertThat(admin.get("/admin/email/outbox?status=queued").html().select("#outbox tr[data-status]")
                .eachAttr("data-status")).containsOnly("QUEUED");
        Document unknown = admin.get("/admin/email/outbox?ticket=99999999").html();
        assertThat(unknown.select("#ticket.is-invalid")).hasSize(1);
        assertThat(unknown.select("#ticket").val()).isEqualTo("99999999");
        assertThat(unknown.text()).contains("There is no ticket #99999999.");

        Document detail = admin.get("/admin/email/outbox/" + ack.id()).html();
        assertThat(detail.select("#mail-message-id").text()).isEqualTo("<" + ack.messageId() + ">");
        assertThat(detail.select("#mail-in-reply-to").text()).isEqualTo("<" + ack.inReplyTo() + ">");
        assertThat(detail.select("#mail-text").text()).contains("#" + ticket.number());
        assertThat(detail.select("iframe#mail-html").attr("sandbox")).isEmpty();
        assertThat(detail.select("iframe#mail-html").hasAttr("sandbox")).isTrue();
        assertThat(detail.select("iframe#mail-html").attr("srcdoc")).contains("<strong>#" + ticket.number() + "</strong>");
        assertThat(detail.select("#send-again")).as("queued mail is not sent again").isEmpty();
    }

    @Test
    void mailTheServerCouldNotTakeShowsOnTheTicketAndIsSentAgain() {
        Ticket ticket = ticketByMail("Unlucky reply " + UUID.randomUUID());
        Agent agent = Agents.create(agents, Role.ADMIN);
        conversations.agentWrote(ticket.id(), null, Actor.agent(agent.id()), "We are on it.", false, List.of());
        smtp.save(new SmtpServer("127.0.0.1", closedPort(), SmtpServer.Security.NONE, null, null));
        sender.sendDue();
        smtp.clear();
        OutboundMail reply = outbox.page(null, ticket.id().value(), null, 10).stream()
                .filter(m -> m.kind() == OutboundKind.REPLY).findFirst().orElseThrow();
        assertThat(reply.status()).isEqualTo(OutboundStatus.RETRYING);
        HttpSession admin = admin();

        Document ticketPage = admin.get("/tickets/" + ticket.number()).html();
        var problem = ticketPage.select("#message-" + reply.messageRowId() + " .delivery-problem");
        // Refused connections: the first due mail is tried, the rest of its batch (perhaps this reply, behind other
        // tests' mail) waits with it, "not tried yet" — either way the reply is not out, and the ticket says why.
        assertThat(problem.text()).contains("Not delivered yet", "Connect");
        assertThat(problem.select("a").attr("href")).isEqualTo("/admin/email/outbox/" + reply.id());
        assertThat(ticketPage.select(".delivery-problem")).as("only the reply's mail").hasSize(1);

        Document retrying = admin.get("/admin/email/outbox?status=retrying&ticket=" + ticket.number()).html();
        assertThat(retrying.select("#outbox tr[data-id=" + reply.id() + "]").text()).contains("retrying", "Connect");
        Document detail = admin.get("/admin/email/outbox/" + reply.id()).html();
        assertThat(detail.select("#mail-error").text()).contains("Connect", "Next attempt");

        HttpSession.Page sent = admin.post("/admin/email/outbox/" + reply.id() + "/send-again", Map.of());
        Document after = admin.get(sent.location()).html();
        assertThat(after.select("#flash").text()).contains("queued again", "once an SMTP server is set up");
        assertThat(outbox.find(reply.id()).orElseThrow().status()).isEqualTo(OutboundStatus.QUEUED);
        assertThat(admin.get("/tickets/" + ticket.number()).html().select(".delivery-problem")).isEmpty();
        assertThat(audit.page(null, 20)).anyMatch(e -> e.action().equals("outbound_mail.sent_again") && e.subjectId() == reply.id());
    }

    private Ticket ticketByMail(String subject) {
        TestMail mail = TestMail.from("ola-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example", subject);
        Long id = processor.process(intake.store(Arrival.pipe(null, null), mail.bytes()).id()).orElseThrow().ticketId();
        return tickets.get(TicketId.of(id));
    }

    private HttpSession admin() {
        HttpSession browser = new HttpSession(port);
        browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        return browser;
    }

    /** A port nothing listens on: the connection is refused at once. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
