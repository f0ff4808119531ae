package io.tessera.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first admin ({@code TESSERA_ADMIN_EMAIL}, {@code TESSERA_ADMIN_PASSWORD}, {@code TESSERA_ADMIN_NAME}). */
@ConfigurationProperties("tessera.admin")
record AdminSettings(String email, String password, String name) {
}
