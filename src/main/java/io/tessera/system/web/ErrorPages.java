package io.tessera.system.web;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one error endpoint. The answer depends on the path that failed, not on the {@code Accept} header:
 * API and operations paths always get an RFC 9457 problem (so a browser sees what curl sees), every
 * other path gets a page (so a script without {@code Accept: text/html} still gets the page a person
 * would). Neither ever shows a stack trace or an exception message; a server error instead carries an
 * {@code errorId} that is logged with the stack trace, so an admin can find what a user reports.
 *
 * <p>The problem is written here and not by forwarding to another path: a forward would be a new request
 * through the browser's security chain, which would answer an API client with a sign-in redirect.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final ErrorIds ids;

    ErrorPages(ErrorIds ids) {
        this.ids = ids;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String path = originalPath(request);
        String errorId = status.is5xxServerError() ? logged(request, status, path) : null;
        if (MachinePaths.isMachinePath(path) || path == null && MachinePaths.isMachineRequest(request)) {
            return problem(status, path, errorId);
        }
        String view = switch (status) {
            case NOT_FOUND -> "error/404";
            case FORBIDDEN -> "error/403";
            default -> "error/error";
        };
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        model.put("reason", status.getReasonPhrase());
        if (errorId != null) {
            model.put("errorId", errorId);
        }
        return new ModelAndView(view, model, status);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String path, String errorId) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setDetail(switch (status) {
            case NOT_FOUND -> "No resource at this path.";
            case BAD_REQUEST -> "The request could not be understood: check the path, its encoding and the headers.";
            case METHOD_NOT_ALLOWED -> "This path does not accept this method.";
            default -> status.is5xxServerError()
                    ? "Tessera could not complete this request. It has been logged as " + errorId + "; quote this id when you report it."
                    : status.getReasonPhrase();
        });
        if (path != null && !path.isBlank()) {
            problem.setInstance(safeUri(path));
        }
        if (errorId != null) {
            problem.setProperty("errorId", errorId);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Logs a server error once, with its stack trace and a fresh id the answer carries. */
    private String logged(HttpServletRequest request, HttpStatus status, String path) {
        String id = ids.next();
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String method = String.valueOf(request.getAttribute("jakarta.servlet.error.method") == null
                ? request.getMethod() : request.getAttribute("jakarta.servlet.error.method"));
        if (failure instanceof Throwable e) {
            log.error("Error {}: {} on {} {}", id, status.value(), method, path, e);
        } else {
            log.error("Error {}: {} on {} {}", id, status.value(), method, path);
        }
        return id;
    }

    private static URI safeUri(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? null : uri.toString();
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus resolved = HttpStatus.resolve(value);
            if (resolved != null) {
                return resolved;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
