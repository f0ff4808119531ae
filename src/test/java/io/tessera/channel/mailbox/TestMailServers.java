package io.tessera.channel.mailbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;

import io.tessera.channel.TestMail;

/**
 * Real IMAP and POP3 servers for mailbox tests (GreenMail, in-process, on free loopback ports), with
 * accounts made per test so tests never share a mailbox.
 */
final class TestMailServers {

    static final String PASSWORD = "app-password-4711";

    private TestMailServers() {
    }

    /** IMAP and POP3 on free ports, one instance for the whole test class (accounts are unique per test). */
    static GreenMailExtension greenMail() {
        return new GreenMailExtension(new ServerSetup[] {
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_POP3)}).withPerMethodLifecycle(false);
    }

    /** A new account; its login is also its address. */
    static GreenMailUser account(GreenMailExtension greenMail) {
        String login = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.example";
        return greenMail.setUser(login, login, PASSWORD);
    }

    static MailboxSettings imap(GreenMailExtension greenMail, GreenMailUser account, AfterImport afterImport) {
        return withAddress(settings(MailboxProtocol.IMAP, greenMail.getImap().getPort(), account.getLogin(), PASSWORD,
                afterImport, true), account);
    }

    static MailboxSettings pop3(GreenMailExtension greenMail, GreenMailUser account, AfterImport afterImport) {
        return withAddress(settings(MailboxProtocol.POP3, greenMail.getPop3().getPort(), account.getLogin(), PASSWORD,
                afterImport, true), account);
    }

    static MailboxSettings settings(MailboxProtocol protocol, int port, String username, String password,
                                    AfterImport afterImport, boolean enabled) {
        return new MailboxSettings("Mailbox " + UUID.randomUUID().toString().substring(0, 6), protocol, "127.0.0.1", port,
                MailboxSecurity.NONE, username, password, "INBOX", 10, null,
                "help-" + UUID.randomUUID().toString().substring(0, 8) + "@tessera.example", enabled, afterImport);
    }

    /** The account's address is the support address customers write to, as in a real setup. */
    private static MailboxSettings withAddress(MailboxSettings settings, GreenMailUser account) {
        return new MailboxSettings(settings.name(), settings.protocol(), settings.host(), settings.port(), settings.security(),
                settings.username(), settings.password(), settings.folder(), settings.pollSeconds(), settings.team(),
                account.getEmail(), settings.enabled(), settings.afterImport());
    }

    /** The same settings, disabled: a test that wants to poll the mailbox itself. */
    static MailboxSettings disabled(MailboxSettings settings) {
        return new MailboxSettings(settings.name(), settings.protocol(), settings.host(), settings.port(), settings.security(),
                settings.username(), settings.password(), settings.folder(), settings.pollSeconds(), settings.team(),
                settings.supportAddress(), false, settings.afterImport());
    }

    static TestMail deliver(GreenMailUser account, String subject) {
        return deliver(account, subject, "Hello,\n\nplease help.\n");
    }

    static TestMail deliver(GreenMailUser account, String subject, String body) {
        TestMail mail = TestMail.from("Cora Customer <cora-" + UUID.randomUUID().toString().substring(0, 8)
                + "@customer.example>", subject).to(account.getEmail()).body(body);
        try {
            account.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail.bytes())));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return mail;
    }

    /** The messages in the account's inbox as the server holds them (flags included). */
    static List<StoredMessage> inbox(GreenMailExtension greenMail, GreenMailUser account) {
        try {
            return greenMail.getManagers().getImapHostManager().getInbox(account).getMessages();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean allSeen(GreenMailExtension greenMail, GreenMailUser account) {
        List<StoredMessage> messages = inbox(greenMail, account);
        return !messages.isEmpty() && messages.stream().allMatch(m -> m.isSet(Flags.Flag.SEEN));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
