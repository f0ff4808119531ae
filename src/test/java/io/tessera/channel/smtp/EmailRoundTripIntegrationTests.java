package io.tessera.channel.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.tessera.channel.outbox.OutboxSender;
import io.tessera.channel.outbox.SmtpServer;
import io.tessera.channel.outbox.SmtpSettings;
import io.tessera.conversation.Conversations;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.shared.Actor;
import io.tessera.testing.Agents;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketManagement;

/**
 * The whole path over real SMTP: a customer's mail client sends to Tessera's SMTP receiver, the ticket
 * appears, an agent replies, the reply leaves through the configured SMTP server (GreenMail, where the
 * customer's mailbox is), the customer answers that reply from their client, and the answer lands on the
 * same ticket.
 */
@IntegrationTest
class EmailRoundTripIntegrationTests {

    static final int RECEIVER_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension customerMailServer = new GreenMailExtension(new ServerSetup(freePort(), "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void receiver(DynamicPropertyRegistry registry) {
        registry.add("tessera.mail.smtp-receiver-port", () -> RECEIVER_PORT);
        registry.add("tessera.mail.smtp-receiver-bind", () -> "127.0.0.1");
    }

    @Autowired
    SmtpSettings smtp;
    @Autowired
    OutboxSender sender;
    @Autowired
    TicketManagement tickets;
    @Autowired
    Conversations conversations;
    @Autowired
    AgentManagement agents;
    @Autowired
    Customers customers;
    @Autowired
    io.tessera.channel.outbox.Outbox outbox;

    @AfterEach
    void noSmtpServerForOtherTests() {
        smtp.clear();
    }

    @Test
    void mailInTicketReplyOutAnswerInSameTicket() throws Exception {
        String customer = "rt-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        String subject = "Round trip " + UUID.randomUUID();
        MimeMessage first = new MimeMessage(session());
        first.setFrom(new InternetAddress(customer, "Rita Roundtrip"));
        first.setRecipients(Message.RecipientType.TO, "support@tessera.localhost");
        first.setSubject(subject);
        first.setText("My keyboard types the letter q twice.");
        Transport.send(first);

        Ticket ticket = await().atMost(Duration.ofSeconds(20)).until(() -> ticketWithSubject(subject), t -> t != null);
        assertThat(customers.find(ticket.requester()).orElseThrow().email()).isEqualTo(customer);

        Agent agent = Agents.create(agents, Role.ADMIN);
        conversations.agentWrote(ticket.id(), null, Actor.agent(agent.id()), "Please try a **new keyboard**.", false, List.of());
        smtp.save(new SmtpServer("127.0.0.1", customerMailServer.getSmtp().getPort(), SmtpServer.Security.NONE, null, null));
        sender.sendDue();

        // The acknowledgement and the reply reach the customer's mailbox.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(receivedBy(customer))
                .as("mail for %s; outbox %s", customer, outbox.page(null, ticket.id().value(), null, 10))
                .hasSize(2));
        MimeMessage reply = receivedBy(customer).stream()
                .filter(m -> subjectOf(m).startsWith("Re: ")).findFirst().orElseThrow();
        assertThat(reply.getSubject()).isEqualTo("Re: " + subject + " [#" + ticket.number() + "]");
        assertThat(reply.getHeader("Message-ID")[0]).startsWith("<tessera." + ticket.number() + ".");
        assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo(first.getMessageID());
        assertThat(reply.getHeader("References")[0]).contains(first.getMessageID());
        assertThat(reply.getContentType()).startsWith("multipart/");
        assertThat(reply.getFrom()[0].toString()).contains("support@tessera.localhost");

        // The customer answers from their mail client: "Reply" keeps the thread headers.
        MimeMessage answer = (MimeMessage) reply.reply(false);
        answer.setFrom(new InternetAddress(customer));
        answer.setText("A new keyboard fixed it. Thanks!");
        answer.saveChanges();
        try (Transport transport = session().getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(answer, new InternetAddress[] {new InternetAddress("support@tessera.localhost")});
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> conversations.messages(ticket.id()).size() == 3);
        assertThat(conversations.messages(ticket.id())).last()
                .satisfies(m -> assertThat(m.body()).contains("A new keyboard fixed it."));
    }

    @Test
    void theReceiverRefusesAddressesThatAreNotOurs() {
        MessagingException refused = org.junit.jupiter.api.Assertions.assertThrows(MessagingException.class, () -> {
            MimeMessage mail = new MimeMessage(session());
            mail.setFrom("someone@customer.example");
            mail.setRecipients(Message.RecipientType.TO, "ceo@not-us.example");
            mail.setSubject("relay?");
            mail.setText("Are you an open relay?");
            Transport.send(mail);
        });
        assertThat(refused.getMessage() + refused.getCause()).contains("550");
    }

    @Autowired
    JdbcClient jdbc;

    private Ticket ticketWithSubject(String subject) {
        return jdbc.sql("select number from ticket where subject = ?").param(subject).query(Long.class).optional()
                .flatMap(tickets::findByNumber).orElse(null);
    }

    private static List<MimeMessage> receivedBy(String address) {
        return java.util.Arrays.stream(customerMailServer.getReceivedMessages()).filter(m -> {
            try {
                return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(RECEIVER_PORT));
        return Session.getInstance(properties);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
