package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import jakarta.servlet.MultipartConfigElement;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.unit.DataSize;

import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.Initiator;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;
import io.tessera.testing.Agents;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketImport;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketQueries;
import io.tessera.ticket.TicketRef;
import io.tessera.ticket.TicketStatus;
import io.tessera.ticket.Visibility;

/**
 * Attachments end to end: content-addressed storage on disk, the size limit while streaming, linking to
 * messages, and downloads over real HTTP for agents who may and may not see the ticket. A small limit
 * (64 KB) keeps the "too large" case cheap.
 */
@IntegrationTest
@TestPropertySource(properties = "tessera.attachments.max-size=64KB")
class AttachmentIntegrationTests {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;

    @Autowired
    Attachments attachments;

    @Autowired
    AttachmentSettings settings;

    @Autowired
    Conversations conversations;

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketQueries ticketQueries;

    @Autowired
    Customers customers;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MultipartConfigElement multipart;

    @Test
    void theSameBytesTwiceAreStoredOnceOnDisk() throws IOException {
        TicketRef ticket = ticket(null, null);
        byte[] bytes = randomBytes(5000);

        Attachment first = attachments.store(ticket.id(), null, "report.pdf", "application/pdf", new ByteArrayInputStream(bytes));
        Attachment second = attachments.store(ticket.id(), null, "copy of report.pdf", "application/pdf", new ByteArrayInputStream(bytes));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.sha256()).isEqualTo(first.sha256()).hasSize(64);
        assertThat(first.size()).isEqualTo(5000);
        Path file = settings.directory().resolve(first.sha256().substring(0, 2)).resolve(first.sha256().substring(2, 4))
                .resolve(first.sha256());
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        try (Stream<Path> all = Files.walk(settings.directory())) {
            assertThat(all.filter(p -> p.getFileName().toString().equals(first.sha256()))).hasSize(1);
        }
        assertThat(jdbc.sql("select count(*) from attachment where sha256 = ?").param(first.sha256()).query(Long.class).single())
                .isEqualTo(2);
        assertThat(leftoversInTmp()).isEmpty();
        try (InputStream in = attachments.open(second)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void theSizeLimitIsEnforcedWhileStreamingWhateverWasDeclared() {
        TicketRef ticket = ticket(null, null);
        long rowsBefore = rows(ticket.id());
        EndlessStream endless = new EndlessStream();

        assertThatThrownBy(() -> attachments.store(ticket.id(), null, "huge.iso", "application/octet-stream", endless))
                .isInstanceOfSatisfying(AttachmentTooLarge.class, e -> {
                    assertThat(e.limit()).isEqualTo(DataSize.ofKilobytes(64));
                    assertThat(e.getMessage()).isEqualTo("Files can be at most 64 KB.");
                });

        assertThat(endless.read).as("bytes read").isEqualTo(64 * 1024 + 1);
        assertThat(rows(ticket.id())).isEqualTo(rowsBefore);
        assertThat(leftoversInTmp()).isEmpty();
        assertThat(attachments.maxSize()).isEqualTo(DataSize.ofKilobytes(64));
        // Uploads larger than the limit are refused by the multipart parser already.
        assertThat(multipart.getMaxFileSize()).isEqualTo(64 * 1024);
        assertThat(multipart.getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(100).toBytes());
    }

    @Test
    void aFileOfExactlyTheLimitIsAccepted() {
        Attachment stored = attachments.store(ticket(null, null).id(), null, "full.bin", null,
                new ByteArrayInputStream(randomBytes(64 * 1024)));

        assertThat(stored.size()).isEqualTo(64 * 1024);
        assertThat(stored.contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void namesAreSanitisedAndImageTypesComeFromTheBytes() {
        TicketId ticket = ticket(null, null).id();

        Attachment png = attachments.store(ticket, null, "C:\\Users\\ana\\screen\u202Egnp.exe", "application/octet-stream",
                new ByteArrayInputStream(PNG));
        Attachment fake = attachments.store(ticket, null, "", "image/png",
                new ByteArrayInputStream("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));

        assertThat(png.fileName()).isEqualTo("screengnp.exe");
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.previewableImage()).isTrue();
        assertThat(fake.fileName()).isEqualTo("attachment");
        assertThat(fake.contentType()).isEqualTo("application/octet-stream");
        assertThat(fake.previewableImage()).isFalse();
        assertThat(attachments.find(png.id())).contains(png);
    }

    @Test
    void uploadsAreAttachedToTheirMessageAndListedPerMessage() {
        TicketRef ticket = ticket(null, null);
        long first = message(ticket.id(), "first");
        long second = message(ticket.id(), "second");
        Attachment a = store(ticket.id(), second, "a.txt", "A");
        Attachment b = store(ticket.id(), null, "b.txt", "B");
        Attachment c = store(ticket.id(), null, "c.txt", "C");
        store(ticket.id(), null, "never attached.txt", "D");

        attachments.attach(c.id(), first);
        attachments.attach(b.id(), second);
        attachments.attach(b.id(), second);

        List<Attachment> listed = attachments.forMessages(List.of(first, second, 999_999L));
        assertThat(listed).extracting(Attachment::fileName).containsExactly("c.txt", "a.txt", "b.txt");
        assertThat(listed).extracting(Attachment::messageId).containsExactly(first, second, second);
        assertThat(attachments.forMessages(List.of())).isEmpty();
        assertThat(a.messageId()).isEqualTo(second);
    }

    @Test
    void anUploadCannotMoveToAnotherMessageOrTicket() {
        TicketRef ticket = ticket(null, null);
        TicketRef other = ticket(null, null);
        long message = message(ticket.id(), "mine");
        long otherMessage = message(other.id(), "theirs");
        Attachment attached = store(ticket.id(), message, "a.txt", "A");
        Attachment pending = store(ticket.id(), null, "b.txt", "B");

        assertThatThrownBy(() -> attachments.attach(pending.id(), otherMessage)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> attachments.attach(attached.id(), message(ticket.id(), "later")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> attachments.attach(999_999L, message)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store(ticket.id(), otherMessage, "c.txt", "C")).isInstanceOf(IllegalArgumentException.class);
        assertThat(attachments.find(pending.id()).orElseThrow().messageId()).isNull();
    }

    @Test
    void anAgentOfTheTicketsTeamDownloadsTheFileWithSafeHeaders() {
        TeamId team = team();
        Agent member = Agents.create(agents, Role.AGENT, Set.of(team));
        TicketRef ticket = ticket(team, null);
        byte[] bytes = randomBytes(3000);
        Attachment file = attachments.store(ticket.id(), null, "Überweisung März.pdf", "application/pdf",
                new ByteArrayInputStream(bytes));

        HttpResponse<byte[]> response = download(signedIn(member), file.downloadPath());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bytes);
        assertThat(header(response, "Content-Type")).isEqualTo("application/octet-stream");
        assertThat(header(response, "Content-Length")).isEqualTo("3000");
        assertThat(header(response, "Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''%C3%9Cberweisung%20M%C3%A4rz.pdf");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().allValues("Content-Security-Policy")).hasSize(1);
        assertThat(header(response, "Cache-Control")).isEqualTo("private");
        assertThat(header(response, "Content-Security-Policy")).startsWith("sandbox");
        assertThat(file.downloadPath()).isEqualTo("/attachments/" + file.id() + "/%C3%9Cberweisung%20M%C3%A4rz.pdf");
    }

    @Test
    void theFileNameInTheUrlIsOnlyDecoration() {
        TeamId team = team();
        Agent member = Agents.create(agents, Role.AGENT, Set.of(team));
        Attachment file = store(ticket(team, null).id(), null, "100% done; really.txt", "hello");

        HttpSession session = signedIn(member);
        assertThat(file.downloadPath()).endsWith("/100_%20done_%20really.txt");
        assertThat(download(session, file.downloadPath()).statusCode()).isEqualTo(200);
        assertThat(download(session, "/attachments/" + file.id() + "/anything-else.txt").statusCode()).isEqualTo(200);
    }

    @Test
    void anAgentWhoMayNotSeeTheTicketGetsTheSame404AsForAMissingFile() {
        TeamId team = team();
        Agent outsider = Agents.create(agents, Role.AGENT, Set.of(team()));
        Attachment file = store(ticket(team, null).id(), null, "secret.txt", "secret");

        HttpSession session = signedIn(outsider);
        HttpResponse<byte[]> hidden = download(session, file.downloadPath());
        HttpResponse<byte[]> missing = download(session, "/attachments/999999999/secret.txt");

        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(hidden.body(), StandardCharsets.UTF_8)).doesNotContain("secret.txt").doesNotContain("secret\"");
        assertThat(header(hidden, "Content-Type")).isEqualTo(header(missing, "Content-Type"));
    }

    @Test
    void theAssigneeAndSupervisorsMayDownloadToo() {
        Agent assignee = Agents.create(agents, Role.AGENT);
        Agent supervisor = Agents.create(agents, Role.SUPERVISOR);
        Attachment file = store(ticket(team(), assignee.id()).id(), null, "notes.txt", "notes");

        assertThat(download(signedIn(assignee), file.downloadPath()).statusCode()).isEqualTo(200);
        assertThat(download(signedIn(supervisor), file.downloadPath()).statusCode()).isEqualTo(200);
    }

    @Test
    void whoMayDownloadAgreesWithWhoMaySeeTheTicket() {
        TeamId team = team();
        Agent assignee = Agents.create(agents, Role.AGENT);
        TicketRef ticket = ticket(team, assignee.id());
        Attachment file = store(ticket.id(), null, "x.txt", "x");
        List<Agent> viewers = List.of(Agents.create(agents, Role.AGENT, Set.of(team)), assignee,
                Agents.create(agents, Role.AGENT, Set.of(team())), Agents.create(agents, Role.AGENT),
                Agents.create(agents, Role.SUPERVISOR), Agents.create(agents, Role.ADMIN));

        for (Agent viewer : viewers) {
            Visibility visibility = Visibility.of(agents.get(viewer.id()), false);
            assertThat(attachments.findVisibleTo(visibility, file.id()).isPresent()).as(viewer.email())
                    .isEqualTo(ticketQueries.findByNumber(visibility, ticket.number()).isPresent());
        }
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        Attachment file = store(ticket(team(), null).id(), null, "a.txt", "a");

        HttpSession.Page page = new HttpSession(port).get(file.downloadPath());

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    @Test
    void htmlIsAlwaysADownloadNeverAPage() {
        TeamId team = team();
        Agent member = Agents.create(agents, Role.AGENT, Set.of(team));
        Attachment page = store(ticket(team, null).id(), null, "invoice.html", "<html><script>alert(document.cookie)</script>",
                "text/html");
        HttpSession session = signedIn(member);

        for (String path : List.of(page.downloadPath(), page.previewPath())) {
            HttpResponse<byte[]> response = download(session, path);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(header(response, "Content-Type")).isEqualTo("application/octet-stream");
            assertThat(header(response, "Content-Disposition")).startsWith("attachment;");
            assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(page.contentType()).isEqualTo("text/html");
    }

    @Test
    void aPngMayBeShownInlineAnSvgMayNot() {
        TeamId team = team();
        Agent member = Agents.create(agents, Role.AGENT, Set.of(team));
        TicketId ticket = ticket(team, null).id();
        Attachment png = attachments.store(ticket, null, "screen.png", "image/png", new ByteArrayInputStream(PNG));
        Attachment svg = store(ticket, null, "logo.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "image/svg+xml");
        HttpSession session = signedIn(member);

        HttpResponse<byte[]> preview = download(session, png.previewPath());
        HttpResponse<byte[]> pngDownload = download(session, png.downloadPath());
        HttpResponse<byte[]> svgPreview = download(session, svg.previewPath());

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).isEqualTo(PNG);
        assertThat(header(preview, "Content-Type")).isEqualTo("image/png");
        assertThat(header(preview, "Content-Disposition")).startsWith("inline;").contains("filename*=UTF-8''screen.png");
        assertThat(header(pngDownload, "Content-Type")).isEqualTo("image/png");
        assertThat(header(pngDownload, "Content-Disposition")).startsWith("attachment;");
        assertThat(svgPreview.statusCode()).isEqualTo(200);
        assertThat(header(svgPreview, "Content-Type")).isEqualTo("application/octet-stream");
        assertThat(header(svgPreview, "Content-Disposition")).startsWith("attachment;");
        assertThat(svg.previewableImage()).isFalse();
    }

    @Test
    void anUnchangedFileIsNotSentAgain() {
        TeamId team = team();
        Agent member = Agents.create(agents, Role.AGENT, Set.of(team));
        Attachment file = store(ticket(team, null).id(), null, "a.txt", "unchanged");
        HttpSession session = signedIn(member);

        HttpResponse<byte[]> first = download(session, file.downloadPath());
        HttpResponse<byte[]> again = download(session, file.downloadPath(), "If-None-Match", header(first, "ETag"));

        assertThat(header(first, "ETag")).isEqualTo("\"" + file.sha256() + "\"");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    private TicketRef ticket(TeamId team, AgentId assignee) {
        Instant now = Instant.now();
        var requester = customers.create("Requester", "req-" + UUID.randomUUID() + "@example.test", null, null);
        return tickets.importTicket(new TicketImport("Printer on fire", requester, null, team, assignee, TicketStatus.OPEN,
                Priority.NORMAL, null, Channel.EMAIL, now, now, null, null, null), Actor.system());
    }

    private long message(TicketId ticket, String body) {
        return conversations.importMessage(ticket, MessageKind.PUBLIC_REPLY, Actor.system(), body, Channel.WEB, Instant.now());
    }

    private TeamId team() {
        return teams.create("Team " + UUID.randomUUID(), null, Set.of(), Initiator.system()).id();
    }

    private Attachment store(TicketId ticket, Long message, String name, String content) {
        return store(ticket, message, name, content, "text/plain");
    }

    private Attachment store(TicketId ticket, Long message, String name, String content, String type) {
        return attachments.store(ticket, message, name, type, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private long rows(TicketId ticket) {
        return jdbc.sql("select count(*) from attachment where ticket_id = ?").param(ticket.value()).query(Long.class).single();
    }

    private List<Path> leftoversInTmp() {
        Path tmp = settings.directory().resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpSession signedIn(Agent agent) {
        HttpSession session = new HttpSession(port);
        assertThat(session.signIn(agent.email(), Agents.PASSWORD, false).status()).isEqualTo(302);
        return session;
    }

    /** A GET with the session's cookie that keeps the body as bytes (HttpSession reads text). */
    private HttpResponse<byte[]> download(HttpSession session, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "SESSION=" + session.cookie("SESSION")).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** Never ends, and counts what was read from it: a sender that lies about its length, or none at all. */
    static final class EndlessStream extends InputStream {

        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            read += length;
            return length;
        }
    }
}
