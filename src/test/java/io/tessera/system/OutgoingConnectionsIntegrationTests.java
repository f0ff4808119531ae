package io.tessera.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.TestPropertySource;

import com.sun.net.httpserver.HttpServer;

import io.tessera.automation.webhook.WebhookSender;
import io.tessera.channel.mailbox.MailboxManagement;
import io.tessera.channel.outbox.OutboundKind;
import io.tessera.channel.outbox.OutboundMail;
import io.tessera.channel.outbox.OutboundStatus;
import io.tessera.channel.outbox.OutgoingMail;
import io.tessera.channel.outbox.Outbox;
import io.tessera.channel.outbox.OutboxSender;
import io.tessera.channel.outbox.SmtpServer;
import io.tessera.channel.outbox.SmtpSettings;
import io.tessera.shared.Initiator;
import io.tessera.testing.ApiClient;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Server-side request forgery: with the production default (nothing internal allowed), the SMTP server,
 * mailboxes and webhooks are refused when an admin saves an internal host (loopback, private, link-local,
 * cloud metadata), and a host already saved (an older install) is refused again when connecting: the server
 * listening there sees no connection, and the outbox row, the mailbox and the delivery say why.
 */
@IntegrationTest
@TestPropertySource(properties = {"tessera.security.allow-private-hosts=", "tessera.mail.poll-timeout=3s"})
class OutgoingConnectionsIntegrationTests {

    static final String ALLOW_IT = "; allow it with TESSERA_ALLOW_PRIVATE_HOSTS";

    @LocalServerPort
    int port;
    @Autowired
    SmtpSettings smtp;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxSender outboxSender;
    @Autowired
    WebhookSender webhooks;
    @Autowired
    MailboxManagement mailboxes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ObjectMapper json;

    /** A stand-in server on 127.0.0.1 that counts who connects to it and hangs up. */
    ServerSocket server;
    final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread counter = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket ignored = server.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    // the test is over
                }
            }
        });
        counter.setDaemon(true);
        counter.start();
    }

    @AfterEach
    void close() throws IOException {
        server.close();
        smtp.clear();
    }

    @Test
    void theSmtpFormRefusesInternalHostsBesideTheFieldAndKeepsWhatWasTyped() {
        HttpSession admin = admin();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("169.254.169.254", "169.254.169.254 is a link-local address" + ALLOW_IT);
        expected.put("metadata.google.internal", "metadata.google.internal is a cloud metadata service" + ALLOW_IT);
        expected.put("10.0.0.5", "10.0.0.5 is a private address" + ALLOW_IT);
        expected.put("0.0.0.0", "0.0.0.0 is an unspecified address" + ALLOW_IT);
        expected.put("[::ffff:127.0.0.1]", "127.0.0.1 is a loopback address" + ALLOW_IT);
        expected.put("localhost", "localhost resolves to 127.0.0.1, a loopback address" + ALLOW_IT);
        expected.forEach((host, message) -> {
            admin.get("/admin/email/smtp");
            Document page = admin.post("/admin/email/smtp", Map.of("host", host, "port", "25", "security", "NONE",
                    "username", "", "password", "")).html();
            assertThat(page.select("#host.is-invalid + .invalid-feedback").text()).as(host).isEqualTo(message);
            assertThat(page.select("#host").val()).as("kept as typed").isEqualTo(host);
        });
        assertThat(smtp.current()).isEmpty();
    }

    @Test
    void theMailboxFormRefusesInternalHostsBesideTheField() {
        HttpSession admin = admin();
        admin.get("/admin/email/mailboxes/new");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", "Metadata");
        typed.put("protocol", "IMAP");
        typed.put("security", "NONE");
        typed.put("host", "169.254.169.254");
        typed.put("port", "143");
        typed.put("username", "probe");
        typed.put("password", "probe-password");
        typed.put("folder", "INBOX");
        typed.put("pollSeconds", "60");
        typed.put("teamId", "");
        typed.put("supportAddress", "probe@example.com");
        typed.put("afterImport", "MARK_READ");
        typed.put("enabled", "true");

        HttpSession.Page page = admin.post("/admin/email/mailboxes", typed);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#host.is-invalid + .invalid-feedback").text())
                .isEqualTo("169.254.169.254 is a link-local address" + ALLOW_IT);
        assertThat(page.html().select("#host").val()).isEqualTo("169.254.169.254");
        admin.get("/admin/email/mailboxes/new");
        typed.put("host", "127.0.0.1");
        typed.put("port", String.valueOf(server.getLocalPort()));
        Document tested = admin.post("/admin/email/mailboxes/test", typed).html();
        assertThat(tested.select("#host.is-invalid + .invalid-feedback").text()).as("Test connection does not connect either")
                .isEqualTo("127.0.0.1 is a loopback address" + ALLOW_IT);
        assertThat(jdbc.sql("select count(*) from mailbox").query(Long.class).single()).isZero();
        assertThat(connections).hasValue(0);
    }

    @Test
    void theApiRefusesAnInternalWebhookWithAProblemNamingTheAction() {
        ApiClient api = new ApiClient(port);
        String auth = ApiClient.basic(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[::ffff:a9fe:a9fe]/",
                "https://metadata.google.internal/computeMetadata/v1/", "http://localhost:8080/actuator")) {
            HttpResponse<String> refused = api.postJson("/api/v1/admin/triggers", """
                    {"name":"Probe","events":["created"],
                     "actions":[{"type":"add_tags","values":["x"]},{"type":"call_webhook","values":["%s"]}]}""".formatted(url),
                    auth);

            assertThat(refused.statusCode()).as(url).isEqualTo(400);
            JsonNode error = json.readTree(refused.body()).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("actions[1]");
            assertThat(error.get("message").asString()).endsWith(ALLOW_IT);
        }
        HttpResponse<String> automation = api.postJson("/api/v1/admin/automations", """
                {"name":"Probe","conditions":{"all":[{"field":"status","operator":"is","values":["open"]}]},
                 "actions":[{"type":"call_webhook","values":["http://10.1.2.3/hook"]}]}""", auth);
        assertThat(automation.statusCode()).isEqualTo(400);
        assertThat(automation.body()).contains("actions[0]", "10.1.2.3 is a private address" + ALLOW_IT);
    }

    @Test
    void theRuleBuilderRefusesAnInternalWebhookAtItsActionAndKeepsWhatWasTyped() {
        HttpSession admin = admin();
        admin.get("/admin/rules/triggers/new");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", "Probe");
        typed.put("enabled", "true");
        typed.put("events", "created");
        typed.put("actions[0].type", "call_webhook");
        typed.put("actions[0].target", "http://169.254.169.254/latest/meta-data/iam/");
        typed.put("actions[0].subject", "");
        typed.put("actions[0].body", "");

        HttpSession.Page page = admin.post("/admin/rules/triggers", typed);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#rule-error").text())
                .isEqualTo("actions[0]: 169.254.169.254 is a link-local address" + ALLOW_IT);
        assertThat(page.html().select("input[name=actions[0].target]").val())
                .isEqualTo("http://169.254.169.254/latest/meta-data/iam/");
    }

    @Test
    void theOutboxDoesNotConnectToAnInternalSmtpServerSavedBeforeAndSaysWhy() throws InterruptedException {
        smtp.save(new SmtpServer("127.0.0.1", server.getLocalPort(), SmtpServer.Security.NONE, null, null));
        long id = outbox.queue(new OutgoingMail(OutboundKind.REPLY, null, null, "support@tessera.localhost",
                List.of("someone@example.com"), List.of(), "Hello", UUID.randomUUID() + "@tessera.localhost", null, List.of(),
                "Hello", null));

        outboxSender.sendDue();

        OutboundMail mail = afterTheSender(id);
        assertThat(connections).hasValue(0);
        assertThat(mail.status()).isEqualTo(OutboundStatus.RETRYING);
        assertThat(mail.lastError()).isEqualTo("refused: 127.0.0.1 is a loopback address" + ALLOW_IT);
        assertThat(mail.nextAttemptAt()).as("no hot loop: the usual backoff").isAfter(clock.instant().plusSeconds(59));
        assertThat(admin().get("/admin/email/outbox/" + id).html().select("#mail-error").text())
                .contains("refused: 127.0.0.1 is a loopback address" + ALLOW_IT);
    }

    @Test
    void theMailboxPollerDoesNotConnectToAnInternalServerSavedBeforeAndSaysWhy() {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into mailbox (name, protocol, host, port, security, username, password, folder, poll_seconds, "
                        + "support_address, enabled, after_import, created_at, next_poll_at) "
                        + "values ('Old', 'IMAP', '127.0.0.1', ?, 'NONE', 'u', 'p', 'INBOX', 3600, 'old@example.com', true, "
                        + "'MARK_READ', ?, ?)")
                // Not due for the scheduler (which would race this test's "Poll now"): only the test polls it.
                .params(server.getLocalPort(), clock.instant().atOffset(ZoneOffset.UTC),
                        clock.instant().plusSeconds(86_400).atOffset(ZoneOffset.UTC)).update(keys, "id");
        long id = keys.getKey().longValue();
        try {
            String answer = mailboxes.pollNow(id, Initiator.system());

            assertThat(answer).contains("refused: 127.0.0.1 is a loopback address" + ALLOW_IT);
            assertThat(mailboxes.find(id).orElseThrow().lastError())
                    .isEqualTo("Could not connect to 127.0.0.1:" + server.getLocalPort() + ": refused: 127.0.0.1 is a loopback address"
                            + ALLOW_IT);
            assertThat(connections).hasValue(0);
        } finally {
            mailboxes.delete(id, Initiator.system());
        }
    }

    @Test
    void aWebhookQueuedBeforeIsNotCalledAndItsDeliverySaysWhy() throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        receiver.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            // Kept to the microsecond, as the databases store it: a value they rounded up would not be due yet.
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into webhook_delivery (url, payload, status, attempts, next_attempt_at, created_at) "
                            + "values (?, '{}', 'PENDING', 0, ?, ?)")
                    .params("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", now, now)
                    .update(keys, "id");

            webhooks.sendDue();

            assertThat(calls).hasValue(0);
            Map<String, Object> delivery = jdbc.sql("select status, last_error from webhook_delivery where id = ?")
                    .param(keys.getKey().longValue()).query().singleRow();
            assertThat(delivery.get("status")).isEqualTo("PENDING");
            assertThat(delivery.get("last_error")).isEqualTo("refused: 127.0.0.1 is a loopback address" + ALLOW_IT);
        } finally {
            receiver.stop(0);
        }
    }

    /** The mail once a sender has tried it: this test's call, or the scheduled run if it claimed the mail first. */
    private OutboundMail afterTheSender(long id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            OutboundMail mail = outbox.find(id).orElseThrow();
            if (mail.status() != OutboundStatus.QUEUED) {
                return mail;
            }
            Thread.sleep(100);
        }
        return outbox.find(id).orElseThrow();
    }

    private HttpSession admin() {
        HttpSession browser = new HttpSession(port);
        browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        return browser;
    }
}
