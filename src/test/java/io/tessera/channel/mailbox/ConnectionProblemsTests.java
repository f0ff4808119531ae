package io.tessera.channel.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The sentences admins read in the status column. */
class ConnectionProblemsTests {

    static final MailboxSettings MAILBOX = new MailboxSettings("Support", MailboxProtocol.IMAP, "imap.example.com", 993,
            MailboxSecurity.TLS, "help@example.com", "s3cret-pass", "INBOX", 60, null, "help@example.com", true,
            AfterImport.MARK_READ);

    @Test
    void namesTheServerAndWhatWentWrong() {
        assertThat(ConnectionProblems.describe(new MessagingException("x", new ConnectException("Connection refused")), MAILBOX))
                .isEqualTo("Could not connect to imap.example.com:993: Connection refused");
        assertThat(ConnectionProblems.describe(new MessagingException("x", new UnknownHostException("imap.example.com")), MAILBOX))
                .isEqualTo("Could not connect to imap.example.com:993: unknown host imap.example.com");
        assertThat(ConnectionProblems.describe(new MessagingException("x", new SocketTimeoutException("Read timed out")), MAILBOX))
                .isEqualTo("Could not connect to imap.example.com:993: no answer in time (Read timed out)");
        assertThat(ConnectionProblems.describe(new AuthenticationFailedException("[AUTHENTICATIONFAILED] Invalid credentials"), MAILBOX))
                .startsWith("Authentication failed: [AUTHENTICATIONFAILED] Invalid credentials");
    }

    @Test
    void aStoreFailureSaysTheMessageStaysOnTheServerInOneLine() {
        var refused = new DataIntegrityViolationException("insert …",
                new java.sql.SQLException("ERROR: value too long\n  Detail: Failing row contains (…)"));
        assertThat(ConnectionProblems.describe(refused, MAILBOX))
                .isEqualTo("Could not store a message (it stays on the server for the next poll): ERROR: value too long");
    }

    @Test
    void neverRepeatsThePassword() {
        assertThat(ConnectionProblems.describe(new AuthenticationFailedException("bad login help@example.com s3cret-pass"), MAILBOX))
                .doesNotContain("s3cret-pass").contains("********");
    }
}
