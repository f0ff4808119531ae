package io.tessera.channel.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.mail.Store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Polls one mailbox once: claims it (so no other node polls it meanwhile), connects, fetches a batch
 * ({@link ImapFetch}, {@link Pop3Fetch}), and records the result — success, or the error in words — and when
 * it is due next: after its interval, or at once when messages are left over.
 */
@Component
class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    /** Longer than any poll takes: the fetch stops at half of it. A node that dies mid-poll frees the mailbox after it. */
    static final Duration CLAIM = Duration.ofMinutes(10);

    private final Mailboxes mailboxes;
    private final MailServerConnector connector;
    private final ImapFetch imap;
    private final Pop3Fetch pop3;
    private final Clock clock;

    MailboxPoller(Mailboxes mailboxes, MailServerConnector connector, ImapFetch imap, Pop3Fetch pop3, Clock clock) {
        this.mailboxes = mailboxes;
        this.connector = connector;
        this.imap = imap;
        this.pop3 = pop3;
        this.clock = clock;
    }

    /** Polls the mailbox when it is enabled, not held by another poll and due (or {@code evenIfNotDue}). */
    PollOutcome poll(long id, boolean evenIfNotDue) {
        Optional<Mailbox> claimed = mailboxes.claim(id, CLAIM, evenIfNotDue);
        if (claimed.isEmpty()) {
            return PollOutcome.notClaimed();
        }
        Mailbox mailbox = claimed.get();
        MailboxSettings settings = mailbox.settings();
        Store store = null;
        try {
            store = connector.connect(settings);
            PollBudget budget = PollBudget.of(CLAIM.dividedBy(2));
            PollResult result = settings.protocol() == MailboxProtocol.IMAP
                    ? imap.fetch(mailbox, store, budget) : pop3.fetch(mailbox, store, budget);
            // Mail too large to import is the one problem a working poll reports: the status shows it until it is gone.
            mailboxes.finished(id, result.problem(), nextPoll(settings, result.more()));
            if (result.imported() > 0) {
                log.info("Mailbox {} ({}): {}", mailbox.name(), mailbox.server(), result.summary());
            }
            return PollOutcome.succeeded(result);
        } catch (Exception problem) {
            // Whatever was imported before the problem is stored; the rest waits on the server for the next poll.
            String error = ConnectionProblems.describe(problem, settings);
            log.warn("Mailbox {} ({}, user {}) could not be polled: {}", mailbox.name(), mailbox.server(),
                    settings.username(), error);
            mailboxes.finished(id, error, nextPoll(settings, false));
            return PollOutcome.failed(error);
        } finally {
            closeQuietly(store);
        }
    }

    /** A failing logout changes nothing: everything imported is stored and flagged already. */
    private static void closeQuietly(Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (Exception ignored) {
                // the server or the network went away after the work was done
            }
        }
    }

    private Instant nextPoll(MailboxSettings settings, boolean more) {
        return more ? clock.instant() : clock.instant().plusSeconds(settings.pollSeconds());
    }
}
