package io.tessera.automation.macro.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.tessera.automation.macro.MacroForbidden;
import io.tessera.automation.macro.MacroNotFound;
import io.tessera.ticket.TicketNotFound;

/**
 * No such macro, or a ticket the agent may not see, is the ordinary 404 page; someone else's macro, or a
 * shared one for an agent, the 403 page.
 */
@ControllerAdvice(basePackageClasses = MacroPageErrors.class)
class MacroPageErrors {

    @ExceptionHandler
    void on(MacroNotFound e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler
    void on(TicketNotFound e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler
    void on(MacroForbidden e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
