package io.tessera.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.tessera.shared.HostPolicy;

/** TESSERA_ALLOW_PRIVATE_HOSTS as Spring reads it: allows what it lists, and a bad entry stops the start. */
class OutgoingConnectionsConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(OutgoingConnectionsConfiguration.class);

    @Test
    void unsetAllowsNothingInternal() {
        context.run(started -> assertThat(started.getBean(HostPolicy.class)
                .refusal("x", InetAddress.getByName("10.1.2.3"))).isPresent());
    }

    @Test
    void theListedHostsAreAllowed() {
        context.withPropertyValues("tessera.security.allow-private-hosts=10.20.0.0/16, exchange.corp.local")
                .run(started -> {
                    HostPolicy policy = started.getBean(HostPolicy.class);
                    assertThat(policy.refusal("x", InetAddress.getByName("10.20.1.2"))).isEmpty();
                    assertThat(policy.refusal("exchange.corp.local", InetAddress.getByName("10.99.1.2"))).isEmpty();
                    assertThat(policy.refusal("x", InetAddress.getByName("10.21.1.2"))).isPresent();
                });
    }

    @Test
    void anInvalidEntryStopsTheStartNamingIt() {
        context.withPropertyValues("tessera.security.allow-private-hosts=127.0.0.1,10.0.0.0/33")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessage("TESSERA_ALLOW_PRIVATE_HOSTS: '10.0.0.0/33': an IPv4 prefix is 0 to 32 bits"));
    }
}
