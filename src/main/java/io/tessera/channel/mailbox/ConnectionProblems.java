package io.tessera.channel.mailbox;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;

/**
 * Turns what went wrong talking to a mail server into a sentence an admin can act on ("Authentication
 * failed: …", "Could not connect to imap.example.com:993: Connection refused"). The password never appears:
 * servers do not echo it, and should one, it is masked anyway.
 */
final class ConnectionProblems {

    private static final int MAX_LENGTH = 2000;

    private ConnectionProblems() {
    }

    static String describe(Throwable problem, MailboxSettings mailbox) {
        return mask(sentence(problem, mailbox), mailbox.password());
    }

    private static String sentence(Throwable problem, MailboxSettings mailbox) {
        String server = mailbox.host() + ":" + mailbox.port();
        if (problem instanceof AuthenticationFailedException) {
            return "Authentication failed: " + detail(problem, "the server refused the user name or password")
                    + " (Gmail needs an app password)";
        }
        if (problem instanceof FolderNotFoundException) {
            return "Folder \"" + mailbox.folder() + "\" not found on " + server;
        }
        Throwable cause = rootCause(problem);
        if (problem instanceof org.springframework.dao.DataAccessException) {
            // The database's first line says why; the rest (the failing row) is noise on a status screen.
            return "Could not store a message (it stays on the server for the next poll): "
                    + detail(cause, "database error").lines().findFirst().orElse("database error");
        }
        if (cause instanceof UnknownHostException) {
            return "Could not connect to " + server + ": unknown host " + mailbox.host();
        }
        if (cause instanceof SocketTimeoutException) {
            return "Could not connect to " + server + ": no answer in time (" + detail(cause, "timed out") + ")";
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return "Could not connect to " + server + ": " + detail(cause, "connection refused");
        }
        if (cause instanceof SSLException) {
            return "TLS with " + server + " failed: " + detail(cause, "handshake failed")
                    + " (is the security setting right for this port?)";
        }
        if (cause instanceof java.io.IOException) {
            return "Connection to " + server + " failed: " + detail(cause, cause.getClass().getSimpleName());
        }
        return detail(problem, problem.getClass().getSimpleName());
    }

    private static String detail(Throwable problem, String fallback) {
        String message = problem.getMessage();
        return message == null || message.isBlank() ? fallback : message.strip();
    }

    private static Throwable rootCause(Throwable problem) {
        Throwable cause = problem;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String mask(String text, String password) {
        // Short passwords are not masked: hiding "a" would garble the sentence and reveal nothing anyway.
        String masked = password != null && password.length() >= 4 ? text.replace(password, "********") : text;
        return masked.length() <= MAX_LENGTH ? masked : masked.substring(0, MAX_LENGTH);
    }
}
