package io.tessera.customer.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.tessera.customer.NotFound;

/** A missing customer or organization on a page is the ordinary 404 page; an unknown cursor restarts the list. */
@ControllerAdvice(basePackageClasses = CustomerPageErrors.class)
class CustomerPageErrors {

    @ExceptionHandler
    void on(NotFound e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
