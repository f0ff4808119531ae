package io.tessera.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Virus-scanning tests need a real clamd at {@link #ADDRESS} with the EICAR test signature (.ci/run sets
 * one up). Locally its absence skips them with a message saying so; under {@code CI=true} it is a failure,
 * like a missing PostgreSQL ({@link DatabaseAvailability}).
 */
public class ClamdAvailability implements ExecutionCondition {

    /** Where .ci/run starts clamd; a constant, so test classes can name it in their properties. */
    public static final String ADDRESS = "127.0.0.1:3310";

    private static Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (reachable == null) {
            reachable = answersPing();
        }
        if (reachable) {
            return ConditionEvaluationResult.enabled("clamd answers at " + ADDRESS);
        }
        String message = "clamd does not answer PING at " + ADDRESS;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + ": CI=true requires the virus-scanning tests. .ci/run installs "
                    + "and starts clamd (see docs/testing.md); run it, or start clamd, and run again.");
        }
        System.err.println("SKIPPED the virus-scanning tests: " + message + ". Start clamd (see docs/testing.md) to run "
                + "them (mandatory under CI=true).");
        return ConditionEvaluationResult.disabled("SKIPPED: " + message);
    }

    private static boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 3310), 2000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return "PONG".equals(new String(in.readNBytes(4), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }
}
