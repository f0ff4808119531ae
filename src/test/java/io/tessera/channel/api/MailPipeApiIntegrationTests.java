package io.tessera.channel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.tessera.channel.TestMail;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.IntegrationTest;

/** {@code POST /api/v1/mail/raw} (the MTA pipe) and the stored-mail endpoints, over real HTTP. */
@IntegrationTest
class MailPipeApiIntegrationTests {

    static final String ADMIN = ApiClient.basic(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Test
    void aPipedMessageBecomesATicketAndTheSameMessageAgainIsADuplicate() throws Exception {
        TestMail mail = TestMail.from("Pia Pipe <pia-" + UUID.randomUUID() + "@customer.example>", "Piped in");
        ApiClient api = new ApiClient(port);

        HttpResponse<String> created = api.postBytes("/api/v1/mail/raw?recipient=support@tessera.localhost",
                "message/rfc822", mail.bytes(), ADMIN);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.get("status").asText()).isEqualTo("processed");
        assertThat(body.get("messageId").asText()).isEqualTo(mail.id());
        assertThat(body.get("ticketNumber").asLong()).isPositive();
        assertThat(body.get("note").asText()).isEqualTo("New ticket.");

        HttpResponse<String> again = api.postBytes("/api/v1/mail/raw", "message/rfc822", mail.bytes(), ADMIN);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("duplicate").asBoolean()).isTrue();
        assertThat(JSON.readTree(again.body()).get("ticketNumber").asLong()).isEqualTo(body.get("ticketNumber").asLong());

        HttpResponse<String> ticket = api.get("/api/v1/tickets/" + body.get("ticketNumber").asLong(), ADMIN);
        assertThat(JSON.readTree(ticket.body()).get("subject").asText()).isEqualTo("Piped in");
    }

    @Test
    void aMessageThatFailsIsKeptDownloadableAndReprocessable() throws Exception {
        byte[] raw = ("To: support@tessera.localhost\r\nSubject: nobody sent this\r\nMessage-ID: <orphan-" + UUID.randomUUID()
                + "@x.example>\r\n\r\nWho am I?\r\n").getBytes(StandardCharsets.UTF_8);
        ApiClient api = new ApiClient(port);

        HttpResponse<String> accepted = api.postBytes("/api/v1/mail/raw", "message/rfc822", raw, ADMIN);
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(accepted.body());
        assertThat(body.get("status").asText()).isEqualTo("failed");
        assertThat(body.get("note").asText()).contains("no sender address");
        long id = body.get("id").asLong();

        JsonNode failed = JSON.readTree(api.get("/api/v1/mail/inbound?status=failed", ADMIN).body());
        assertThat(failed.get("items").valueStream().map(item -> item.get("id").asLong())).contains(id);
        HttpResponse<byte[]> original = api.getBytes("/api/v1/mail/inbound/" + id + "/raw", ADMIN);
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(raw);
        HttpResponse<String> reprocessed = api.postJson("/api/v1/mail/inbound/" + id + "/reprocess", "", ADMIN);
        assertThat(reprocessed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reprocessed.body()).get("status").asText()).isEqualTo("failed");
    }

    @Test
    void refusalsAreProblemsNamingTheField() throws Exception {
        ApiClient api = new ApiClient(port);
        Agent agent = Agents.create(agents, Role.AGENT);
        byte[] raw = TestMail.from("x-" + UUID.randomUUID() + "@customer.example", "x").bytes();

        assertThat(api.postBytes("/api/v1/mail/raw", "message/rfc822", raw, null).statusCode()).isEqualTo(401);
        assertThat(api.postBytes("/api/v1/mail/raw", "message/rfc822", raw, ApiClient.basic(agent.email(), Agents.PASSWORD))
                .statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/outbox", ApiClient.basic(agent.email(), Agents.PASSWORD)).statusCode()).isEqualTo(403);

        HttpResponse<String> empty = api.postBytes("/api/v1/mail/raw", "message/rfc822", new byte[0], ADMIN);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
        assertThat(JSON.readTree(empty.body()).at("/errors/0/field").asText()).isEqualTo("body");

        HttpResponse<String> stranger = api.postBytes("/api/v1/mail/raw?recipient=ceo@not-us.example", "message/rfc822", raw, ADMIN);
        assertThat(stranger.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(stranger.body()).at("/errors/0/field").asText()).isEqualTo("recipient");

        HttpResponse<String> badStatus = api.get("/api/v1/outbox?status=lost", ADMIN);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badStatus.body()).at("/errors/0/field").asText()).isEqualTo("status");
    }

    @Test
    void theOutboxListsTheAcknowledgementWithItsThreadingFields() throws Exception {
        String address = "olga-" + UUID.randomUUID() + "@customer.example";
        ApiClient api = new ApiClient(port);
        TestMail mail = TestMail.from(address, "Outbox please");
        long number = JSON.readTree(api.postBytes("/api/v1/mail/raw", "message/rfc822", mail.bytes(), ADMIN).body())
                .get("ticketNumber").asLong();

        JsonNode items = JSON.readTree(api.get("/api/v1/outbox?ticket=" + number, ADMIN).body()).get("items");

        assertThat(items).hasSize(1);
        JsonNode ack = items.get(0);
        assertThat(ack.get("kind").asText()).isEqualTo("acknowledgement");
        assertThat(ack.get("status").asText()).isEqualTo("queued");
        assertThat(ack.get("ticketNumber").asLong()).isEqualTo(number);
        assertThat(ack.get("to").get(0).asText()).isEqualTo(address);
        assertThat(ack.get("cc")).isEmpty();
        assertThat(ack.get("subject").asText()).contains("[#" + number + "]");
        assertThat(ack.get("messageId").asText()).startsWith("tessera." + number + ".");
        assertThat(ack.get("inReplyTo").asText()).isEqualTo(mail.id());
        assertThat(ack.get("references").get(0).asText()).isEqualTo(mail.id());
        assertThat(ack.get("text").asText()).contains("#" + number);
    }

    @Test
    void listsPageWithTheCursorOfEveryOtherList() throws Exception {
        ApiClient api = new ApiClient(port);
        for (int i = 0; i < 2; i++) {
            api.postBytes("/api/v1/mail/raw", "message/rfc822",
                    TestMail.from("page-" + UUID.randomUUID() + "@customer.example", "Page " + i).bytes(), ADMIN);
        }

        for (String list : new String[] {"/api/v1/outbox", "/api/v1/mail/inbound"}) {
            JsonNode first = JSON.readTree(api.get(list + "?limit=1", ADMIN).body());
            assertThat(first.get("items")).hasSize(1);
            String next = first.get("next").asText();
            JsonNode second = JSON.readTree(api.get(list + "?limit=1&cursor=" + next, ADMIN).body());
            assertThat(second.get("items").get(0).get("id").asLong())
                    .isLessThan(first.get("items").get(0).get("id").asLong());

            HttpResponse<String> forged = api.get(list + "?cursor=abc", ADMIN);
            assertThat(forged.statusCode()).as(list).isEqualTo(400);
            assertThat(JSON.readTree(forged.body()).at("/errors/0/field").asText()).isEqualTo("cursor");
        }
        HttpResponse<String> badStatus = api.get("/api/v1/mail/inbound?status=lost", ADMIN);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badStatus.body()).at("/errors/0/field").asText()).isEqualTo("status");
    }
}
