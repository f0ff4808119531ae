package io.tessera.channel.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the outbox waits for the SMTP server ({@code tessera.mail.smtp.*}, docs/configuration.md). Short on
 * purpose: a server that does not answer costs one wait per sender run, not one per mail
 * ({@link OutboxSender}), but the wait still holds up whatever else that run would have sent.
 *
 * @param connectTimeout to open the connection ({@code TESSERA_SMTP_CONNECT_TIMEOUT}, default 5 s)
 * @param timeout        for each answer of the server, the greeting included ({@code TESSERA_SMTP_TIMEOUT}, default 20 s)
 */
@ConfigurationProperties("tessera.mail.smtp")
public record SmtpTimeouts(Duration connectTimeout, Duration timeout) {

    public SmtpTimeouts {
        connectTimeout = connectTimeout == null || connectTimeout.isZero() || connectTimeout.isNegative()
                ? Duration.ofSeconds(5) : connectTimeout;
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofSeconds(20) : timeout;
    }

    int connectMillis() {
        return Math.toIntExact(connectTimeout.toMillis());
    }

    int millis() {
        return Math.toIntExact(timeout.toMillis());
    }
}
