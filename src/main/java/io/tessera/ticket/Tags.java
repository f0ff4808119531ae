package io.tessera.ticket;

import java.time.Clock;
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

    /** Makes sure every tag exists in the taxonomy, creating missing ones if {@code mayCreate}. */
    void ensure(Set<String> tags, boolean byAdmin) {
        for (String tag : tags) {
            if (exists(tag)) {
                continue;
            }
            if (!byAdmin && !settings.agentsCreateTags()) {
                throw new InvalidTicketChange("tags", "'" + tag + "' is not an existing tag, and only admins may add new tags.");
            }
            create(tag);
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
