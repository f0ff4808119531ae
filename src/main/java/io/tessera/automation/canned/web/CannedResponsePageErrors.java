package io.tessera.automation.canned.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.tessera.automation.canned.CannedResponseForbidden;
import io.tessera.automation.canned.CannedResponseNotFound;

/** No such canned response is the ordinary 404 page; someone else's, or a shared one for an agent, the 403 page. */
@ControllerAdvice(basePackageClasses = CannedResponsePageErrors.class)
class CannedResponsePageErrors {

    @ExceptionHandler
    void on(CannedResponseNotFound e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler
    void on(CannedResponseForbidden e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
