package io.tessera.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings ({@code tessera.security.*}).
 *
 * @param maxFailedLogins    failed passwords in a row before the account is locked
 * @param lockoutDuration    how long a locked account stays locked (an admin can unlock it sooner)
 * @param rememberMeValidity how long "remember me" keeps an agent signed in
 * @param metricsToken       optional bearer token that may read {@code /actuator/prometheus}
 */
@ConfigurationProperties("tessera.security")
public record SecuritySettings(int maxFailedLogins, Duration lockoutDuration, Duration rememberMeValidity,
                               String metricsToken) {

    public SecuritySettings {
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockoutDuration = lockoutDuration == null ? Duration.ofMinutes(15) : lockoutDuration;
        rememberMeValidity = rememberMeValidity == null ? Duration.ofDays(14) : rememberMeValidity;
        metricsToken = metricsToken == null ? "" : metricsToken.trim();
    }
}
