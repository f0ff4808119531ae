package io.tessera.ticket;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.Initiator;

/**
 * The admin's side of statuses, types, tags and ticket settings (screens under {@code /admin/tickets}):
 * every change here is audited. A status keeps its category for life (tickets store both); types and
 * statuses are deactivated, never deleted, so tickets and their history keep their meaning. Renaming or
 * deleting a tag changes the taxonomy and the tickets carrying it in one statement each, audited once, not
 * per ticket in the ticket event log.
 */
@Service
@Transactional
public class TicketAdministration {

    /** A custom status as the admin screen edits it. */
    public record StatusRow(long id, String name, TicketStatus category, String description, boolean active, int position) {
    }

    /** A tag with how many tickets carry it. */
    public record TagUsage(String name, long tickets) {
    }

    private final JdbcClient jdbc;
    private final CustomStatuses statuses;
    private final TicketTypes types;
    private final Tags tags;
    private final TicketSettings settings;
    private final ApplicationEventPublisher events;

    TicketAdministration(JdbcClient jdbc, CustomStatuses statuses, TicketTypes types, Tags tags, TicketSettings settings,
                         ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.statuses = statuses;
        this.types = types;
        this.tags = tags;
        this.settings = settings;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<StatusRow> statuses() {
        return jdbc.sql("select id, name, category, description, active, position from custom_status order by position, name")
                .query((rs, n) -> new StatusRow(rs.getLong("id"), rs.getString("name"),
                        TicketStatus.valueOf(rs.getString("category")), rs.getString("description"),
                        rs.getBoolean("active"), rs.getInt("position")))
                .list();
    }

    public CustomStatuses.CustomStatus addStatus(String name, TicketStatus category, String description, int position,
                                                 Initiator by) {
        CustomStatuses.CustomStatus status = statuses.add(name, category, blankToNull(description));
        jdbc.sql("update custom_status set position = ? where id = ?").params(position, status.id()).update();
        audit("custom_status.created", "custom_status", status.id(),
                "Created status " + status.name() + " (" + category.label().toLowerCase() + ")", by);
        return status;
    }

    /** Renames, describes, orders and (de)activates a status; its category stays. */
    public void updateStatus(long id, String name, String description, boolean active, int position, Initiator by) {
        CustomStatuses.CustomStatus status = statuses.find(id)
                .orElseThrow(() -> new InvalidTicketChange("name", "Unknown status."));
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 80) {
            throw new InvalidTicketChange("name", "Give the status a name of at most 80 characters.");
        }
        if (statuses.all().stream().anyMatch(s -> s.id() != id && s.name().equalsIgnoreCase(trimmed))) {
            throw new InvalidTicketChange("name", "A status with this name already exists.");
        }
        jdbc.sql("update custom_status set name = ?, description = ?, active = ?, position = ? where id = ?")
                .params(trimmed, blankToNull(description), active, position, id).update();
        String change = !status.name().equals(trimmed) ? "renamed " + status.name() + " → " + trimmed
                : status.active() != active ? (active ? "reactivated" : "deactivated") : "description or order changed";
        audit("custom_status.updated", "custom_status", id, "Status " + trimmed + ": " + change, by);
    }

    public TicketTypes.TicketType addType(String name, Initiator by) {
        TicketTypes.TicketType type = types.add(name);
        audit("ticket_type.created", "ticket_type", null, "Created ticket type " + type.name() + " (" + type.key() + ")", by);
        return type;
    }

    /** Renames a type; its key, which tickets store, stays. */
    public void renameType(String key, String name, Initiator by) {
        TicketTypes.TicketType type = type(key);
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 80) {
            throw new InvalidTicketChange("name", "Give the type a name of at most 80 characters.");
        }
        if (types.all().stream().anyMatch(t -> !t.key().equals(key) && t.name().equalsIgnoreCase(trimmed))) {
            throw new InvalidTicketChange("name", "A type with this name already exists.");
        }
        jdbc.sql("update ticket_type set name = ? where type_key = ?").params(trimmed, key).update();
        audit("ticket_type.renamed", "ticket_type", null, "Renamed ticket type " + type.name() + " → " + trimmed, by);
    }

    /** A deactivated type can no longer be chosen; tickets that have it keep it. Built-in types too. */
    public void setTypeActive(String key, boolean active, Initiator by) {
        TicketTypes.TicketType type = type(key);
        if (type.active() != active) {
            jdbc.sql("update ticket_type set active = ? where type_key = ?").params(active, key).update();
            audit(active ? "ticket_type.reactivated" : "ticket_type.deactivated", "ticket_type", null,
                    (active ? "Reactivated" : "Deactivated") + " ticket type " + type.name(), by);
        }
    }

    /**
     * A page of tags in name order after {@code after} (keyset), with how many tickets carry each: counted
     * from the (tag, ticket_id) index for the page's tags only, never for the whole taxonomy.
     */
    @Transactional(readOnly = true)
    public List<TagUsage> tags(String after, int limit) {
        List<String> names = jdbc.sql("select name from tag where name > ? order by name fetch first ? rows only")
                .params(after == null ? "" : after, limit).query(String.class).list();
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, Long> counts = jdbc.sql("select tag, count(*) as tickets from ticket_tag where tag in (:names) group by tag")
                .param("names", names)
                .query((rs, n) -> Map.entry(rs.getString("tag"), rs.getLong("tickets"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return names.stream().map(name -> new TagUsage(name, counts.getOrDefault(name, 0L))).toList();
    }

    public String addTag(String typed, Initiator by) {
        String tag = single(typed);
        tags.create(tag);
        audit("tag.created", "tag", null, "Added tag " + tag, by);
        return tag;
    }

    /** Renames a tag on every ticket; renaming onto an existing tag merges the two. */
    public String renameTag(String from, String typed, Initiator by) {
        String to = single(typed);
        requireTag(from);
        if (to.equals(from)) {
            return to;
        }
        tags.create(to);
        jdbc.sql("insert into ticket_tag (ticket_id, tag) select ticket_id, ? from ticket_tag old where old.tag = ? "
                        + "and not exists (select 1 from ticket_tag t where t.ticket_id = old.ticket_id and t.tag = ?)")
                .params(to, from, to).update();
        jdbc.sql("delete from tag where name = ?").param(from).update();
        audit("tag.renamed", "tag", null, "Renamed tag " + from + " → " + to, by);
        return to;
    }

    /** Deletes a tag from the taxonomy and from every ticket carrying it. */
    public void deleteTag(String name, Initiator by) {
        requireTag(name);
        long used = jdbc.sql("select count(*) from ticket_tag where tag = ?").param(name).query(Long.class).single();
        jdbc.sql("delete from tag where name = ?").param(name).update();
        audit("tag.deleted", "tag", null, "Deleted tag " + name + " (removed from " + used + " tickets)", by);
    }

    public void changeSettings(boolean agentsSeeAll, boolean agentsCreateTags, Initiator by) {
        boolean seeAllBefore = settings.agentsSeeAllTickets();
        boolean createBefore = settings.agentsCreateTags();
        settings.change(agentsSeeAll, agentsCreateTags);
        if (seeAllBefore != agentsSeeAll || createBefore != agentsCreateTags) {
            audit("ticket_settings.changed", "setting", null, "Ticket settings: agents see all tickets "
                    + onOff(agentsSeeAll) + ", agents may create tags " + onOff(agentsCreateTags), by);
        }
    }

    private TicketTypes.TicketType type(String key) {
        return types.all().stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new InvalidTicketChange("type", "Unknown ticket type."));
    }

    private void requireTag(String name) {
        if (jdbc.sql("select count(*) from tag where name = ?").param(name).query(Long.class).single() == 0) {
            throw new InvalidTicketChange("tag", "Unknown tag '" + name + "'.");
        }
    }

    private static String single(String typed) {
        var parsed = Tags.parse(typed);
        if (parsed.size() != 1) {
            throw new InvalidTicketChange("tag", "Enter one tag: letters, digits, '-' and '_'.");
        }
        return parsed.iterator().next();
    }

    private void audit(String action, String subjectType, Long subjectId, String summary, Initiator by) {
        events.publishEvent(new TicketConfigurationChanged(action, subjectType, subjectId, summary, by));
    }

    private static String onOff(boolean value) {
        return value ? "on" : "off";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
