package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient.FilePart;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;

/** Files on the ticket page's reply form: several per reply, previews, kept across a refused submit, the limit. */
@IntegrationTest
class ReplyAttachmentsIntegrationTests {

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

    Agent agent;
    Ticket ticket;
    HttpSession browser;

    @BeforeEach
    void signedInOnATicket() {
        Team team = teams.create("Files " + System.nanoTime(), "", Set.of(), Initiator.system());
        agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        var requester = customers.findOrCreate("files" + System.nanoTime() + "@example.test", "Fay Files");
        ticket = conversations.open(new NewTicket("Broken screen", requester.id(), Channel.EMAIL, Priority.NORMAL, null,
                team.id(), null, Set.of(), null), "It flickers.", BodyFormat.TEXT, Actor.customer(requester.id().value()), null);
        browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);
    }

    @Test
    void aReplyCarriesSeveralFilesAndImagesPreviewInline() {
        Map<String, String> form = formOf(browser.get(path()).html());
        form.put("body", "See the attached photo and log.");

        HttpSession.Page result = browser.postMultipart(path(), form, List.of(
                new FilePart("files", "photo.png", "image/png", TicketApiIntegrationTests.PNG),
                new FilePart("files", "app.log", "text/plain", "boom\n".getBytes(StandardCharsets.UTF_8))));

        assertThat(result.status()).as(result.body()).isEqualTo(302);
        Message reply = conversations.messages(ticket.id()).get(1);
        assertThat(attachments.forMessages(List.of(reply.id()))).extracting(Attachment::fileName)
                .containsExactly("photo.png", "app.log");
        Document page = browser.get(path()).html();
        var article = page.selectFirst("article[data-kind=PUBLIC_REPLY]");
        assertThat(article.select(".message-attachments img").attr("src")).endsWith("/photo.png?inline");
        assertThat(article.select(".attachment-file a").text()).isEqualTo("app.log");
        assertThat(browser.get(article.select(".message-attachments img").attr("src")).status()).isEqualTo(200);
    }

    @Test
    void filesOfARefusedSubmitAreKeptForTheNextOne() {
        Map<String, String> form = formOf(browser.get(path()).html());
        form.put("body", "");

        HttpSession.Page refused = browser.postMultipart(path(), form,
                List.of(new FilePart("files", "kept.txt", "text/plain", "keep me".getBytes(StandardCharsets.UTF_8))));

        assertThat(refused.status()).isEqualTo(200);
        Document page = refused.html();
        assertThat(page.select("#body").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#kept-files").text()).contains("kept.txt");
        Map<String, String> again = formOf(page);
        again.put("body", "Now with words.");
        assertThat(browser.postMultipart(path(), again, List.of()).status()).isEqualTo(302);
        Message reply = conversations.messages(ticket.id()).get(1);
        assertThat(attachments.forMessages(List.of(reply.id()))).extracting(Attachment::fileName).containsExactly("kept.txt");
    }

    @Test
    void anUploadOverTheLimitGoesBackToTheTicketWithTheLimit() {
        Map<String, String> form = formOf(browser.get(path()).html());
        form.put("body", "Huge file");

        HttpSession.Page refused = browser.postMultipart(path(), form,
                List.of(new FilePart("files", "huge.bin", "application/octet-stream", new byte[25 * 1024 * 1024 + 1])));

        assertThat(refused.status()).as(refused.body()).isEqualTo(303);
        assertThat(refused.location()).endsWith(path());
        assertThat(browser.get(path()).html().select("#flash-error").text()).isEqualTo("Files can be at most 25 MB.");
        assertThat(conversations.messages(ticket.id())).hasSize(1);
    }

    private String path() {
        return "/tickets/" + ticket.number();
    }

    /** The form's fields as the browser would send them (files aside); also for VirusScanIntegrationTests. */
    static Map<String, String> formOf(Document page) {
        Map<String, String> form = new LinkedHashMap<>();
        page.select("#ticket-form input[name], #ticket-form select[name], #ticket-form textarea[name]").forEach(field -> {
            String name = field.attr("name");
            if (field.attr("type").equals("file")) {
                return;
            }
            if (field.tagName().equals("select")) {
                var selected = field.selectFirst("option[selected]");
                form.put(name, selected == null ? "" : selected.attr("value"));
            } else if (field.tagName().equals("textarea")) {
                form.put(name, field.text());
            } else if (field.attr("type").equals("radio")) {
                if (field.hasAttr("checked")) {
                    form.put(name, field.attr("value"));
                }
            } else {
                form.put(name, field.attr("value"));
            }
        });
        return form;
    }
}
