package io.tessera.channel.mailbox;

import static io.tessera.channel.mailbox.TestMailServers.account;
import static io.tessera.channel.mailbox.TestMailServers.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;

import io.tessera.shared.Initiator;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

/** {@code TESSERA_MAIL_POLL_ENABLED=false}: a node that must not take anybody's mail (a staging copy). */
@IntegrationTest
@TestPropertySource(properties = "tessera.mail.poll-enabled=false")
class MailboxPollingOffIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMailServers.greenMail();

    @Autowired
    MailboxManagement mailboxes;
    @Autowired
    PollScheduler scheduler;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @AfterEach
    void noMailboxesForOtherTests() {
        jdbc.sql("delete from mailbox").update();
    }

    @Test
    void noMailboxIsPolledNotEvenByHandButTestConnectionWorks() {
        GreenMailUser account = account(greenMail);
        deliver(account, "Meant for production");
        Mailbox mailbox = mailboxes.create(TestMailServers.imap(greenMail, account, AfterImport.MARK_READ), Initiator.system());

        assertThat(scheduler.isRunning()).isFalse();
        assertThat(mailboxes.pollNow(mailbox.id(), Initiator.system())).startsWith("Polling is off on this installation");
        assertThat(mailboxes.test(mailbox.id()).ok()).isTrue();
        assertThat(jdbc.sql("select count(*) from inbound_mail where mailbox_id = ?").param(mailbox.id()).query(Long.class).single())
                .isZero();
        assertThat(TestMailServers.allSeen(greenMail, account)).isFalse();

        HttpSession admin = new HttpSession(port);
        admin.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        var page = admin.get("/admin/email/mailboxes").html();
        assertThat(page.select("#polling-off").text()).contains("TESSERA_MAIL_POLL_ENABLED=false");
        assertThat(page.select("#mailbox-" + mailbox.id()).attr("data-status")).isEqualTo("NEVER_POLLED");
    }
}
