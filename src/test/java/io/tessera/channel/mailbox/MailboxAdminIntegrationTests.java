package io.tessera.channel.mailbox;

import static io.tessera.channel.mailbox.TestMailServers.account;
import static io.tessera.channel.mailbox.TestMailServers.deliver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;

import io.tessera.audit.AuditTrail;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.testing.Agents;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

/** Admin → Email → Mailboxes over real HTTP, against a real IMAP/POP3 server (GreenMail). */
@IntegrationTest
// Fast ticks, short timeouts, small batches and a small size limit, so the tests see every case in seconds.
@TestPropertySource(properties = {"tessera.mail.poll-tick=200ms", "tessera.mail.poll-timeout=8s", "tessera.mail.poll-batch=3",
        "tessera.mail.receiver-limit=64KB"})
class MailboxAdminIntegrationTests {

    static final String PATH = "/admin/email/mailboxes";

    @RegisterExtension
    static GreenMailExtension greenMail = TestMailServers.greenMail();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AgentManagement agents;
    @Autowired
    AuditTrail audit;

    @AfterEach
    void noMailboxesForOtherTests() {
        jdbc.sql("delete from mailbox").update();
    }

    @Test
    void anAdminAddsEditsDisablesAndDeletesAMailboxAndEveryStepIsAudited() {
        GreenMailUser account = account(greenMail);
        HttpSession admin = admin();
        assertThat(admin.get(PATH + "/new").html().select("#email-admin-nav #tab-mailboxes.active")).isNotEmpty();

        HttpSession.Page created = admin.post(PATH, form("Sales inbox", account, TestMailServers.PASSWORD));
        assertThat(created.status()).isEqualTo(302);
        long id = jdbc.sql("select id from mailbox where name = 'Sales inbox'").query(Long.class).single();
        await().atMost(Duration.ofSeconds(20)).until(() -> row(admin, id).attr("data-status").equals("OK"));
        assertThat(row(admin, id).text()).contains("IMAP 127.0.0.1:" + greenMail.getImap().getPort(), account.getLogin(), "OK");

        // The edit form never carries the password; saving with it blank keeps it.
        HttpSession.Page edit = admin.get(PATH + "/" + id);
        assertThat(edit.html().select("#password").val()).isEmpty();
        assertThat(edit.body()).doesNotContain(TestMailServers.PASSWORD);
        Map<String, String> renamed = form("Sales and billing", account, "");
        assertThat(admin.post(PATH + "/" + id, renamed).status()).isEqualTo(302);
        assertThat(jdbc.sql("select password from mailbox where id = ?").param(id).query(String.class).single())
                .isEqualTo(TestMailServers.PASSWORD);
        assertThat(admin.get(PATH).body()).contains("Sales and billing").doesNotContain(TestMailServers.PASSWORD);

        admin.post(PATH + "/" + id + "/disable", Map.of());
        assertThat(row(admin, id).attr("data-status")).isEqualTo("DISABLED");
        admin.post(PATH + "/" + id + "/enable", Map.of());
        assertThat(row(admin, id).select(".disable")).isNotEmpty();
        admin.get(PATH + "/" + id);
        admin.post(PATH + "/" + id + "/delete", Map.of());
        assertThat(admin.get(PATH).html().select("#mailbox-" + id)).isEmpty();

        assertThat(audit.page(null, 50)).filteredOn(e -> "mailbox".equals(e.subjectType()) && Long.valueOf(id).equals(e.subjectId()))
                .extracting(e -> e.action())
                .containsExactly("mailbox.deleted", "mailbox.enabled", "mailbox.disabled", "mailbox.updated", "mailbox.created");
        assertThat(audit.page(null, 50)).filteredOn(e -> "mailbox.updated".equals(e.action()) && Long.valueOf(id).equals(e.subjectId()))
                .singleElement().satisfies(e -> assertThat(e.summary())
                        .contains("name Sales inbox → Sales and billing").doesNotContain(TestMailServers.PASSWORD));
        assertThat(admin.get("/admin/audit").body()).doesNotContain(TestMailServers.PASSWORD);
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedSaysWhyAndNeverRendersThePassword() {
        HttpSession admin = admin();
        admin.get(PATH + "/new");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", "Typed name");
        typed.put("protocol", "POP3");
        typed.put("security", "STARTTLS");
        typed.put("host", "");
        typed.put("port", "99a");
        typed.put("username", "typed-user");
        typed.put("password", "typed-secret-123");
        typed.put("folder", "INBOX");
        typed.put("pollSeconds", "5");
        typed.put("teamId", "");
        typed.put("supportAddress", "not an address");
        typed.put("afterImport", "MARK_READ");
        typed.put("enabled", "true");

        HttpSession.Page page = admin.post(PATH, typed);

        assertThat(page.status()).isEqualTo(200);
        Document form = page.html();
        assertThat(form.select("#name").val()).isEqualTo("Typed name");
        assertThat(form.select("#username").val()).isEqualTo("typed-user");
        assertThat(form.select("#port").val()).isEqualTo("99a");
        assertThat(form.select("#protocol option[selected]").val()).isEqualTo("POP3");
        assertThat(form.select("#security option[selected]").val()).isEqualTo("STARTTLS");
        assertThat(form.select("#host.is-invalid, #port.is-invalid, #pollSeconds.is-invalid, #supportAddress.is-invalid")).hasSize(4);
        assertThat(form.text()).contains("The port is a number", "Poll every 10 seconds at the least", "not an email address",
                "POP3 can delete messages or keep them");
        assertThat(form.select("#password").val()).isEmpty();
        assertThat(page.body()).doesNotContain("typed-secret-123");
        assertThat(form.select("#retype-password")).isNotEmpty();
        assertThat(jdbc.sql("select count(*) from mailbox").query(Long.class).single()).isZero();
    }

    @Test
    void testConnectionReportsSuccessAndFailureWithoutImporting() {
        GreenMailUser account = account(greenMail);
        deliver(account, "Not imported by a test");
        HttpSession admin = admin();
        admin.get(PATH + "/new");

        // Settings as typed, before saving.
        Document ok = admin.post(PATH + "/test", form("Typed", account, TestMailServers.PASSWORD)).html();
        assertThat(ok.select("#check-result.alert-success").text())
                .isEqualTo("Connected to 127.0.0.1:" + greenMail.getImap().getPort() + " and signed in as " + account.getLogin()
                        + ". INBOX holds 1 message, 1 unread.");
        Document refused = admin.post(PATH + "/test", form("Typed", account, "wrong-password")).html();
        assertThat(refused.select("#check-result.alert-danger").text()).startsWith("Authentication failed: ");
        assertThat(refused.select("#name").val()).isEqualTo("Typed");

        // Saved settings, from the list; the saved mailbox is disabled so nothing polls it meanwhile.
        Map<String, String> disabled = form("Saved", account, TestMailServers.PASSWORD);
        disabled.remove("enabled");
        admin.post(PATH, disabled);
        long id = jdbc.sql("select id from mailbox where name = 'Saved'").query(Long.class).single();
        admin.get(PATH);
        HttpSession.Page tested = admin.post(PATH + "/" + id + "/test", Map.of());
        assertThat(admin.get(tested.location()).html().select("#flash").text()).contains("Saved: Connected to", "1 unread");
        // The edit form tests with the stored password when the field is blank.
        admin.get(PATH + "/" + id);
        assertThat(admin.post(PATH + "/" + id + "/test-settings", form("Saved", account, "")).html()
                .select("#check-result.alert-success")).isNotEmpty();

        jdbc.sql("update mailbox set port = ? where id = ?").params(TestMailServers.freePort(), id).update();
        admin.get(PATH);
        HttpSession.Page dead = admin.post(PATH + "/" + id + "/test", Map.of());
        assertThat(admin.get(dead.location()).html().select("#flash-error").text()).startsWith("Saved: Could not connect to 127.0.0.1:");
        assertThat(jdbc.sql("select count(*) from inbound_mail where mailbox_id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(TestMailServers.inbox(greenMail, account)).hasSize(1);
    }

    @Test
    void pollNowImportsAndSaysWhat() {
        GreenMailUser account = account(greenMail);
        HttpSession admin = admin();
        admin.get(PATH + "/new");
        Map<String, String> settings = form("Poll me", account, TestMailServers.PASSWORD);
        settings.put("pollSeconds", "3600");
        admin.post(PATH, settings);
        long id = jdbc.sql("select id from mailbox where name = 'Poll me'").query(Long.class).single();
        await().atMost(Duration.ofSeconds(20)).until(() -> row(admin, id).attr("data-status").equals("OK"));

        deliver(account, "Arrived between polls");
        admin.get(PATH);
        HttpSession.Page polled = admin.post(PATH + "/" + id + "/poll", Map.of());
        assertThat(admin.get(polled.location()).html().select("#flash").text()).isEqualTo("Polled Poll me: 1 new message.");
        assertThat(audit.page(null, 20)).anyMatch(e -> e.action().equals("mailbox.polled") && Long.valueOf(id).equals(e.subjectId()));
    }

    @Test
    void onlyAdminsSeeOrChangeMailboxes() {
        GreenMailUser account = account(greenMail);
        HttpSession admin = admin();
        admin.get(PATH + "/new");
        Map<String, String> disabled = form("Admins only", account, TestMailServers.PASSWORD);
        disabled.remove("enabled");
        admin.post(PATH, disabled);
        long id = jdbc.sql("select id from mailbox where name = 'Admins only'").query(Long.class).single();

        for (Role role : new Role[] {Role.AGENT, Role.SUPERVISOR}) {
            Agent agent = Agents.create(agents, role);
            HttpSession browser = new HttpSession(port);
            browser.signIn(agent.email(), Agents.PASSWORD, false);
            assertThat(browser.get(PATH).status()).as(role + " list").isEqualTo(403);
            assertThat(browser.get(PATH + "/" + id).status()).as(role + " edit").isEqualTo(403);
            browser.get("/");
            assertThat(browser.post(PATH + "/" + id + "/enable", Map.of()).status()).as(role + " enable").isEqualTo(403);
            assertThat(browser.post(PATH + "/" + id + "/delete", Map.of()).status()).as(role + " delete").isEqualTo(403);
        }
        assertThat(jdbc.sql("select enabled from mailbox where id = ?").param(id).query(Boolean.class).single()).isFalse();
    }

    private HttpSession admin() {
        HttpSession admin = new HttpSession(port);
        admin.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        return admin;
    }

    private static org.jsoup.nodes.Element row(HttpSession admin, long id) {
        org.jsoup.nodes.Element row = admin.get(PATH).html().selectFirst("#mailbox-" + id);
        return row == null ? new org.jsoup.nodes.Element("tr") : row;
    }

    private Map<String, String> form(String name, GreenMailUser account, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("protocol", "IMAP");
        form.put("security", "NONE");
        form.put("host", "127.0.0.1");
        form.put("port", String.valueOf(greenMail.getImap().getPort()));
        form.put("username", account.getLogin());
        form.put("password", password);
        form.put("folder", "INBOX");
        form.put("pollSeconds", "60");
        form.put("teamId", "");
        form.put("supportAddress", account.getEmail());
        form.put("afterImport", "MARK_READ");
        form.put("enabled", "true");
        return form;
    }
}
