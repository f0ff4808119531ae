package io.tessera.channel.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.tessera.testing.IntegrationTest;

/**
 * The outbox against an SMTP server that is gone or going: removing the settings stops the sending at once,
 * and a server that never answers costs one wait for the whole queue, not one per mail.
 */
@IntegrationTest
@TestPropertySource(properties = {
        // The test runs the sender itself; short waits keep a blackholed attempt to a second.
        "tessera.mail.outbox-interval=1h", "tessera.mail.smtp.connect-timeout=1s", "tessera.mail.smtp.timeout=1s"})
class OutboxUnreachableServerIntegrationTests {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxSender sender;

    @Autowired
    SmtpSettings smtp;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void anEmptyOutbox() {
        // This class has its own application context (its properties): nobody else's mail is in this outbox.
        jdbc.sql("delete from outbound_mail").update();
    }

    @AfterEach
    void noSmtpServer() {
        smtp.clear();
    }

    @Test
    void removingTheSettingsStopsTheSendingAtOnce() throws Exception {
        // The server fails each mail on its own (450): without the removal, every queued mail would be tried.
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(ScriptedSmtpServer.Behaviour.DEFERRING, smtp::clear)) {
            List<Long> mails = queue(4);
            smtp.save(new SmtpServer("127.0.0.1", server.port(), SmtpServer.Security.NONE, null, null));

            sender.sendDue(); // the first connection removes the settings, as an admin might right then
            sender.sendDue();

            assertThat(server.connections()).as("no attempt after the settings were removed").isEqualTo(1);
            assertThat(attempts(mails)).containsExactly(1, 0, 0, 0);
            assertThat(statuses(mails)).containsExactly("RETRYING", "QUEUED", "QUEUED", "QUEUED");
        }
    }

    @Test
    void aServerThatNeverAnswersCostsOneWaitForTheWholeBatch() throws Exception {
        try (ScriptedSmtpServer blackhole = new ScriptedSmtpServer(ScriptedSmtpServer.Behaviour.SILENT, () -> { })) {
            List<Long> mails = queue(3);
            smtp.save(new SmtpServer("127.0.0.1", blackhole.port(), SmtpServer.Security.NONE, null, null));

            sender.sendDue();

            assertThat(blackhole.connections()).as("one connection for the batch, not one per mail").isEqualTo(1);
            assertThat(attempts(mails)).containsExactly(1, 0, 0);
            // The others wait together, saying why, until the next try.
            List<String> errors = jdbc.sql("select last_error from outbound_mail where id in (:ids) order by id")
                    .param("ids", mails.subList(1, mails.size())).query(String.class).list();
            assertThat(errors).allSatisfy(error -> assertThat(error).contains("Not tried: the SMTP server could not be reached"));
            assertThat(statuses(mails)).containsOnly("RETRYING");

            sender.sendDue(); // not due yet: nothing is tried again at once
            assertThat(blackhole.connections()).isEqualTo(1);

            smtp.clear();
            jdbc.sql("update outbound_mail set next_attempt_at = created_at").update();
            sender.sendDue(); // due again, but no server any more: they stay queued, untried
            assertThat(blackhole.connections()).isEqualTo(1);
            assertThat(attempts(mails)).containsExactly(1, 0, 0);
        }
    }

    private List<Long> queue(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(outbox.queue(new OutgoingMail(OutboundKind.NOTIFICATION, null, null, "\"Support\" <support@tessera.localhost>",
                    List.of("someone-" + UUID.randomUUID() + "@customer.example"), List.of(), "Mail " + i,
                    UUID.randomUUID() + "@tessera.localhost", null, List.of(), "Text " + i, null)));
        }
        return ids;
    }

    private List<Integer> attempts(List<Long> ids) {
        return jdbc.sql("select attempts from outbound_mail where id in (:ids) order by id").param("ids", ids)
                .query(Integer.class).list();
    }

    private List<String> statuses(List<Long> ids) {
        return jdbc.sql("select status from outbound_mail where id in (:ids) order by id").param("ids", ids)
                .query(String.class).list();
    }
}
