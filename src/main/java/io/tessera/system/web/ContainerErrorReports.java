package io.tessera.system.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before Spring sees the request — a malformed request line, an invalid
 * percent-encoding ({@code /api/v1/%zz}), a header too large. Tomcat's own report is an HTML page naming
 * the server and its version; this replaces it on the host: API and operations paths get an RFC 9457
 * problem like every other API error, everything else a short page that names nothing.
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // The host exists once the context is added to it; by then the host has installed its own valve.
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() != null) {
                replaceReportValve(context.getParent());
            }
        }));
    }

    private static void replaceReportValve(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(valve);
                host.getPipeline().addValve(new ProblemReportValve());
            }
        }
    }

    /** Tomcat's error report, as a problem for machines and a plain page for people. */
    static final class ProblemReportValve extends ErrorReportValve {

        ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String reason = known == null ? "Error" : known.getReasonPhrase();
            // A request line Tomcat could not parse has no path at all: browsers never send one, so the
            // client is a program and gets the answer a program can read.
            String path = request.getRequestURI();
            boolean machine = path == null || path.isEmpty() || MachinePaths.isMachinePath(path);
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setContentType(machine ? "application/problem+json" : "text/html");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(machine ? problem(status, reason) : page(status, reason));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response was taken over; nothing more to tell it.
            }
        }

        private static String problem(int status, String reason) {
            return "{\"type\":\"about:blank\",\"title\":\"" + reason + "\",\"status\":" + status
                    + ",\"detail\":\"The request could not be understood: check the path, its encoding and the headers.\"}";
        }

        private static String page(int status, String reason) {
            return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " " + reason
                    + " · Tessera</title></head><body><h1>" + status + " " + reason
                    + "</h1><p>Tessera could not understand this request. Check the address and try again.</p>"
                    + "<p><a href=\"/\">Back to Tessera</a></p></body></html>";
        }
    }
}
