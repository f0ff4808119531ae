package io.tessera.automation.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.shared.HostPolicy;
import io.tessera.shared.RefusedHost;

/**
 * Sends queued webhook calls: every few seconds ({@code tessera.webhooks.interval}, default 10 s) it claims
 * due deliveries ({@code FOR UPDATE SKIP LOCKED}, then a lease by moving {@code next_attempt_at} on, so
 * nodes never send the same one at once), POSTs each outside any transaction with a 10 s timeout, and
 * records the outcome: a 2xx is delivered; anything else is retried after 1 min, 5 min, 30 min, 2 h and 8 h,
 * then given up (FAILED, with the last error). The secret never reaches the log. A receiver on an internal
 * address (loopback, private, link-local, cloud metadata) is refused right before each call, with the reason
 * as the delivery's error, also when the rule was saved before that was checked or its name now resolves
 * elsewhere ({@link HostPolicy}, docs/security.md).
 */
@Component
public class WebhookSender {

    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(8));
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 20;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    record Due(long id, String url, String secret, String payload, int attempts) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HostPolicy hosts;
    // No redirects: a receiver must not send the call on to an address that was never checked.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookSender(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, HostPolicy hosts) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.hosts = hosts;
    }

    @Scheduled(initialDelayString = "${tessera.webhooks.interval:10s}", fixedDelayString = "${tessera.webhooks.interval:10s}")
    void scheduled() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warn("Webhook sending failed; retrying at the next run: {}", e.toString());
        }
    }

    /** Sends every delivery that is due, batch after batch; returns how many were delivered. */
    public int sendDue() {
        int delivered = 0;
        List<Due> due;
        do {
            due = claim();
            for (Due delivery : due) {
                if (send(delivery)) {
                    delivered++;
                }
            }
        } while (due.size() == BATCH);
        return delivered;
    }

    private List<Due> claim() {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            List<Due> due = jdbc.sql("select id, url, secret, payload, attempts from webhook_delivery "
                            + "where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at "
                            + "fetch first " + BATCH + " rows only for update skip locked")
                    .param(now.atOffset(ZoneOffset.UTC))
                    .query((rs, n) -> new Due(rs.getLong("id"), rs.getString("url"), rs.getString("secret"),
                            rs.getString("payload"), rs.getInt("attempts")))
                    .list();
            due.forEach(d -> jdbc.sql("update webhook_delivery set next_attempt_at = ? where id = ?")
                    .params(now.plus(LEASE).atOffset(ZoneOffset.UTC), d.id()).update());
            return due;
        });
    }

    private boolean send(Due delivery) {
        String error;
        try {
            URI url = URI.create(delivery.url());
            hosts.checkBeforeConnecting(url.getHost());
            HttpRequest.Builder request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Tessera-Webhook")
                    .header("X-Tessera-Delivery", String.valueOf(delivery.id()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8));
            if (delivery.secret() != null) {
                request.header("X-Tessera-Signature", "sha256=" + sign(delivery.secret(), delivery.payload()));
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                jdbc.sql("update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?, "
                        + "last_error = null where id = ?").params(clock.instant().atOffset(ZoneOffset.UTC), delivery.id())
                        .update();
                return true;
            }
            error = "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (RefusedHost e) {
            error = e.getMessage(); // the reason as it is: "refused: 10.0.0.5 is a private address; allow it with …"
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        failed(delivery, error);
        return false;
    }

    private void failed(Due delivery, String error) {
        int attempts = delivery.attempts() + 1;
        boolean giveUp = attempts > BACKOFF.size();
        Instant next = clock.instant().plus(giveUp ? Duration.ZERO : BACKOFF.get(attempts - 1));
        String text = error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.sql("update webhook_delivery set status = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(giveUp ? "FAILED" : "PENDING", attempts, next.atOffset(ZoneOffset.UTC), text, delivery.id()).update();
        LOG.warn("Webhook delivery {} to {} failed (attempt {}): {}{}", delivery.id(), hostOf(delivery.url()), attempts, text,
                giveUp ? " — gave up" : " — retrying at " + next);
    }

    /** Only the host in the log: a URL may carry a token in its path or query. */
    private static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
