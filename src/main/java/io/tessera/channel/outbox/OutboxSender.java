package io.tessera.channel.outbox;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.eclipse.angus.mail.util.MailConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox. Each due mail is claimed with a conditional update (so two nodes never send the
 * same mail), sent, and marked sent; a failure is retried with growing pauses ({@link #BACKOFF}) and, after
 * the last, or at once when the server refuses every recipient for good (5xx), marked failed — visible on
 * the ticket and in the admin outbox, where an admin can send it again. A sender that dies mid-send
 * leaves its claim to expire; the mail is then sent again (at-least-once: the same Message-ID lets the
 * recipient's client show a duplicate as one).
 *
 * <p>A server that cannot be reached costs one connection timeout per run, not one per mail: the rest of the
 * batch is postponed together. The settings are read again before each mail, so removing them stops the
 * sending at once.
 */
@Component
public class OutboxSender {

    /** Pauses after the 1st, 2nd, … failed attempt; after the last the mail is failed. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8));
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final SmtpSettings settings;
    private final MailTransport transport;
    private final Clock clock;

    OutboxSender(Outbox outbox, SmtpSettings settings, MailTransport transport, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.transport = transport;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tessera.mail.outbox-interval:5s}", initialDelayString = "${tessera.mail.outbox-interval:5s}")
    public void sendDue() {
        Optional<SmtpServer> server = settings.current();
        if (server.isEmpty()) {
            return; // The embedded default: mail stays queued, readable in the outbox.
        }
        // Batch after batch until the backlog is gone: a queue of thousands drains in one run, not 50 per tick.
        List<Long> due;
        do {
            due = outbox.due(BATCH);
            for (int i = 0; i < due.size(); i++) {
                // Read again before every mail: once an admin removes or changes the server, not one more mail
                // goes to the old one (a run over a long queue would otherwise keep using what it read first).
                if (!settings.current().equals(server)) {
                    log.info("SMTP settings changed while sending; the rest of the outbox waits for the next run");
                    return;
                }
                long id = due.get(i);
                Optional<String> unreachable = outbox.claim(id, LEASE) ? send(server.get(), outbox.find(id).orElseThrow())
                        : Optional.empty();
                if (unreachable.isPresent()) {
                    // The server cannot be reached: every other mail of the batch would wait out the same
                    // timeout. They back off together instead, without an attempt counted, and the next
                    // run tries the server once again.
                    Instant retryAt = clock.instant().plus(BACKOFF.get(0));
                    int waiting = outbox.postpone(due.subList(i + 1, due.size()), retryAt,
                            "Not tried: the SMTP server could not be reached (" + server.get().host() + ":" + server.get().port()
                                    + ": " + unreachable.get() + ").");
                    log.warn("SMTP server {}:{} unreachable; {} more mail postponed until {}", server.get().host(),
                            server.get().port(), waiting, retryAt);
                    return;
                }
            }
        } while (due.size() >= BATCH);
    }

    /** Sends one claimed mail; the error when the server could not be reached at all (connection refused, timed out). */
    private Optional<String> send(SmtpServer server, OutboundMail mail) {
        try {
            transport.send(server, mail);
            outbox.sent(mail.id());
            return Optional.empty();
        } catch (MessagingException | RuntimeException e) {
            boolean permanent = permanent(e);
            Instant retryAt = permanent || mail.attempts() > BACKOFF.size() - 1 ? null
                    : clock.instant().plus(BACKOFF.get(Math.max(0, mail.attempts() - 1)));
            String error = describe(e);
            outbox.failed(mail.id(), error, retryAt);
            log.warn("Outbox mail {} (ticket {}) not sent, attempt {}: {}{}", mail.id(), mail.ticketNumber(),
                    mail.attempts(), error, retryAt == null ? " — gave up" : " — retrying at " + retryAt);
            return unreachable(e) ? Optional.of(error) : Optional.empty();
        }
    }

    /** The server did not answer or could not be connected to: not this mail's fault, and no other mail would fare better. */
    private static boolean unreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof ConnectException
                    || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
                    || cause instanceof MailConnectException) {
                return true;
            }
        }
        return false;
    }

    /** A refusal that no retry changes: the server rejected the recipients with a 5xx reply. */
    private static boolean permanent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SendFailedException failed && failed.getValidSentAddresses() == null
                    && failed.getValidUnsentAddresses() == null && failed.getInvalidAddresses() != null) {
                return true;
            }
            // Angus Mail's SMTPAddressFailedException carries the reply in its message: "550 5.1.1 ...".
            if (cause instanceof jakarta.mail.internet.AddressException && cause.getMessage() != null
                    && cause.getMessage().matches("(?s)^5\\d\\d\\b.*")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
