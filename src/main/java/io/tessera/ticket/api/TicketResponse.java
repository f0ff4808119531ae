package io.tessera.ticket.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.tessera.ticket.TicketSummary;

/**
 * A ticket in the REST API. {@code status} is the fixed category ({@code new}, {@code open},
 * {@code pending}, {@code on-hold}, {@code solved}, {@code closed}) that rules and filters use;
 * {@code statusName} is what people read (a custom status's name or the category's). {@code version}
 * goes back in a PATCH so a change made meanwhile by someone else is refused rather than overwritten.
 * Empty values are written as {@code null}, so clients see every field. {@code extensions} are the parts
 * other modules add ({@link io.tessera.ticket.TicketApiExtension}, e.g. {@code sla}), written as properties
 * of the ticket itself.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TicketResponse(long number, String subject, String status, String statusName, String priority,
                             String type, String channel, List<String> tags, Requester requester, Ref organization,
                             Ref assignee, Ref team, Map<String, Object> customFields, Instant createdAt,
                             Instant updatedAt, Instant firstResponseAt, Instant solvedAt, Instant closedAt,
                             int version, @JsonIgnore Map<String, Object> extensions) {

    /** Written even when {@code null} ("no SLA applies"), as every other field is: clients see the key. */
    @JsonAnyGetter
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    Map<String, Object> extensionProperties() {
        return extensions;
    }

    public record Requester(long id, String name, String email) {
    }

    public record Ref(long id, String name) {
    }

    public static TicketResponse of(TicketSummary t, List<String> tags, Map<String, Object> customFields,
                                    Map<String, Object> extensions) {
        return new TicketResponse(t.number(), t.subject(), t.status().key(), t.statusName(), t.priority().key(),
                t.type(), t.channel().key(), tags,
                new Requester(t.requesterId().value(), t.requesterName(), t.requesterEmail()),
                t.organizationId() == null ? null : new Ref(t.organizationId().value(), t.organizationName()),
                t.assigneeId() == null ? null : new Ref(t.assigneeId().value(), t.assigneeName()),
                t.teamId() == null ? null : new Ref(t.teamId().value(), t.teamName()),
                customFields, t.createdAt(), t.updatedAt(), t.firstResponseAt(), t.solvedAt(), t.closedAt(),
                t.version(), extensions);
    }
}
