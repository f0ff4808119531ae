package io.tessera.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.tessera.shared.HostPolicy;

/**
 * The {@link HostPolicy} for connections to hosts admins name (SMTP server, mailboxes, webhooks), with the
 * allow-list from {@code tessera.security.allow-private-hosts} ({@code TESSERA_ALLOW_PRIVATE_HOSTS},
 * docs/security.md "Outgoing connections"). An entry that is not an address, CIDR range or host name stops
 * the start with a message naming it: better than running with an allow-list that does not say what was meant.
 */
@Configuration(proxyBeanMethods = false)
class OutgoingConnectionsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutgoingConnectionsConfiguration.class);

    @Bean
    HostPolicy hostPolicy(@Value("${tessera.security.allow-private-hosts:}") String allowed) {
        HostPolicy policy = HostPolicy.allowing(allowed);
        if (!policy.allowed().isEmpty()) {
            log.info("Outgoing connections may reach these internal hosts ({}): {}", HostPolicy.SETTING,
                    String.join(", ", policy.allowed()));
        }
        return policy;
    }
}
