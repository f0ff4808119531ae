package io.tessera.conversation.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.tessera.conversation.AttachmentTooLarge;
import io.tessera.conversation.Attachments;

/**
 * An upload the servlet container refused while receiving it (over {@code spring.servlet.multipart.*},
 * which are the attachment limits). That happens before any controller is chosen, so only advice without
 * a package or annotation filter is asked — hence this one, for every path: the API gets a 413 problem
 * that says the limit, a ticket page's form goes back to the ticket with the same message. (The page
 * checks file sizes before sending, so this is the fallback for a browser without script.)
 */
@ControllerAdvice
class UploadLimitAdvice {

    private static final Pattern TICKET_PAGE = Pattern.compile("/tickets/(\\d+)");

    private final Attachments attachments;

    UploadLimitAdvice(Attachments attachments) {
        this.attachments = attachments;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(MaxUploadSizeExceededException e, HttpServletRequest request,
                                     HttpServletResponse response) {
        String message = new AttachmentTooLarge(attachments.maxSize()).getMessage();
        Matcher page = TICKET_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (page.matches()) {
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("uploadError", message);
            RequestContextUtils.saveOutputFlashMap("/tickets/" + page.group(1), request, response);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location",
                    request.getContextPath() + "/tickets/" + page.group(1)).build();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, message);
        problem.setTitle("File too large");
        problem.setProperty("maxSize", attachments.maxSize().toBytes());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
