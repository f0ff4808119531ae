package io.tessera.conversation.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON shapes of the message and event endpoints (a ticket is {@code ticket.api.TicketResponse}).
 * Empty fields are written as {@code null} rather than left out, so clients see every field.
 */
final class ApiJson {

    private ApiJson() {
    }

    /** A list page: the items and the opaque cursor of the next page, {@code null} on the last. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PageResponse<T>(List<T> items, String next) {
    }

    /** Who wrote or did something: {@code type} is agent, customer, system or rule. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ActorResponse(String type, Long id, String name) {
    }

    /**
     * A file on a message. {@code scan} is unscanned, clean, quarantined or held (docs/attachments.md);
     * {@code signature} names what the virus scanner found in a quarantined file. Only unscanned and clean
     * files download: quarantined ones answer 410, held ones 503.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AttachmentResponse(long id, String name, String contentType, long size, String url, String scan,
                              String signature) {
    }

    /**
     * A message: {@code kind} is customer, public or internal; {@code text} is plain text, {@code html} the
     * same body as sanitised HTML, whatever format it was written in.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    /** {@code visibleText}: an email's new text without quoted history and signature (absent otherwise). */
    record MessageResponse(long id, String kind, ActorResponse author, String text, String html,
                           List<AttachmentResponse> attachments, String channel, Instant createdAt, String visibleText) {
    }

    /** An entry of the audit trail: {@code data} holds what changed (from/to, added/removed…). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EventResponse(long id, String type, ActorResponse actor, Map<String, Object> data, Instant createdAt) {
    }
}
