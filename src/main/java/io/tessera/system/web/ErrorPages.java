package io.tessera.system.web;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one error endpoint. The answer depends on the path that failed, not on the {@code Accept} header:
 * API and operations paths always get an RFC 9457 problem (so a browser sees what curl sees), every
 * other path gets a page (so a script without {@code Accept: text/html} still gets the page a person
 * would). Neither ever shows a stack trace or an exception message.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request) {
        HttpStatus status = status(request);
        if (isMachinePath(originalPath(request))) {
            return new ModelAndView("forward:/error/problem");
        }
        String view = switch (status) {
            case NOT_FOUND -> "error/404";
            case FORBIDDEN -> "error/403";
            default -> "error/error";
        };
        return new ModelAndView(view, Map.of("status", status.value(), "reason", status.getReasonPhrase()), status);
    }

    @RequestMapping("/error/problem")
    @ResponseBody
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        String path = originalPath(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setDetail(status == HttpStatus.NOT_FOUND ? "No resource at this path." : status.getReasonPhrase());
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean isMachinePath(String path) {
        return path != null && (path.startsWith("/api/") || path.startsWith("/actuator/"));
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
