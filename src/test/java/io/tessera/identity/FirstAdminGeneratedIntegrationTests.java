package io.tessera.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import io.tessera.testing.DatabaseAvailability;
import io.tessera.testing.HttpSession;
import io.tessera.testing.TestDatabase;

/** Without TESSERA_ADMIN_EMAIL/PASSWORD the first admin gets a generated password, printed once. */
@ExtendWith({DatabaseAvailability.class, OutputCaptureExtension.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tessera.admin.email=", "tessera.admin.password=", "tessera.admin.name="})
@ContextConfiguration(initializers = TestDatabase.class)
class FirstAdminGeneratedIntegrationTests {

    private static final Pattern PRINTED = Pattern.compile("Password \\(shown only now\\): (\\S+)");

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Autowired
    ApplicationContext context;

    @Test
    void generatesAPasswordPrintsItOnceAndItWorks(CapturedOutput output) throws Exception {
        Matcher printed = PRINTED.matcher(output.getOut());
        assertThat(printed.find()).as("password printed on first start").isTrue();
        String password = printed.group(1);
        assertThat(output.getOut()).contains("First admin created: admin@tessera.localhost");
        assertThat(output.getAll()).containsOnlyOnce(password);

        Agent admin = agents.findByEmail("admin@tessera.localhost").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(new HttpSession(port).signIn("admin@tessera.localhost", password, false).location()).endsWith("/");

        // A restart on the same database (the bootstrap runs again) creates nobody and prints nothing.
        ApplicationArguments none = new DefaultApplicationArguments();
        int before = agents.list().size();
        for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
            runner.run(none);
        }
        assertThat(agents.list()).hasSize(before);
        assertThat(output.getAll()).containsOnlyOnce(password);
    }
}
