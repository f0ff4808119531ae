package io.tessera.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Install-wide settings ({@code tessera.*}, from {@code TESSERA_*} environment variables).
 *
 * @param dataDir where the H2 database, attachments and the search index live
 * @param demo    load demo data; blank means "only on the embedded H2 default"
 * @param baseUrl the public URL of this install, used in links; blank means "derive from the request"
 */
@ConfigurationProperties("tessera")
public record TesseraProperties(Path dataDir, String demo, String baseUrl) {

    public TesseraProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        demo = demo == null ? "" : demo.trim();
        baseUrl = baseUrl == null ? "" : baseUrl.trim();
    }
}
