package io.tessera.system.web;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.tessera.system.TesseraProperties;

/** Tells whoever started Tessera where to open it. */
@Component
class StartupBanner {

    private final TesseraProperties properties;

    StartupBanner(TesseraProperties properties) {
        this.properties = properties;
    }

    @EventListener
    void on(ApplicationReadyEvent event) {
        String url = properties.baseUrl();
        if (url.isEmpty() && event.getApplicationContext() instanceof WebServerApplicationContext web) {
            url = "http://localhost:" + web.getWebServer().getPort() + "/";
        }
        System.out.printf("%n  Tessera is running: %s%n  Sign in with the admin email and password (see above on first start,"
                + " or TESSERA_ADMIN_EMAIL / TESSERA_ADMIN_PASSWORD).%n%n", url);
    }
}
