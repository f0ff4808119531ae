package io.tessera.conversation.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.tessera.ticket.TicketNotFound;

/** A missing ticket, or one the agent may not see, is the ordinary 404 page. */
@ControllerAdvice(basePackageClasses = TicketPageErrors.class)
class TicketPageErrors {

    @ExceptionHandler
    void on(TicketNotFound e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
