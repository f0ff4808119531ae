package io.tessera.automation.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.TicketId;
import io.tessera.ticket.TicketQueries;
import io.tessera.ticket.TicketSummary;
import tools.jackson.databind.ObjectMapper;

/**
 * Queues a rule's webhook call in the rule's own transaction: the call is made if and only if the rule's
 * work commits, and never while the transaction (and the ticket row) is held — a slow or dead receiver
 * cannot stall an agent's save. The payload is the ticket as the rule saw it.
 */
@Component
public class WebhookQueue {

    private final JdbcClient jdbc;
    private final TicketQueries queries;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookQueue(JdbcClient jdbc, TicketQueries queries, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(long ruleId, TicketId ticket, String url, String secret) {
        // Kept to the microsecond, as the databases store it: a value they rounded up would not be due "now".
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        jdbc.sql("insert into webhook_delivery (rule_id, ticket_id, url, secret, payload, status, attempts, next_attempt_at, "
                        + "created_at) values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
                .params(ruleId, ticket.value(), url, secret, json.writeValueAsString(payload(ruleId, ticket, now)),
                        now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))
                .update();
    }

    private Map<String, Object> payload(long ruleId, TicketId id, Instant now) {
        TicketSummary t = queries.afterOwnChange(id);
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("number", t.number());
        ticket.put("subject", t.subject());
        ticket.put("status", t.status().key());
        ticket.put("statusName", t.statusName());
        ticket.put("priority", t.priority().key());
        ticket.put("type", t.type());
        ticket.put("channel", t.channel().key());
        ticket.put("requester", Map.of("name", t.requesterName(), "email", t.requesterEmail()));
        ticket.put("team", t.teamName());
        ticket.put("assignee", t.assigneeName());
        ticket.put("createdAt", t.createdAt().toString());
        ticket.put("updatedAt", t.updatedAt().toString());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ruleId", ruleId);
        payload.put("sentFor", now.toString());
        payload.put("ticket", ticket);
        return payload;
    }
}
