package io.tessera.conversation;

import static io.tessera.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import io.tessera.testing.ClamdAvailability;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Virus scanning against the real clamd that .ci/run starts (127.0.0.1:3310, with the EICAR test signature):
 * an infected file uploaded through the reply form, the API or the intake call is kept but quarantined,
 * never served, and the ticket's timeline says so; a clean file passes. Skipped locally without clamd,
 * mandatory under CI=true ({@link ClamdAvailability}).
 */
@IntegrationTest
@ExtendWith(ClamdAvailability.class)
@TestPropertySource(properties = "tessera.attachments.clamd-address=" + ClamdAvailability.ADDRESS)
class VirusScanIntegrationTests {

    /**
     * The EICAR anti-virus test file, which every scanner reports and which does no harm. Joined at run time,
     * so neither this source nor its class file holds it whole for a scanner on a developer's machine to flag.
     */
    static final byte[] EICAR = String.join("", "X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-",
            "TEST-FILE!$H+H*").getBytes(StandardCharsets.US_ASCII);
    private static final String SIGNATURE = "Eicar-Test-Signature";

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
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    Agent agent;
    Ticket ticket;
    HttpSession browser;
    ApiClient api;
    String token;

    @BeforeEach
    void signedInOnATicket() {
        Team team = teams.create("Scan " + System.nanoTime(), "", Set.of(), Initiator.system());
        agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        var requester = customers.findOrCreate("scan" + System.nanoTime() + "@example.test", "Sam Scan");
        ticket = conversations.open(new NewTicket("Invoice attached", requester.id(), Channel.EMAIL, Priority.NORMAL, null,
                team.id(), null, Set.of(), null), "See the invoice.", BodyFormat.TEXT, Actor.customer(requester.id().value()), null);
        browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);
        api = new ApiClient(port);
        token = bearer(tokens.create(agent.id(), "scan", Initiator.system()).secret());
    }

    @Test
    void anInfectedReplyFileIsQuarantinedNotServedAndTheTimelineSaysSoWhileACleanOnePasses() {
        byte[] clean = "Totals for March\n".getBytes(StandardCharsets.UTF_8);
        Map<String, String> form = ReplyAttachmentsIntegrationTests.formOf(browser.get(path()).html());
        form.put("body", "Two files from the customer's other mail.");

        HttpSession.Page result = browser.postMultipart(path(), form, List.of(
                new FilePart("files", "invoice.com", "application/octet-stream", EICAR),
                new FilePart("files", "totals.txt", "text/plain", clean)));

        assertThat(result.status()).as(result.body()).isEqualTo(302);
        Message reply = conversations.messages(ticket.id()).get(1);
        List<Attachment> files = attachments.forMessages(List.of(reply.id()));
        assertThat(files).extracting(Attachment::fileName).containsExactly("invoice.com", "totals.txt");
        Attachment infected = files.get(0);
        Attachment passed = files.get(1);
        assertThat(infected.scan()).isEqualTo(ScanStatus.QUARANTINED);
        assertThat(infected.signature()).startsWith(SIGNATURE);
        assertThat(passed.scan()).isEqualTo(ScanStatus.CLEAN);

        Document page = browser.get(path()).html();
        Element article = page.selectFirst("article[data-kind=PUBLIC_REPLY]");
        Element quarantined = article.selectFirst(".attachment-quarantined");
        assertThat(quarantined.text()).contains("invoice.com", "quarantined", infected.signature());
        assertThat(quarantined.select("a")).as("no link to a quarantined file").isEmpty();
        assertThat(article.select("a[href*=invoice.com]")).isEmpty();
        assertThat(article.select(".attachment-file a").text()).isEqualTo("totals.txt");
        assertThat(page.select("#timeline .timeline-change").eachText())
                .anySatisfy(line -> assertThat(line).startsWith("Tessera quarantined invoice.com: the virus scanner found "
                        + infected.signature()));

        assertThat(browser.get(infected.downloadPath()).status()).isEqualTo(410);
        assertThat(browser.get(infected.downloadPath() + "?inline").status()).isEqualTo(410);
        HttpSession.Page download = browser.get(passed.downloadPath());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("Totals for March\n");
    }

    @Test
    void theApiShowsTheScanRefusesTheDownloadAndListsTheEvent() {
        String messages = "/api/v1/tickets/" + ticket.number() + "/messages";

        HttpResponse<String> posted = api.postMultipart(messages, Map.of("kind", "internal", "body", "Forwarded files"),
                List.of(new FilePart("file", "eicar.txt", "text/plain", EICAR),
                        new FilePart("file", "notes.txt", "text/plain", "fine".getBytes(StandardCharsets.UTF_8))), token);

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode files = json.readTree(posted.body()).get("attachments");
        assertThat(files.get(0).get("scan").asString()).isEqualTo("quarantined");
        assertThat(files.get(0).get("signature").asString()).startsWith(SIGNATURE);
        assertThat(files.get(1).get("scan").asString()).isEqualTo("clean");
        assertThat(files.get(1).get("signature").isNull()).isTrue();
        HttpResponse<String> gone = api.get(files.get(0).get("url").asString(), token);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(gone.body()).get("detail").asString()).contains("quarantined", SIGNATURE);
        assertThat(api.get("/api/v1/attachments/999999999/nothing.txt", token).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> clean = api.getBytes(files.get(1).get("url").asString(), token);
        assertThat(clean.statusCode()).isEqualTo(200);
        assertThat(new String(clean.body(), StandardCharsets.UTF_8)).isEqualTo("fine");

        JsonNode events = json.readTree(api.get("/api/v1/tickets/" + ticket.number() + "/events?limit=100", token).body())
                .get("items");
        JsonNode logged = null;
        for (JsonNode event : events) {
            if (event.get("type").asString().equals("attachment_quarantined")) {
                logged = event;
            }
        }
        assertThat(logged).as(events.toString()).isNotNull();
        assertThat(logged.get("actor").get("type").asString()).isEqualTo("system");
        assertThat(logged.get("data").get("fileName").asString()).isEqualTo("eicar.txt");
        assertThat(logged.get("data").get("signature").asString()).startsWith(SIGNATURE);
    }

    @Test
    void aFileOfAnInboundMailIsScannedWhenStoredToo() {
        long message = conversations.messages(ticket.id()).get(0).id();

        // The call the mail intake makes for each file of a mail (with the Content-ID its HTML may use).
        Attachment infected = attachments.store(ticket.id(), message, "scan.pdf", "application/pdf", "<part1@mail>",
                new ByteArrayInputStream(EICAR));
        Attachment clean = attachments.store(ticket.id(), message, "logo.txt", "text/plain", null,
                new ByteArrayInputStream("logo".getBytes(StandardCharsets.UTF_8)));

        assertThat(infected.scan()).isEqualTo(ScanStatus.QUARANTINED);
        assertThat(attachments.find(infected.id())).contains(infected);
        assertThat(clean.scan()).isEqualTo(ScanStatus.CLEAN);
        assertThat(browser.get(infected.downloadPath()).status()).isEqualTo(410);
        assertThat(browser.get(clean.downloadPath()).status()).isEqualTo(200);
        assertThat(browser.get(path()).html().select("#timeline .timeline-change").eachText())
                .anySatisfy(line -> assertThat(line).contains("quarantined scan.pdf"));
    }

    @Test
    void aHeldFileIsScannedAgainWhenSomeoneOpensItAndServedOrQuarantinedThen() {
        long message = conversations.messages(ticket.id()).get(0).id();
        Attachment fine = attachments.store(ticket.id(), message, "held.txt", "text/plain",
                new ByteArrayInputStream("held but fine".getBytes(StandardCharsets.UTF_8)));
        Attachment bad = attachments.store(ticket.id(), message, "held.com", "application/octet-stream",
                new ByteArrayInputStream(EICAR));
        // As if clamd had been down when they arrived (VirusScanUnreachableIntegrationTests stores such files).
        jdbc.sql("update attachment set scan_status = 'HELD', scan_signature = null where id in (?, ?)")
                .params(fine.id(), bad.id()).update();
        assertThat(browser.get(path()).html().select(".attachment-held").eachText())
                .anySatisfy(line -> assertThat(line).contains("held.txt", "not scanned yet"));
        assertThat(quarantineLines("held.com")).as("logged when it was first stored").hasSize(1);

        HttpSession.Page released = browser.get(fine.downloadPath());
        HttpSession.Page refused = browser.get(bad.downloadPath());

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body()).isEqualTo("held but fine");
        assertThat(attachments.find(fine.id()).orElseThrow().scan()).isEqualTo(ScanStatus.CLEAN);
        assertThat(refused.status()).isEqualTo(410);
        assertThat(attachments.find(bad.id()).orElseThrow().signature()).startsWith(SIGNATURE);
        assertThat(quarantineLines("held.com")).as("logged again by the scan that found it").hasSize(2);
        assertThat(browser.get(bad.downloadPath()).status()).isEqualTo(410);
        assertThat(quarantineLines("held.com")).as("a quarantined file is not scanned again").hasSize(2);
    }

    private List<String> quarantineLines(String fileName) {
        return browser.get(path()).html().select("#timeline .timeline-change").eachText().stream()
                .filter(line -> line.contains("quarantined " + fileName + ":")).toList();
    }

    private String path() {
        return "/tickets/" + ticket.number();
    }
}
