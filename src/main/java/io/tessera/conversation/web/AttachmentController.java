package io.tessera.conversation.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.tessera.conversation.Attachment;
import io.tessera.conversation.Attachments;
import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.TicketAccess;

/**
 * Downloads of attachments for signed-in agents. An attachment on a ticket the agent may not see answers
 * 404, exactly like one that does not exist, so ids cannot be probed. Files come from senders, so the
 * response never lets a browser run one: everything but a safe raster image is sent as
 * {@code application/octet-stream} to be saved, with {@code nosniff} and a sandboxing CSP; only such an
 * image may be shown inline ({@code ?inline}, for previews on the ticket page). The last path segment is
 * the file name, for readable URLs; it is not used to find the file. A file the virus scanner quarantined
 * answers 410, one it could not scan yet 503 (docs/attachments.md).
 */
@Controller
class AttachmentController {

    /** Even a document opened directly may not run script, submit forms or reach our origin. */
    private static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

    private final Attachments attachments;
    private final TicketAccess access;

    AttachmentController(Attachments attachments, TicketAccess access) {
        this.attachments = attachments;
        this.access = access;
    }

    // The same download for API clients (token or Basic), linked from the message JSON.
    @GetMapping({"/attachments/{id}/{fileName}", "/api/v1/attachments/{id}/{fileName}"})
    ResponseEntity<?> download(@PathVariable long id, @RequestParam(name = "inline", required = false) String inline,
                               @AuthenticationPrincipal SignedInAgent me, HttpServletRequest request) {
        var found = attachments.findVisibleTo(access.viewer(me.id()), id);
        if (found.isEmpty()) {
            return refuse(request, HttpStatus.NOT_FOUND, "No resource at this path.");
        }
        Attachment attachment = attachments.rescanIfHeld(found.get());
        // Never served: a file the virus scanner found something in is gone for good (the ticket says what);
        // one it could not scan yet is unavailable until a scan passes, which this request just tried.
        if (attachment.quarantined()) {
            return refuse(request, HttpStatus.GONE, "The virus scanner found " + attachment.signature()
                    + " in this file; it is quarantined and never served.");
        }
        if (!attachment.served()) {
            return refuse(request, HttpStatus.SERVICE_UNAVAILABLE, "This file has not been scanned for viruses yet "
                    + "(the scanner could not be reached); it is served once a scan passes. Try again later.");
        }
        boolean image = attachment.previewableImage();
        boolean showInline = inline != null && image;
        // Opened only when the body is written: not at all for a 304 answer to If-None-Match.
        Resource body = new InputStreamResource(() -> attachments.open(attachment));
        return ResponseEntity.ok()
                .contentType(image ? MediaType.parseMediaType(attachment.contentType()) : MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(attachment.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, showInline
                        ? ContentDispositions.inline(attachment.fileName())
                        : ContentDispositions.attachment(attachment.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                // Private: only this agent's browser may keep it, never a shared proxy. The content of an
                // id never changes (it is named by its hash), so the hash is a strong ETag.
                .cacheControl(CacheControl.empty().cachePrivate())
                .eTag("\"" + attachment.sha256() + "\"")
                .body(body);
    }

    /**
     * API clients get the problem here: this is not a {@code @RestController}, so the API's advice does not
     * see its exceptions, and the error dispatch of an API path would meet the browser's sign-in. Pages get
     * the error page.
     */
    private static ResponseEntity<ProblemDetail> refuse(HttpServletRequest request, HttpStatus status, String detail) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw new ResponseStatusException(status);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
