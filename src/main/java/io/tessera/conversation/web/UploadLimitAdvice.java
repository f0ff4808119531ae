package io.tessera.conversation.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import io.tessera.conversation.AttachmentTooLarge;
import io.tessera.conversation.Attachments;

/**
 * An API upload the servlet container refused while receiving it (over {@code spring.servlet.multipart.*},
 * which are the attachment limits): a 413 problem that says the limit. That happens before any controller
 * is chosen, so only advice without a package or annotation filter is asked — hence this one. (Only API
 * requests get this far with such an upload: the browser chain reads form parameters for CSRF first, and
 * {@link UploadLimitFilter} answers those.)
 */
@ControllerAdvice
class UploadLimitAdvice {

    private final Attachments attachments;

    UploadLimitAdvice(Attachments attachments) {
        this.attachments = attachments;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                new AttachmentTooLarge(attachments.maxSize()).getMessage());
        problem.setTitle("File too large");
        problem.setProperty("maxSize", attachments.maxSize().toBytes());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
