package io.tessera.system.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import io.tessera.identity.TooManySignInAttempts;
import tools.jackson.databind.ObjectMapper;

/**
 * 401, 403 and 429 for machine clients as RFC 9457 {@code application/problem+json}, never a login page.
 * The 401 carries {@code WWW-Authenticate} for both schemes the API accepts; the 429 (HTTP Basic refused
 * by the sign-in throttle) carries {@code Retry-After}.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof TooManySignInAttempts tooSoon) {
            // HTTP Basic counts toward the same sign-in throttle as the form; the token needs no password.
            response.setHeader("Retry-After", String.valueOf(tooSoon.retryAfter().toSeconds()));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins: wait before trying a password again, or use an API token.");
            return;
        }
        response.addHeader("WWW-Authenticate", "Bearer realm=\"Tessera\"");
        response.addHeader("WWW-Authenticate", "Basic realm=\"Tessera\"");
        write(request, response, HttpStatus.UNAUTHORIZED,
                "Authentication required: send an API token as 'Authorization: Bearer …' or an agent's email and password with HTTP Basic.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this request.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
