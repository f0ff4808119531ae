package io.tessera.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL run needs a reachable PostgreSQL. Locally its absence skips the run with a message
 * saying so; under {@code CI=true} it is a failure, because CI must prove both databases.
 */
public class DatabaseAvailability implements ExecutionCondition {

    private static Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.postgres()) {
            return ConditionEvaluationResult.enabled("H2 run");
        }
        if (reachable == null) {
            reachable = TestDatabase.postgresReachable();
        }
        if (reachable) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + TestDatabase.POSTGRES_URL);
        }
        String message = "PostgreSQL is not reachable at " + TestDatabase.POSTGRES_URL + " as user "
                + TestDatabase.POSTGRES_USER;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + ": CI=true requires the PostgreSQL run. Start PostgreSQL "
                    + "(pg_ctlcluster --skip-systemctl-redirect <version> main start) and run again.");
        }
        System.err.println("SKIPPED the PostgreSQL run: " + message + ". Start PostgreSQL to run it (mandatory under CI=true).");
        return ConditionEvaluationResult.disabled("SKIPPED: " + message);
    }
}
