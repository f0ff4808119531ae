package io.tessera.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole application on a real port and a real database (H2 or PostgreSQL, see
 * {@link TestDatabase}), with a {@link MutableClock} and a known admin ({@link #ADMIN_EMAIL}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DatabaseAvailability.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tessera.admin.email=" + IntegrationTest.ADMIN_EMAIL,
        "tessera.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
        "tessera.admin.name=Ada Admin",
        // A quiet install: no default triggers or automations acting on other tests' tickets (DefaultRulesIntegrationTests).
        "tessera.rules.defaults=false",
        // Tests run automations and webhook sending themselves (runNow, sendDue), at the moment they choose.
        "tessera.automation.interval=1h", "tessera.webhooks.interval=1h",
        // Tests that receive mail by SMTP start their own receiver on a free port (MailTestSupport).
        "tessera.mail.smtp-receiver-port=0",
        // The mail servers and webhook receivers of the tests listen on this machine; production allows no such
        // host by default (OutgoingConnectionsIntegrationTests proves the refusal with nothing allowed).
        "tessera.security.allow-private-hosts=127.0.0.1,::1,localhost"})
@ContextConfiguration(initializers = TestDatabase.class)
@Import(MutableClock.Configuration.class)
public @interface IntegrationTest {

    String ADMIN_EMAIL = "ada@example.test";
    String ADMIN_PASSWORD = "correct-horse-battery";
}
