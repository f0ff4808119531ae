package io.tessera.view.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.tessera.view.InvalidView;
import io.tessera.view.ViewForbidden;
import io.tessera.view.ViewNotFound;

/** A view the agent may not see is the ordinary 404 page; one they may not change, the 403 page; a bad cursor, 400. */
@ControllerAdvice(basePackageClasses = ViewPageErrors.class)
class ViewPageErrors {

    @ExceptionHandler
    void on(ViewNotFound e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    /** A forged or foreign cursor in a list's URL. */
    @ExceptionHandler
    void on(InvalidView e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    @ExceptionHandler
    void on(ViewForbidden e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
