package io.tessera.channel.mailbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.identity.TeamManagement;
import io.tessera.shared.HostPolicy;
import io.tessera.shared.Initiator;

/**
 * The admin's mailboxes: add, change, enable or disable, delete, test the connection, poll now. Changes are
 * recorded in the audit trail in the same transaction. A changed or re-enabled mailbox is polled at once.
 */
@Service
public class MailboxManagement {

    /** How long "Poll now" waits for the poll before answering that it is still running. */
    private static final long POLL_NOW_WAIT_SECONDS = 20;

    private final Mailboxes mailboxes;
    private final ConnectionTester tester;
    private final PollScheduler scheduler;
    private final TeamManagement teams;
    private final ApplicationEventPublisher events;
    private final HostPolicy hosts;

    MailboxManagement(Mailboxes mailboxes, ConnectionTester tester, PollScheduler scheduler, TeamManagement teams,
                      ApplicationEventPublisher events, HostPolicy hosts) {
        this.mailboxes = mailboxes;
        this.tester = tester;
        this.scheduler = scheduler;
        this.teams = teams;
        this.events = events;
        this.hosts = hosts;
    }

    @Transactional(readOnly = true)
    public List<Mailbox> list() {
        return mailboxes.list();
    }

    @Transactional(readOnly = true)
    public Optional<Mailbox> find(long id) {
        return mailboxes.find(id);
    }

    /** Whether this node polls at all ({@code TESSERA_MAIL_POLL_ENABLED}). */
    public boolean pollingEnabled() {
        return scheduler.enabled();
    }

    @Transactional
    public Mailbox create(MailboxSettings settings, Initiator by) {
        validate(settings);
        long id = mailboxes.insert(settings);
        events.publishEvent(new MailboxChanged("mailbox.created", id, "Added mailbox " + settings.name() + " ("
                + settings.protocol() + " " + settings.username() + " on " + settings.host() + ":" + settings.port()
                + ", " + (settings.enabled() ? "enabled" : "disabled") + ")", by));
        return mailboxes.find(id).orElseThrow();
    }

    /** Saves new settings; a blank password keeps the stored one. */
    @Transactional
    public Mailbox update(long id, MailboxSettings typed, Initiator by) {
        Mailbox before = get(id);
        MailboxSettings settings = typed.withStoredPassword(before.settings().password());
        validate(settings);
        mailboxes.update(id, settings);
        events.publishEvent(new MailboxChanged("mailbox.updated", id, "Changed mailbox " + settings.name() + ": "
                + changes(before.settings(), settings), by));
        return mailboxes.find(id).orElseThrow();
    }

    @Transactional
    public void setEnabled(long id, boolean enabled, Initiator by) {
        Mailbox mailbox = get(id);
        mailboxes.setEnabled(id, enabled);
        events.publishEvent(new MailboxChanged(enabled ? "mailbox.enabled" : "mailbox.disabled", id,
                (enabled ? "Enabled" : "Disabled") + " mailbox " + mailbox.name(), by));
    }

    /** Removes the mailbox; the mail it imported stays (without its mailbox). */
    @Transactional
    public void delete(long id, Initiator by) {
        Mailbox mailbox = get(id);
        mailboxes.delete(id);
        events.publishEvent(new MailboxChanged("mailbox.deleted", id, "Deleted mailbox " + mailbox.name()
                + " (" + mailbox.settings().username() + " on " + mailbox.settings().host() + ")", by));
    }

    /** Tests settings as typed (a blank password: the stored one of {@code id}, when given). Imports nothing. */
    public ConnectionCheck test(MailboxSettings typed, Long id) {
        MailboxSettings settings = id == null ? typed : typed.withStoredPassword(get(id).settings().password());
        validate(settings);
        return tester.check(settings);
    }

    /** Tests the saved settings. Imports nothing. */
    public ConnectionCheck test(long id) {
        return tester.check(get(id).settings());
    }

    /**
     * Polls the mailbox now, due or not, and waits a while for the answer. The poll itself runs on the
     * mailbox's poll thread and is claimed like any other, so it never runs twice at once.
     */
    public String pollNow(long id, Initiator by) {
        Mailbox mailbox = get(id);
        if (!scheduler.enabled()) {
            return "Polling is off on this installation (TESSERA_MAIL_POLL_ENABLED=false); nothing was fetched.";
        }
        if (!mailbox.settings().enabled()) {
            return mailbox.name() + " is disabled; enable it to poll it.";
        }
        events.publishEvent(new MailboxChanged("mailbox.polled", id, "Polled mailbox " + mailbox.name() + " by hand", by));
        Optional<Future<PollOutcome>> started = scheduler.pollNow(id);
        if (started.isEmpty()) {
            return mailbox.name() + " is being polled right now; its status shows the result when it is done.";
        }
        try {
            PollOutcome outcome = started.get().get(POLL_NOW_WAIT_SECONDS, TimeUnit.SECONDS);
            if (!outcome.ran()) {
                return mailbox.name() + " is being polled right now (by another node); its status shows the result.";
            }
            return outcome.succeeded() ? "Polled " + mailbox.name() + ": " + outcome.result().summary() + "."
                    : "Polling " + mailbox.name() + " failed: " + outcome.error();
        } catch (TimeoutException stillRunning) {
            return "Still polling " + mailbox.name() + "; its status shows the result when it is done.";
        } catch (ExecutionException e) {
            return "Polling " + mailbox.name() + " failed: " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Still polling " + mailbox.name() + ".";
        }
    }

    private Mailbox get(long id) {
        return mailboxes.find(id).orElseThrow(() -> new MailboxNotFound(id));
    }

    private void validate(MailboxSettings settings) {
        Map<String, String> problems = new LinkedHashMap<>(settings.problems());
        if (settings.team() != null && teams.find(settings.team()).isEmpty()) {
            problems.put("team", "That team does not exist (any more).");
        }
        if (!problems.containsKey("host")) {
            // Not a way into this host's or the cloud's internals (docs/security.md); checked again when connecting.
            hosts.refusal(settings.host()).ifPresent(reason -> problems.put("host", reason));
        }
        if (!problems.isEmpty()) {
            throw new InvalidMailbox(problems);
        }
    }

    /** What changed, for the audit trail: field names and values, except the password's. */
    private static String changes(MailboxSettings before, MailboxSettings after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "name", before.name(), after.name());
        compare(changed, "protocol", before.protocol(), after.protocol());
        compare(changed, "host", before.host(), after.host());
        compare(changed, "port", before.port(), after.port());
        compare(changed, "security", before.security(), after.security());
        compare(changed, "user name", before.username(), after.username());
        if (!Objects.equals(before.password(), after.password())) {
            changed.add("password changed");
        }
        compare(changed, "folder", before.folder(), after.folder());
        compare(changed, "poll interval", before.pollSeconds(), after.pollSeconds());
        compare(changed, "team", before.team(), after.team());
        compare(changed, "support address", before.supportAddress(), after.supportAddress());
        compare(changed, "enabled", before.enabled(), after.enabled());
        compare(changed, "after import", before.afterImport(), after.afterImport());
        return changed.isEmpty() ? "nothing changed" : String.join(", ", changed);
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field + " " + before + " → " + after);
        }
    }
}
