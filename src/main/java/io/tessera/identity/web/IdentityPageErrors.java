package io.tessera.identity.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.tessera.identity.NotFound;

/** A missing (or not-yours) agent, team or token on an identity page is the ordinary 404 page. */
@ControllerAdvice(basePackageClasses = IdentityPageErrors.class)
class IdentityPageErrors {

    @ExceptionHandler
    void on(NotFound e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
