package io.tessera.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.tessera.audit.AuditTrail;
import io.tessera.channel.outbox.SmtpServer;
import io.tessera.channel.outbox.SmtpSettings;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

/** The SMTP screen against a real SMTP server (GreenMail, with a login): save, keep the secret, test mail. */
@IntegrationTest
class EmailAdminSmtpIntegrationTests {

    static final String USER = "relay-user";
    static final String PASSWORD = "s3cret-relay-pass";

    @RegisterExtension
    static GreenMailExtension relay = new GreenMailExtension(new ServerSetup(EmailAdminOutboxIntegrationTests.closedPort(),
            "127.0.0.1", "smtp")).withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));

    @LocalServerPort
    int port;
    @Autowired
    SmtpSettings smtp;
    @Autowired
    AuditTrail audit;

    @AfterEach
    void noSmtpServerForOtherTests() {
        smtp.clear();
    }

    @Test
    void savingWithABlankPasswordKeepsTheStoredOneWhichIsNeverShown() {
        HttpSession admin = admin();
        admin.get("/admin/email/smtp");
        assertThat(admin.post("/admin/email/smtp", form("127.0.0.1", relay.getSmtp().getPort(), USER, PASSWORD)).location())
                .endsWith("/admin/email/smtp");
        assertThat(smtp.current().orElseThrow().password()).isEqualTo(PASSWORD);

        HttpSession.Page page = admin.get("/admin/email/smtp");
        assertThat(page.body()).doesNotContain(PASSWORD);
        assertThat(page.html().select("#password").val()).isEmpty();
        assertThat(page.html().select("#password").attr("placeholder")).contains("Stored");
        assertThat(page.html().select("#username").val()).isEqualTo(USER);

        admin.post("/admin/email/smtp", form("127.0.0.1", relay.getSmtp().getPort(), USER, ""));
        assertThat(smtp.current().orElseThrow().password()).as("blank keeps it").isEqualTo(PASSWORD);

        Map<String, String> remove = form("127.0.0.1", relay.getSmtp().getPort(), USER, "");
        remove.put("removePassword", "true");
        admin.post("/admin/email/smtp", remove);
        assertThat(smtp.current().orElseThrow().password()).isNull();
        assertThat(admin.get("/admin/email/smtp").html().select("#removePassword")).as("nothing left to remove").isEmpty();

        assertThat(audit.page(null, 20)).filteredOn(e -> e.action().equals("smtp.saved")).extracting(e -> e.summary())
                .anyMatch(s -> s.contains("password kept")).anyMatch(s -> s.contains("password removed"))
                .noneMatch(s -> s.contains(PASSWORD));
    }

    @Test
    void aRefusedFormSaysWhyPerFieldAndKeepsWhatWasTypedButThePassword() {
        HttpSession admin = admin();
        admin.get("/admin/email/smtp");
        Map<String, String> typed = form("smtp.example.com", 587, "", "typed-secret");
        typed.put("port", "58x");

        Document page = admin.post("/admin/email/smtp", typed).html();
        assertThat(page.select("#port.is-invalid")).hasSize(1);
        assertThat(page.select("#port").val()).isEqualTo("58x");
        assertThat(page.select("#host").val()).isEqualTo("smtp.example.com");
        assertThat(page.html()).doesNotContain("typed-secret");

        typed.put("port", "587");
        Document noUser = admin.post("/admin/email/smtp", typed).html();
        assertThat(noUser.select("#username.is-invalid + .invalid-feedback").text()).contains("needs a user name");
        assertThat(admin.post("/admin/email/smtp", form("", 587, "", "")).html().select("#host.is-invalid")).hasSize(1);
        assertThat(smtp.current()).isEmpty();
    }

    @Test
    void aTestMailLogsInAndArrivesAndAWrongPortShowsTheError() throws MessagingException {
        HttpSession admin = admin();
        admin.get("/admin/email/smtp");
        Document before = admin.get("/admin/email/smtp").html();
        assertThat(before.select("#testTo").val()).as("defaults to the admin's own address").isEqualTo(IntegrationTest.ADMIN_EMAIL);
        assertThat(before.select("#send-test").hasAttr("disabled")).isTrue();
        admin.post("/admin/email/smtp", form("127.0.0.1", relay.getSmtp().getPort(), USER, PASSWORD));
        String to = "test-" + UUID.randomUUID().toString().substring(0, 8) + "@admin.example";

        admin.get("/admin/email/smtp");
        Document sent = admin.post("/admin/email/smtp/test", Map.of("testTo", to)).html();

        assertThat(sent.select("#test-result").text()).contains("The server answered", "250");
        assertThat(sent.select("#test-result.alert-success")).hasSize(1);
        MimeMessage arrived = Arrays.stream(relay.getReceivedMessages()).filter(m -> recipients(m).contains(to)).findFirst().orElseThrow();
        assertThat(arrived.getSubject()).isEqualTo("Tessera test mail");
        assertThat(sent.select("#testTo").val()).isEqualTo(to);

        admin.post("/admin/email/smtp", form("127.0.0.1", relay.getSmtp().getPort(), USER, "not-the-password"));
        admin.get("/admin/email/smtp");
        Document badLogin = admin.post("/admin/email/smtp/test", Map.of("testTo", to)).html();
        assertThat(badLogin.select("#test-result.alert-danger").text()).contains("Not sent", "535").doesNotContain("not-the-password");

        admin.post("/admin/email/smtp", form("127.0.0.1", EmailAdminOutboxIntegrationTests.closedPort(), "", ""));
        admin.get("/admin/email/smtp");
        Document wrongPort = admin.post("/admin/email/smtp/test", Map.of("testTo", to)).html();
        assertThat(wrongPort.select("#test-result.alert-danger").text()).contains("Not sent", "Couldn't connect", "Connection refused");

        Document badAddress = admin.post("/admin/email/smtp/test", Map.of("testTo", "not an address")).html();
        assertThat(badAddress.select("#testTo.is-invalid")).hasSize(1);
        assertThat(badAddress.select("#testTo").val()).isEqualTo("not an address");
        assertThat(audit.page(null, 20)).anyMatch(e -> e.action().equals("smtp.test_sent") && e.summary().contains(to));
    }

    @Test
    void removingTheSettingsLeavesMailQueued() {
        HttpSession admin = admin();
        admin.get("/admin/email/smtp");
        admin.post("/admin/email/smtp", form("127.0.0.1", relay.getSmtp().getPort(), "", ""));
        admin.get("/admin/email/smtp");

        Document after = admin.get(admin.post("/admin/email/smtp/remove", Map.of()).location()).html();

        assertThat(after.select("#flash").text()).contains("removed");
        assertThat(after.select("#smtp-none")).hasSize(1);
        assertThat(smtp.current()).isEmpty();
        assertThat(audit.page(null, 20)).anyMatch(e -> e.action().equals("smtp.removed"));
    }

    private static Map<String, String> form(String host, int port, String user, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("host", host);
        form.put("port", Integer.toString(port));
        form.put("security", SmtpServer.Security.NONE.name());
        form.put("username", user);
        form.put("password", password);
        return form;
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpSession admin() {
        HttpSession browser = new HttpSession(port);
        browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        return browser;
    }
}
