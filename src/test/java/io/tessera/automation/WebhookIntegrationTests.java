package io.tessera.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.sun.net.httpserver.HttpServer;

import io.tessera.automation.webhook.WebhookSender;
import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.customer.Customers;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.view.ConditionRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A trigger's webhook against a real HTTP server: queued with the ticket's change, POSTed after commit with
 * the ticket as JSON and an HMAC signature, retried with backoff when the receiver fails.
 */
@IntegrationTest
class WebhookIntegrationTests {

    record Received(Map<String, List<String>> headers, String body) {
    }

    @Autowired Triggers triggers;
    @Autowired WebhookSender sender;
    @Autowired Conversations conversations;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger answer = new AtomicInteger(204);
    Team team;
    CustomerId customer;
    final List<Long> created = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
        team = teams.create("Hooks " + UUID.randomUUID().toString().substring(0, 8), null, Set.of(), Initiator.system());
        String id = UUID.randomUUID().toString().substring(0, 8);
        customer = customers.create("Hana " + id, "h-" + id + "@example.test", null, null);
        Trigger trigger = triggers.create(new TriggerDraft("Tell the CRM " + team.name(), null, true, List.of("created"),
                List.of(new ConditionRow("team", "is", List.of(String.valueOf(team.id().value())))), List.of(),
                List.of(new ActionRow("call_webhook", List.of("http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                        "s3cret")))), Initiator.system());
        created.add(trigger.id());
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        created.forEach(id -> triggers.delete(id, Initiator.system()));
    }

    Ticket open() {
        return conversations.open(new NewTicket("Order 4711 lost", customer, Channel.WEB, Priority.HIGH, null, team.id(),
                null, Set.of(), null), "Where is it?", BodyFormat.TEXT, Actor.customer(customer.value()), null);
    }

    String status(Ticket ticket) {
        return jdbc.sql("select status from webhook_delivery where ticket_id = ?").param(ticket.id().value())
                .query(String.class).single();
    }

    @Test
    void theCallIsQueuedWithTheChangeAndPostedSignedAfterCommit() throws Exception {
        Ticket ticket = open();
        assertThat(received).as("nothing is sent inside the transaction").isEmpty();
        assertThat(status(ticket)).isEqualTo("PENDING");

        sender.sendDue();

        assertThat(received).hasSize(1);
        Received call = received.get(0);
        JsonNode body = json.readTree(call.body());
        assertThat(body.get("ticket").get("number").asLong()).isEqualTo(ticket.number());
        assertThat(body.get("ticket").get("subject").asString()).isEqualTo("Order 4711 lost");
        assertThat(body.get("ticket").get("priority").asString()).isEqualTo("high");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(call.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(call.headers().get("X-tessera-signature")).containsExactly(expected);
        assertThat(status(ticket)).isEqualTo("DELIVERED");

        sender.sendDue();
        assertThat(received).as("delivered once").hasSize(1);
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffThenGivenUp() {
        answer.set(503);
        Ticket ticket = open();

        sender.sendDue();
        assertThat(received).hasSize(1);
        assertThat(status(ticket)).isEqualTo("PENDING");
        assertThat(jdbc.sql("select last_error from webhook_delivery where ticket_id = ?").param(ticket.id().value())
                .query(String.class).single()).isEqualTo("HTTP 503");
        sender.sendDue();
        assertThat(received).as("not before the backoff").hasSize(1);

        for (int attempt = 0; attempt < 5; attempt++) {
            clock.advance(Duration.ofHours(9));
            sender.sendDue();
        }
        assertThat(received).as("first try and five retries").hasSize(6);
        assertThat(status(ticket)).isEqualTo("FAILED");
    }
}
