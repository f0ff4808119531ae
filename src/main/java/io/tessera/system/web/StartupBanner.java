package io.tessera.system.web;

import java.util.Comparator;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.system.TesseraProperties;

/**
 * Tells whoever started Tessera where to open it and whom to sign in as. The password itself is printed
 * only once, by the first-admin bootstrap, and never again.
 */
@Component
class StartupBanner {

    private final TesseraProperties properties;
    private final AgentManagement agents;

    StartupBanner(TesseraProperties properties, AgentManagement agents) {
        this.properties = properties;
        this.agents = agents;
    }

    @EventListener
    void on(ApplicationReadyEvent event) {
        String url = properties.baseUrl();
        if (url.isEmpty() && event.getApplicationContext() instanceof WebServerApplicationContext web) {
            url = "http://localhost:" + web.getWebServer().getPort() + "/";
        }
        String admin = agents.list().stream().filter(a -> a.active() && a.isAdmin())
                .min(Comparator.comparing(a -> a.id().value())).map(Agent::email).orElse("(no active admin)");
        System.out.printf("%n  Tessera is running: %s%n  Sign in as %s with the password printed on first start"
                + " (or TESSERA_ADMIN_PASSWORD).%n%n", url, admin);
    }
}
