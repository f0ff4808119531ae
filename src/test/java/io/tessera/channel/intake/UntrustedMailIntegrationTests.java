package io.tessera.channel.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.tessera.channel.TestMail;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

/**
 * Mail whose headers anybody can write, over real SMTP into the built-in receiver: a Message-ID that another
 * mail used before must neither make a different mail vanish nor draw replies to the wrong ticket, the same
 * message delivered twice is still one ticket (and counted), and a display name is not repeated to its owner
 * in our greeting when it is markup or a link.
 */
@IntegrationTest
class UntrustedMailIntegrationTests {

    static final int RECEIVER_PORT = freePort();
    static final String SUPPORT = "support@tessera.localhost";

    @DynamicPropertySource
    static void receiver(DynamicPropertyRegistry registry) {
        registry.add("tessera.mail.smtp-receiver-port", () -> RECEIVER_PORT);
        registry.add("tessera.mail.smtp-receiver-bind", () -> "127.0.0.1");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final SmtpRelay relay = new SmtpRelay(RECEIVER_PORT);

    // --- reused Message-IDs ---------------------------------------------------------------------------------

    @Test
    void aDifferentMailUnderAKnownMessageIdIsKeptAsItsOwnTicketAndFlagged() {
        String id = unique() + "@mail.example";
        String jane = "jane-" + unique() + "@customer.example";
        String mallory = "mallory-" + unique() + "@elsewhere.example";
        send(jane, TestMail.from("Jane <" + jane + ">", "Printer jams " + id).messageId(id).body("It jams on every page."));
        Row first = await().atMost(Duration.ofSeconds(20)).until(() -> processed(id), rows -> rows.size() == 1).get(0);

        send(mallory, TestMail.from("Mallory <" + mallory + ">", "Invoice overdue " + id).messageId(id)
                .body("Please pay the attached invoice."));

        List<Row> rows = await().atMost(Duration.ofSeconds(20)).until(() -> processed(id), r -> r.size() == 2);
        Row second = rows.get(1);
        assertThat(second.ticket()).as("a ticket of its own").isNotNull().isNotEqualTo(first.ticket());
        assertThat(subjectOf(second.ticket())).startsWith("Invoice overdue");
        assertThat(second.reuses()).as("flagged against the first mail with the id").isEqualTo(first.id());
        assertThat(first.reuses()).isNull();

        HttpSession admin = admin();
        Document list = admin.get("/admin/email/inbound").html();
        assertThat(list.select("tr[data-id=" + second.id() + "] .reused-id").text()).isEqualTo("reused Message-ID");
        assertThat(list.select("tr[data-id=" + first.id() + "] .reused-id")).isEmpty();
        assertThat(admin.get("/admin/email/inbound/" + second.id()).html().select("#mail-reused").text())
                .contains("came first with this Message-ID");

        // Replies to the shared id go to the ticket their sender takes part in, whichever mail came last.
        String janeReply = unique() + "@mail.example";
        send(jane, TestMail.from("Jane <" + jane + ">", "Re: Printer jams").messageId(janeReply).inReplyTo(id)
                .body("Still jamming."));
        String malloryReply = unique() + "@mail.example";
        send(mallory, TestMail.from("Mallory <" + mallory + ">", "Re: Invoice").messageId(malloryReply).inReplyTo(id)
                .body("Pay now."));
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> processed(janeReply), r -> r.size() == 1).get(0).ticket())
                .isEqualTo(first.ticket());
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> processed(malloryReply), r -> r.size() == 1).get(0).ticket())
                .isEqualTo(second.ticket());
    }

    @Test
    void theSameMailDeliveredAgainIsOneTicketAndCountedAsReceivedAgain() {
        String id = unique() + "@mail.example";
        String sam = "sam-" + unique() + "@customer.example";
        TestMail mail = TestMail.from("Sam <" + sam + ">", "Login fails " + id).messageId(id).body("The login page says 500.");
        assertThat(relay.send(sam, SUPPORT, withTrace(mail.bytes(), "mx1.example"))).isTrue();
        Row stored = await().atMost(Duration.ofSeconds(20)).until(() -> processed(id), rows -> rows.size() == 1).get(0);

        // A relay that lost our "250" sends it again: its own Received line differs, the message does not.
        assertThat(relay.send(sam, SUPPORT, withTrace(mail.bytes(), "mx2.example"))).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> duplicatesOf(stored.id()) == 1);
        assertThat(processed(id)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from message where ticket_id = ?").param(stored.ticket()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(admin().get("/admin/email/inbound").html().select("tr[data-id=" + stored.id() + "] .duplicates").text())
                .isEqualTo("received again");
    }

    // --- greetings ------------------------------------------------------------------------------------------

    @Test
    void aHostileDisplayNameIsNotRepeatedInTheAcknowledgement() {
        String address = "img-" + unique() + "@customer.example";
        send(address, TestMail.from("\"<img src=x onerror=alert(1)>\" <" + address + ">", "Hi " + unique()));

        Map<String, String> ack = await().atMost(Duration.ofSeconds(20)).until(() -> acknowledgement(address), a -> a != null);
        assertThat(ack.get("text")).startsWith("Hello,\n").doesNotContain("<img", "img src", "onerror");
        assertThat(ack.get("html")).contains("<p>Hello,</p>").doesNotContain("img", "onerror");
    }

    @Test
    void aRealNameInAnyScriptIsGreetedEvenWhenEncoded() {
        String address = "lukasz-" + unique() + "@customer.example";
        // "Łukasz Nowak" as a mail client writes it (RFC 2047), decoded by the parser.
        send(address, TestMail.from("=?UTF-8?B?xYF1a2FzeiBOb3dhaw==?= <" + address + ">", "Dzień dobry " + unique()));

        Map<String, String> ack = await().atMost(Duration.ofSeconds(20)).until(() -> acknowledgement(address), a -> a != null);
        assertThat(ack.get("text")).startsWith("Hello Łukasz,\n");
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private record Row(long id, String status, Long ticket, Long reuses) {
    }

    private void send(String from, TestMail mail) {
        assertThat(relay.send(from, SUPPORT, mail.bytes())).as("accepted with 250").isTrue();
    }

    /** Stored mail with this Message-ID once none waits any more, oldest first. */
    private List<Row> processed(String messageId) {
        List<Row> rows = jdbc.sql("select * from inbound_mail where mail_message_id = ? order by id").param(messageId)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("status"), rs.getObject("ticket_id", Long.class),
                        hasColumn(rs, "reuses_message_id_of") ? rs.getObject("reuses_message_id_of", Long.class) : null))
                .list();
        return rows.stream().allMatch(row -> row.status().equals("PROCESSED")) ? rows : List.of();
    }

    private static boolean hasColumn(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            if (rs.getMetaData().getColumnLabel(i).equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    private long duplicatesOf(long id) {
        return jdbc.sql("select duplicates from inbound_mail where id = ?").param(id).query(Long.class).single();
    }

    private String subjectOf(long ticketId) {
        return jdbc.sql("select subject from ticket where id = ?").param(ticketId).query(String.class).single();
    }

    private Map<String, String> acknowledgement(String address) {
        return jdbc.sql("select text_body, html_body from outbound_mail where to_addresses = ? and kind = 'ACKNOWLEDGEMENT'")
                .param(address)
                .query((rs, n) -> Map.of("text", rs.getString("text_body"), "html", rs.getString("html_body")))
                .optional().orElse(null);
    }

    private static byte[] withTrace(byte[] raw, String relayHost) {
        return ("Received: from customer.example by " + relayHost + " with ESMTP id " + unique() + ";\r\n"
                + "\tWed, 25 Nov 2026 09:00:0" + relayHost.length() % 10 + " +0000\r\n"
                + "Delivered-To: " + SUPPORT + "\r\n" + new String(raw, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpSession admin() {
        HttpSession browser = new HttpSession(port);
        browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        return browser;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 12);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
