package io.tessera.channel.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.tessera.identity.NotFound;

/** A team that does not exist, on an email admin page, is the ordinary 404 page. */
@ControllerAdvice(basePackageClasses = EmailAdminErrors.class)
class EmailAdminErrors {

    @ExceptionHandler
    void on(NotFound e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
