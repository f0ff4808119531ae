package io.tessera.conversation.presence;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

import io.tessera.shared.AgentId;
import io.tessera.shared.TicketId;

/**
 * Who has which ticket open on this node, and who is typing on it: one server-sent event stream per open
 * ticket page. A page joins when its stream connects and leaves when the stream ends (the tab closed, the
 * network dropped, or the stream's timeout — the browser then reconnects by itself). Typing is a flag that
 * expires a few seconds after the last ping, so a closed laptop never types forever.
 *
 * <p>Every change of who is there is sent to all pages of the ticket as a {@code presence} event with the
 * whole list (idempotent, so a page that missed one is right again with the next). Streams get a comment
 * line every {@link #HEARTBEAT}, which keeps proxies from closing them and finds dead ones: an idle stream
 * holds no servlet thread, only an async slot and a socket.
 */
@Component
public class PresenceHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PresenceHub.class);

    /** A stream ends after this and the browser reconnects: no connection lives forever. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(15);
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    /** How long one typing ping counts; the page pings every few seconds while the agent types. */
    static final Duration TYPING_FOR = Duration.ofSeconds(6);
    static final Duration SWEEP = Duration.ofSeconds(2);
    static final Duration RECONNECT = Duration.ofSeconds(3);

    private final Map<Long, Room> rooms = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile ScheduledExecutorService timer;

    PresenceHub(Clock clock) {
        this.clock = clock;
    }

    /** Someone on a ticket's page: {@code typing} is shown as "is typing…". */
    public record Present(long agentId, String name, boolean typing) {
    }

    /** The data of a {@code presence} event. */
    public record Presence(List<Present> viewers) {
    }

    private record Viewer(long agentId, String name, SseEmitter emitter) {
    }

    /** The open pages of one ticket and who is typing on it (agent id → until when). */
    private static final class Room {
        final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
        final Map<Long, Instant> typing = new ConcurrentHashMap<>();
    }

    /** Opens a stream for an agent's page of a ticket; the caller has checked the agent may see it. */
    public SseEmitter join(TicketId ticket, AgentId agent, String name) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Viewer viewer = new Viewer(agent.value(), name, emitter);
        long id = ticket.value();
        emitter.onCompletion(() -> leave(id, viewer));
        // Complete on timeout ourselves: otherwise MVC raises AsyncRequestTimeoutException and tries to
        // answer an error page on a stream that has long started.
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> leave(id, viewer));
        rooms.compute(id, (key, room) -> {
            Room joined = room == null ? new Room() : room;
            joined.viewers.add(viewer);
            return joined;
        });
        send(id, viewer, () -> SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("connected"));
        broadcastPresence(id);
        return emitter;
    }

    /** A typing ping ({@code true}) or its end ({@code false}) from an agent on a ticket's page. */
    public void typing(TicketId ticket, AgentId agent, boolean typing) {
        Room room = rooms.get(ticket.value());
        if (room == null) {
            return;
        }
        boolean changed;
        if (typing) {
            changed = room.typing.put(agent.value(), clock.instant().plus(TYPING_FOR)) == null;
        } else {
            changed = room.typing.remove(agent.value()) != null;
        }
        if (changed) {
            broadcastPresence(ticket.value());
        }
    }

    /** Who is on a ticket's page now, each agent once (two tabs are one viewer), by name. */
    public Presence presence(TicketId ticket) {
        return presence(ticket.value());
    }

    /** Whether any page of the ticket is open on this node (saves work for tickets nobody watches). */
    public boolean watched(TicketId ticket) {
        return rooms.containsKey(ticket.value());
    }

    /** Sends an update to this node's pages of its ticket. */
    void deliver(LiveUpdate update) {
        Room room = rooms.get(update.ticketId());
        if (room == null) {
            return;
        }
        for (Viewer viewer : room.viewers) {
            send(update.ticketId(), viewer,
                    () -> SseEmitter.event().name(update.event()).data(update.data(), MediaType.APPLICATION_JSON));
        }
    }

    private Presence presence(long ticketId) {
        Room room = rooms.get(ticketId);
        if (room == null) {
            return new Presence(List.of());
        }
        Instant now = clock.instant();
        Map<Long, String> names = room.viewers.stream()
                .collect(Collectors.toMap(Viewer::agentId, Viewer::name, (a, b) -> a));
        return new Presence(names.entrySet().stream()
                .map(e -> new Present(e.getKey(), e.getValue(), isTyping(room, e.getKey(), now)))
                .sorted(Comparator.comparing(Present::name, String.CASE_INSENSITIVE_ORDER))
                .toList());
    }

    private static boolean isTyping(Room room, long agentId, Instant now) {
        Instant until = room.typing.get(agentId);
        return until != null && until.isAfter(now);
    }

    private void broadcastPresence(long ticketId) {
        deliver(new LiveUpdate(ticketId, "presence", presence(ticketId)));
    }

    private void leave(long ticketId, Viewer viewer) {
        boolean[] left = {false};
        rooms.computeIfPresent(ticketId, (key, room) -> {
            left[0] = room.viewers.remove(viewer);
            if (left[0] && room.viewers.stream().noneMatch(v -> v.agentId() == viewer.agentId())) {
                room.typing.remove(viewer.agentId());
            }
            return room.viewers.isEmpty() ? null : room;
        });
        if (left[0]) {
            broadcastPresence(ticketId);
        }
    }

    /**
     * One write to one stream. A stream that cannot be written to is gone (the container reports it
     * too, which completes the emitter): drop the viewer now rather than at the next heartbeat.
     */
    private void send(long ticketId, Viewer viewer, Supplier<SseEventBuilder> event) {
        try {
            viewer.emitter().send(event.get());
        } catch (IOException | IllegalStateException e) {
            log.debug("Stream of agent {} on ticket {} is gone: {}", viewer.agentId(), ticketId, e.toString());
            leave(ticketId, viewer);
        }
    }

    /** Every {@link #SWEEP}: ends typing that was not pinged again; every {@link #HEARTBEAT}: a comment to each stream. */
    private void sweep(long tick) {
        Instant now = clock.instant();
        boolean heartbeat = tick % (HEARTBEAT.toMillis() / SWEEP.toMillis()) == 0;
        rooms.forEach((ticketId, room) -> {
            if (room.typing.entrySet().removeIf(e -> !e.getValue().isAfter(now))) {
                broadcastPresence(ticketId);
            }
            if (heartbeat) {
                room.viewers.forEach(viewer -> send(ticketId, viewer, () -> SseEmitter.event().comment("heartbeat")));
            }
        });
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "presence-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long[] tick = {0};
        executor.scheduleWithFixedDelay(() -> {
            try {
                sweep(++tick[0]);
            } catch (RuntimeException e) {
                log.warn("Presence sweep failed", e);
            }
        }, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        timer = executor;
    }

    /** Ends every stream before the web server shuts down, so graceful shutdown does not wait for them. */
    @Override
    public void stop() {
        ScheduledExecutorService executor = timer;
        timer = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        rooms.values().forEach(room -> room.viewers.forEach(viewer -> viewer.emitter().complete()));
        rooms.clear();
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
