package io.tessera.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.tessera.identity.Agent;
import io.tessera.shared.AgentId;

/**
 * Sidebar counts without counting the ticket table (docs/adr/0008-bounded-view-counts-cached-briefly.md): each count
 * runs the view's own compiled condition and the agent's visibility but stops at {@link #BOUND} rows, and
 * the answer is kept per agent and view for a few seconds, so a page view costs at most one bounded index
 * scan per view, and usually none. A bulk action forgets the acting agent's counts at once.
 */
@Service
public class ViewCounts {

    /** Counting stops here; the sidebar shows {@code 999+}. */
    public static final int BOUND = 1000;

    private record Key(AgentId agent, long view, Instant viewUpdatedAt) {
    }

    private record Entry(ViewCount count, Instant expires) {
    }

    private final ViewLists lists;
    private final Clock clock;
    private final Duration ttl;
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    ViewCounts(ViewLists lists, Clock clock, @Value("${tessera.views.count-cache:10s}") Duration ttl) {
        this.lists = lists;
        this.clock = clock;
        this.ttl = ttl;
    }

    public ViewCount count(View view, Agent agent) {
        Instant now = clock.instant();
        Key key = new Key(agent.id(), view.id(), view.updatedAt());
        Entry cached = cache.get(key);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.count();
        }
        long counted = lists.countUpTo(view, agent, BOUND);
        ViewCount count = new ViewCount(counted, counted >= BOUND);
        if (cache.size() > 10_000) {
            cache.values().removeIf(e -> !e.expires().isAfter(now));
        }
        cache.put(key, new Entry(count, now.plus(ttl)));
        return count;
    }

    /** After the agent changed tickets: their next page shows fresh counts. */
    public void forget(AgentId agent) {
        cache.keySet().removeIf(k -> k.agent().equals(agent));
    }
}
