package io.tessera.channel.mailbox;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.tessera.channel.MailProperties;

/**
 * Starts each due mailbox's poll on a thread of its own. Polls never queue behind one another: a mailbox
 * whose server hangs until the timeout holds only its own thread, and every other mailbox keeps its schedule
 * (one slow mailbox delaying all others for half an hour is a known failure of sequential pollers). A tick
 * every couple of seconds reads which mailboxes are due, so added, changed and disabled mailboxes take effect
 * without a restart; each mailbox is polled by at most one thread here and, through its claim, one node.
 * {@code tessera.mail.poll-enabled=false} ({@code TESSERA_MAIL_POLL_ENABLED}) keeps this node from polling.
 */
@Component
class PollScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    private final Mailboxes mailboxes;
    private final MailboxPoller poller;
    private final boolean enabled;
    private final Duration tick;
    private final Set<Long> polling = ConcurrentHashMap.newKeySet();
    /** Made by {@link #start()} and shut down by {@link #stop()}: a stopped context may be started again (Spring pauses idle contexts). */
    private ExecutorService polls;
    private ScheduledExecutorService ticker;

    PollScheduler(Mailboxes mailboxes, MailboxPoller poller, MailProperties settings,
                  @Value("${tessera.mail.poll-tick:2s}") Duration tick) {
        this.mailboxes = mailboxes;
        this.poller = poller;
        this.enabled = settings.pollEnabled();
        this.tick = tick;
    }

    /** Whether this node polls mailboxes at all. */
    boolean enabled() {
        return enabled;
    }

    /**
     * Polls a mailbox now, due or not, on its own thread. Empty when a poll of it is running on this node
     * already.
     */
    Optional<Future<PollOutcome>> pollNow(long id) {
        return start(id, true);
    }

    private void pollDue() {
        try {
            for (long id : mailboxes.due()) {
                start(id, false);
            }
        } catch (RuntimeException e) {
            log.warn("Could not read which mailboxes are due; trying again in {}", tick, e);
        }
    }

    private Optional<Future<PollOutcome>> start(long id, boolean evenIfNotDue) {
        if (!polling.add(id)) {
            return Optional.empty();
        }
        ExecutorService executor = executor();
        if (executor == null) {
            polling.remove(id);
            return Optional.empty(); // stopped (shutting down, or paused): the next start polls what is due
        }
        try {
            return Optional.of(executor.submit(() -> {
                Thread.currentThread().setName("mailbox-poll-" + id);
                try {
                    return poller.poll(id, evenIfNotDue);
                } catch (RuntimeException e) {
                    log.error("Polling mailbox {} failed unexpectedly", id, e);
                    throw e;
                } finally {
                    polling.remove(id);
                    Thread.currentThread().setName("mailbox-poll");
                }
            }));
        } catch (RejectedExecutionException stopping) {
            polling.remove(id);
            return Optional.empty();
        }
    }

    private synchronized ExecutorService executor() {
        if (polls == null && ticker != null) {
            polls = Executors.newCachedThreadPool(runnable -> daemon(runnable, "mailbox-poll"));
        }
        return polls;
    }

    @Override
    public synchronized void start() {
        if (!enabled) {
            log.info("Mailbox polling is off on this node (TESSERA_MAIL_POLL_ENABLED=false)");
            return;
        }
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "mailbox-scheduler"));
            ticker.scheduleWithFixedDelay(this::pollDue, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        // A poll in progress may be mid-message; its claim runs out and the next poll finds what it stored.
        if (polls != null) {
            polls.shutdownNow();
            polls = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
