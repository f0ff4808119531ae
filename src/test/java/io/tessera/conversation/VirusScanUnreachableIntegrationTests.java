package io.tessera.conversation;

import static io.tessera.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.ApiClient.FilePart;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import tools.jackson.databind.ObjectMapper;

/**
 * A configured clamd that cannot be reached fails closed: files are still stored and the reply is saved,
 * but each file is held — shown as not scanned yet, and not served (503) until a scan passes. Nothing
 * listens on port 9 of the loopback (discard), so every scan fails at once.
 */
@IntegrationTest
@TestPropertySource(properties = {"tessera.attachments.clamd-address=127.0.0.1:9", "tessera.attachments.clamd-timeout=2s"})
class VirusScanUnreachableIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;

    @Autowired
    Attachments attachments;

    @Autowired
    Customers customers;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ObjectMapper json;

    Ticket ticket;
    HttpSession browser;
    Agent agent;

    @BeforeEach
    void signedInOnATicket() {
        Team team = teams.create("Unscanned " + System.nanoTime(), "", Set.of(), Initiator.system());
        agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        var requester = customers.findOrCreate("held" + System.nanoTime() + "@example.test", "Hal Held");
        ticket = conversations.open(new NewTicket("Report", requester.id(), Channel.EMAIL, Priority.NORMAL, null,
                team.id(), null, Set.of(), null), "Report attached.", BodyFormat.TEXT, Actor.customer(requester.id().value()), null);
        browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);
    }

    @Test
    void aFileThatCouldNotBeScannedIsHeldShownAsSuchAndNotServed() {
        String path = "/tickets/" + ticket.number();
        Map<String, String> form = ReplyAttachmentsIntegrationTests.formOf(browser.get(path).html());
        form.put("body", "The report, as promised.");

        HttpSession.Page result = browser.postMultipart(path, form,
                List.of(new FilePart("files", "report.txt", "text/plain", "quarterly".getBytes(StandardCharsets.UTF_8))));

        assertThat(result.status()).as(result.body()).isEqualTo(302);
        Message reply = conversations.messages(ticket.id()).get(1);
        Attachment held = attachments.forMessages(List.of(reply.id())).get(0);
        assertThat(held.scan()).isEqualTo(ScanStatus.HELD);
        assertThat(held.signature()).isNull();
        Element line = browser.get(path).html().selectFirst("article[data-kind=PUBLIC_REPLY] .attachment-held");
        assertThat(line.text()).contains("report.txt", "not scanned yet");
        assertThat(browser.get(path).html().select(".attachment-file")).isEmpty();

        assertThat(browser.get(held.downloadPath()).status()).as("clamd is still down").isEqualTo(503);
        assertThat(attachments.find(held.id()).orElseThrow().scan()).isEqualTo(ScanStatus.HELD);
    }

    @Test
    void theApiSaysHeldAndAnswers503() {
        ApiClient api = new ApiClient(port);
        String token = bearer(tokens.create(agent.id(), "held", Initiator.system()).secret());

        HttpResponse<String> posted = api.postMultipart("/api/v1/tickets/" + ticket.number() + "/messages",
                Map.of("kind", "internal", "body", "Log"),
                List.of(new FilePart("file", "app.log", "text/plain", "ok".getBytes(StandardCharsets.UTF_8))), token);

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        var file = json.readTree(posted.body()).get("attachments").get(0);
        assertThat(file.get("scan").asString()).isEqualTo("held");
        assertThat(api.getBytes(file.get("url").asString(), token).statusCode()).isEqualTo(503);
    }
}
