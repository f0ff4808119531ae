package io.tessera.ticket;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tag taxonomy. Tags are single lower-case words ({@code billing}, {@code vip}, {@code needs-review}),
 * so "VIP" and "vip " are one tag. A tag not in the taxonomy is created when the person may create tags
 * (admins always; agents when {@link TicketSettings#agentsCreateTags()}), and refused otherwise.
 */
@Component
@Transactional
public class Tags {

    /**
     * Tags one ticket may carry. A tag list is for filtering and routing; hundreds on one ticket are a script
     * gone wrong, and every change of them is an event that has to be stored and delivered.
     */
    public static final int MAX_PER_TICKET = 50;
    /** Tags one change may add to the taxonomy, so a mistaken request cannot flood it (one grew it to 4,297). */
    public static final int MAX_NEW_AT_ONCE = 20;

    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_\\-]{0,59}");

    private final JdbcClient jdbc;
    private final TicketSettings settings;
    private final Clock clock;

    Tags(JdbcClient jdbc, TicketSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** The words of a tag field as typed: separated by spaces or commas ("billing, vip refund"). */
    public static Set<String> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Set.of();
        }
        return normalize(List.of(typed.strip().split("[,\\s]+")));
    }

    /** Normalises what was typed ("Needs Review" → {@code needs-review}) and refuses what is not a tag. */
    public static Set<String> normalize(Collection<String> typed) {
        Set<String> tags = new LinkedHashSet<>();
        for (String raw : typed) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String tag = raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidTicketChange("tags", "'" + raw.strip() + "' is not a tag: use letters, digits, '-' and '_' (at most 60).");
            }
            tags.add(tag);
        }
        return tags;
    }

    /**
     * Makes sure every tag exists in the taxonomy, creating missing ones if the person may — at most
     * {@link #MAX_NEW_AT_ONCE} in one go, checked before any is created.
     */
    void ensure(Set<String> tags, boolean byAdmin) {
        // Not the cap per ticket: a form re-sends a ticket's whole list, and one tagged over the cap before
        // it existed must still be saved as long as it does not grow (Ticket.retag checks that).
        List<String> missing = new ArrayList<>();
        for (String tag : tags) {
            if (!exists(tag)) {
                missing.add(tag);
            }
            if (missing.size() > MAX_NEW_AT_ONCE) {
                break;
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!byAdmin && !settings.agentsCreateTags()) {
            throw new InvalidTicketChange("tags", "'" + missing.get(0) + "' is not an existing tag, and only admins may add new tags.");
        }
        if (missing.size() > MAX_NEW_AT_ONCE) {
            throw new InvalidTicketChange("tags", "At most " + MAX_NEW_AT_ONCE + " new tags can be created at once; this "
                    + "would create more. Create them in smaller steps, or use existing tags.");
        }
        missing.forEach(this::create);
    }

    /** Refuses a tag list longer than a ticket may carry. */
    static void checkPerTicket(int count) {
        if (count > MAX_PER_TICKET) {
            throw new InvalidTicketChange("tags", "A ticket can have at most " + MAX_PER_TICKET + " tags; this would give it "
                    + count + ".");
        }
    }

    public void create(String tag) {
        String normalized = normalize(List.of(tag)).iterator().next();
        jdbc.sql("merge into tag t using (values (?, ?)) as v(name, created_at) on t.name = v.name "
                        + "when not matched then insert (name, created_at) values (v.name, v.created_at)")
                .params(normalized, TicketRepository.utc(clock.instant())).update();
    }

    @Transactional(readOnly = true)
    public List<String> all() {
        return jdbc.sql("select name from tag order by name").query(String.class).list();
    }

    private boolean exists(String tag) {
        return jdbc.sql("select count(*) from tag where name = ?").param(tag).query(Long.class).single() > 0;
    }
}
