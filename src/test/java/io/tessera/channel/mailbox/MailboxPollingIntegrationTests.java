package io.tessera.channel.mailbox;

import static io.tessera.channel.mailbox.TestMailServers.account;
import static io.tessera.channel.mailbox.TestMailServers.allSeen;
import static io.tessera.channel.mailbox.TestMailServers.deliver;
import static io.tessera.channel.mailbox.TestMailServers.inbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.mail.Flags;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;

import io.tessera.channel.TestMail;
import io.tessera.channel.intake.Arrival;
import io.tessera.channel.intake.MailIntake;
import io.tessera.shared.Initiator;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;

/**
 * Mailboxes polled from real IMAP and POP3 servers (GreenMail): mail becomes tickets, is flagged or deleted
 * on the server only once stored, is never imported twice, and a broken or hanging mailbox holds up no other.
 */
@IntegrationTest
// Fast ticks, short timeouts, small batches and a small size limit, so the tests see every case in seconds.
@TestPropertySource(properties = {"tessera.mail.poll-tick=200ms", "tessera.mail.poll-timeout=8s", "tessera.mail.poll-batch=3",
        "tessera.mail.receiver-limit=64KB"})
class MailboxPollingIntegrationTests {

    static final Duration PROMPTLY = Duration.ofSeconds(20);

    @RegisterExtension
    static GreenMailExtension greenMail = TestMailServers.greenMail();

    @Autowired
    MailboxManagement mailboxes;
    @Autowired
    MailboxPoller poller;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MailIntake intake;
    @Autowired
    MutableClock clock;
    @LocalServerPort
    int port;

    @AfterEach
    void noMailboxesForOtherTests() {
        jdbc.sql("delete from mailbox").update();
    }

    @Test
    void imapMailBecomesATicketIsMarkedReadAndIsNeverImportedTwice() {
        GreenMailUser account = account(greenMail);
        TestMail mail = deliver(account, "Printer on fire (IMAP)");
        Mailbox mailbox = mailboxes.create(TestMailServers.imap(greenMail, account, AfterImport.MARK_READ), Initiator.system());

        Long ticket = await().atMost(PROMPTLY).until(() -> ticketOf(mail), Objects::nonNull);
        assertThat(subjectOf(ticket)).isEqualTo("Printer on fire (IMAP)");
        assertThat(jdbc.sql("select source, remote_uid, recipient from inbound_mail where mail_message_id = ?").param(mail.id())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single())
                .satisfies(row -> {
                    assertThat(row.get(0)).isEqualTo("IMAP");
                    assertThat(row.get(1)).matches("\\d+:\\d+");
                    assertThat(row.get(2)).isEqualTo(mailbox.settings().supportAddress());
                });
        await().atMost(PROMPTLY).until(() -> allSeen(greenMail, account));
        await().atMost(PROMPTLY).until(() -> status(mailbox) == MailboxStatus.OK);

        // Polling again finds nothing new.
        assertThat(mailboxes.pollNow(mailbox.id(), Initiator.system())).contains("0 new messages");
        // A poll that stored the message but died before flagging it: the next poll flags it without downloading it again.
        inbox(greenMail, account).forEach(m -> m.setFlag(Flags.Flag.SEEN, false));
        assertThat(mailboxes.pollNow(mailbox.id(), Initiator.system())).contains("0 new messages, 1 stored before");
        assertThat(allSeen(greenMail, account)).isTrue();
        assertThat(storedFrom(mailbox)).isEqualTo(1);
    }

    @Test
    void imapCanDeleteWhatItImported() {
        GreenMailUser account = account(greenMail);
        TestMail mail = deliver(account, "Delete me after import");
        mailboxes.create(TestMailServers.imap(greenMail, account, AfterImport.DELETE), Initiator.system());

        await().atMost(PROMPTLY).until(() -> ticketOf(mail), Objects::nonNull);
        await().atMost(PROMPTLY).until(() -> inbox(greenMail, account).isEmpty());
    }

    @Test
    void pop3MailBecomesATicketAndIsDeletedFromTheServer() {
        GreenMailUser account = account(greenMail);
        TestMail mail = deliver(account, "Scanner jammed (POP3)");
        Mailbox mailbox = mailboxes.create(TestMailServers.pop3(greenMail, account, AfterImport.DELETE), Initiator.system());

        Long ticket = await().atMost(PROMPTLY).until(() -> ticketOf(mail), Objects::nonNull);
        assertThat(subjectOf(ticket)).isEqualTo("Scanner jammed (POP3)");
        assertThat(jdbc.sql("select source from inbound_mail where mail_message_id = ?").param(mail.id()).query(String.class).single())
                .isEqualTo("POP3");
        await().atMost(PROMPTLY).until(() -> inbox(greenMail, account).isEmpty());
        assertThat(mailboxes.pollNow(mailbox.id(), Initiator.system())).contains("0 new messages");
        assertThat(storedFrom(mailbox)).isEqualTo(1);
    }

    @Test
    void aKeptPop3MessageIsNotDownloadedAgain() {
        GreenMailUser account = account(greenMail);
        TestMail first = deliver(account, "Kept one");
        TestMail second = deliver(account, "Kept two");
        Mailbox mailbox = mailboxes.create(TestMailServers.pop3(greenMail, account, AfterImport.KEEP), Initiator.system());

        await().atMost(PROMPTLY).until(() -> ticketOf(first) != null && ticketOf(second) != null);
        assertThat(mailboxes.pollNow(mailbox.id(), Initiator.system()))
                .contains("0 new messages, 2 stored before (not downloaded again)");
        assertThat(inbox(greenMail, account)).hasSize(2);
        assertThat(storedFrom(mailbox)).isEqualTo(2);
    }

    @Test
    void aKeptPop3CopyOfMailStoredBeforeIsCountedOnceAndNotDownloadedAgain() {
        GreenMailUser account = account(greenMail);
        // The same message reached us twice: through the pipe first, and as a copy in a mailbox that keeps its mail.
        TestMail mail = deliver(account, "Copied to the mailbox too");
        long stored = intake.store(Arrival.pipe(null, null), mail.bytes()).id();
        Mailbox mailbox = mailboxes.create(TestMailServers.pop3(greenMail, account, AfterImport.KEEP), Initiator.system());

        await().atMost(PROMPTLY).until(() -> duplicatesOf(stored) == 1);
        assertThat(mailboxes.pollNow(mailbox.id(), Initiator.system())).contains("0 new messages, 1 stored before");
        assertThat(mailboxes.pollNow(mailbox.id(), Initiator.system())).contains("0 new messages, 1 stored before");
        assertThat(duplicatesOf(stored)).as("counted once, not at every poll").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from inbound_mail where mail_message_id = ?").param(mail.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMessageStaysUnflaggedOnTheServerUntilItIsStored() {
        GreenMailUser account = account(greenMail);
        TestMail mail = deliver(account, "Stored first");
        Mailbox mailbox = mailboxes.create(TestMailServers.disabled(TestMailServers.imap(greenMail, account, AfterImport.MARK_READ)),
                Initiator.system());
        // The database refuses this mailbox's mail (as a full disk or a failover would).
        String refusal = "test_refuse_" + mailbox.id();
        jdbc.sql("alter table inbound_mail add constraint " + refusal + " check (mailbox_id is null or mailbox_id <> "
                + mailbox.id() + ")").update();
        try {
            mailboxes.setEnabled(mailbox.id(), true, Initiator.system());
            await().atMost(PROMPTLY).until(() -> status(mailbox) == MailboxStatus.ERROR);
            assertThat(mailboxes.find(mailbox.id()).orElseThrow().lastError()).startsWith("Could not store a message");
            assertThat(inbox(greenMail, account)).singleElement().satisfies(m -> assertThat(m.isSet(Flags.Flag.SEEN)).isFalse());
            assertThat(storedFrom(mailbox)).isZero();
        } finally {
            jdbc.sql("alter table inbound_mail drop constraint " + refusal).update();
        }
        assertThat(mailboxes.pollNow(mailbox.id(), Initiator.system())).contains("1 new message");
        await().atMost(PROMPTLY).until(() -> ticketOf(mail), Objects::nonNull);
        assertThat(allSeen(greenMail, account)).isTrue();
        assertThat(status(mailbox)).isEqualTo(MailboxStatus.OK);
    }

    @Test
    void aFullMailboxDrainsInBatchesOverSeveralPolls() {
        GreenMailUser account = account(greenMail);
        List<TestMail> mails = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            mails.add(deliver(account, "Batch " + i));
        }
        Mailbox mailbox = mailboxes.create(TestMailServers.disabled(TestMailServers.imap(greenMail, account, AfterImport.MARK_READ)),
                Initiator.system());
        // Enabled, but not due: this test polls it first itself.
        jdbc.sql("update mailbox set enabled = true, next_poll_at = ? where id = ?")
                .params(clock.instant().plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC), mailbox.id()).update();

        PollOutcome first = poller.poll(mailbox.id(), true);
        assertThat(first.result()).isEqualTo(new PollResult(3, 0, true));
        // The rest is due at once and drained by the scheduler: 3 + 3 + 1.
        await().atMost(PROMPTLY).until(() -> storedFrom(mailbox) == 7);
        await().atMost(PROMPTLY).until(() -> allSeen(greenMail, account));
        await().atMost(PROMPTLY).until(() -> mails.stream().allMatch(m -> ticketOf(m) != null));
    }

    @Test
    void mailLargerThanTheLimitIsLeftOnTheServerAndShownAsTheProblem() {
        GreenMailUser account = account(greenMail);
        TestMail huge = TestMailServers.deliver(account, "Huge", "x".repeat(100 * 1024));
        TestMail small = deliver(account, "Small");
        Mailbox mailbox = mailboxes.create(TestMailServers.pop3(greenMail, account, AfterImport.DELETE), Initiator.system());

        await().atMost(PROMPTLY).until(() -> ticketOf(small), Objects::nonNull);
        await().atMost(PROMPTLY).until(() -> status(mailbox) == MailboxStatus.ERROR);
        assertThat(mailboxes.find(mailbox.id()).orElseThrow().lastError())
                .isEqualTo("1 message is larger than TESSERA_MAIL_RECEIVER_LIMIT and left on the server, not imported");
        assertThat(ticketOf(huge)).isNull();
        assertThat(inbox(greenMail, account)).hasSize(1);
    }

    @Test
    void aMailboxAnotherNodeIsPollingIsLeftAlone() {
        GreenMailUser account = account(greenMail);
        deliver(account, "Claimed elsewhere");
        Mailbox mailbox = mailboxes.create(TestMailServers.disabled(TestMailServers.imap(greenMail, account, AfterImport.MARK_READ)),
                Initiator.system());
        jdbc.sql("update mailbox set enabled = true, poll_claimed_until = ? where id = ?")
                .params(clock.instant().plus(Duration.ofMinutes(5)).atOffset(ZoneOffset.UTC), mailbox.id()).update();

        assertThat(poller.poll(mailbox.id(), true).ran()).isFalse();
        assertThat(mailboxes.pollNow(mailbox.id(), Initiator.system())).contains("being polled right now");
        assertThat(storedFrom(mailbox)).isZero();

        clock.advance(Duration.ofMinutes(6)); // the other node died: its claim runs out
        await().atMost(PROMPTLY).until(() -> storedFrom(mailbox) == 1);
    }

    @Test
    void brokenAndHangingMailboxesDoNotDelayAHealthyOne() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            GreenMailUser victim = account(greenMail);
            Mailbox hanging = mailboxes.create(TestMailServers.settings(MailboxProtocol.IMAP, silent.port(), "someone",
                    "whatever-1", AfterImport.MARK_READ, true), Initiator.system());
            Mailbox wrongPassword = mailboxes.create(TestMailServers.settings(MailboxProtocol.IMAP, greenMail.getImap().getPort(),
                    victim.getLogin(), "not-the-password", AfterImport.MARK_READ, true), Initiator.system());
            int deadPort = TestMailServers.freePort();
            Mailbox deadServer = mailboxes.create(TestMailServers.settings(MailboxProtocol.POP3, deadPort, "someone",
                    "whatever-2", AfterImport.DELETE, true), Initiator.system());
            await().atMost(PROMPTLY).until(() -> silent.accepted() >= 1);

            // The hanging mailbox's poll now waits for a greeting; the healthy mailbox is added and polled meanwhile.
            GreenMailUser account = account(greenMail);
            TestMail mail = deliver(account, "Healthy mailbox, prompt ticket");
            mailboxes.create(TestMailServers.imap(greenMail, account, AfterImport.MARK_READ), Initiator.system());
            await().atMost(Duration.ofSeconds(6)).until(() -> ticketOf(mail), Objects::nonNull);
            Mailbox stillHanging = mailboxes.find(hanging.id()).orElseThrow();
            assertThat(stillHanging.polling()).as("the hanging poll is still waiting").isTrue();
            assertThat(stillHanging.lastPolledAt()).isNull();

            await().atMost(PROMPTLY).until(() -> status(hanging) == MailboxStatus.ERROR);
            assertThat(mailboxes.find(hanging.id()).orElseThrow().lastError())
                    .isEqualTo("Could not connect to 127.0.0.1:" + silent.port() + ": no answer in time (Read timed out)");
            assertThat(mailboxes.find(wrongPassword.id()).orElseThrow().lastError()).startsWith("Authentication failed: ")
                    .doesNotContain("not-the-password");
            assertThat(mailboxes.find(deadServer.id()).orElseThrow().lastError())
                    .startsWith("Could not connect to 127.0.0.1:" + deadPort + ": ");

            // The admin screen shows each status and error.
            HttpSession admin = new HttpSession(port);
            admin.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
            var page = admin.get("/admin/email/mailboxes").html();
            assertThat(page.select("#mailbox-" + wrongPassword.id()).attr("data-status")).isEqualTo("ERROR");
            assertThat(page.select("#mailbox-" + wrongPassword.id() + " .last-error").text()).startsWith("Authentication failed");
            assertThat(page.select("#mailbox-" + deadServer.id() + " .last-error").text()).startsWith("Could not connect to");
            assertThat(page.select("#mailbox-" + hanging.id() + " .last-error").text()).contains("no answer in time");
        }
    }

    @Test
    void aDisabledMailboxIsNotPolled() {
        GreenMailUser quiet = account(greenMail);
        TestMail ignored = deliver(quiet, "Nobody reads this");
        Mailbox disabled = mailboxes.create(TestMailServers.disabled(TestMailServers.imap(greenMail, quiet, AfterImport.MARK_READ)),
                Initiator.system());
        GreenMailUser busy = account(greenMail);
        TestMail read = deliver(busy, "Somebody reads this");
        mailboxes.create(TestMailServers.imap(greenMail, busy, AfterImport.MARK_READ), Initiator.system());

        // Due mailboxes are started in id order: by the time the later one has imported, the disabled one had its chance.
        await().atMost(PROMPTLY).until(() -> ticketOf(read), Objects::nonNull);
        assertThat(ticketOf(ignored)).isNull();
        assertThat(status(disabled)).isEqualTo(MailboxStatus.DISABLED);
        assertThat(mailboxes.find(disabled.id()).orElseThrow().lastPolledAt()).isNull();
        assertThat(inbox(greenMail, quiet)).singleElement().satisfies(m -> assertThat(m.isSet(Flags.Flag.SEEN)).isFalse());
    }

    private Long ticketOf(TestMail mail) {
        return jdbc.sql("select t.number from inbound_mail i join ticket t on t.id = i.ticket_id where i.mail_message_id = ?")
                .param(mail.id()).query(Long.class).optional().orElse(null);
    }

    private String subjectOf(long ticketNumber) {
        return jdbc.sql("select subject from ticket where number = ?").param(ticketNumber).query(String.class).single();
    }

    private long storedFrom(Mailbox mailbox) {
        return jdbc.sql("select count(*) from inbound_mail where mailbox_id = ?").param(mailbox.id()).query(Long.class).single();
    }

    private long duplicatesOf(long inboundMail) {
        return jdbc.sql("select duplicates from inbound_mail where id = ?").param(inboundMail).query(Long.class).single();
    }

    private MailboxStatus status(Mailbox mailbox) {
        return mailboxes.find(mailbox.id()).orElseThrow().status();
    }
}
