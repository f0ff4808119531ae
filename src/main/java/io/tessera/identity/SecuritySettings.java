package io.tessera.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings ({@code tessera.security.*}). Failed sign-ins are counted over the last day; past a
 * limit, the next attempt waits, and each further failure doubles the wait up to {@code lockoutDuration}
 * (see {@link SignInDelay}).
 *
 * @param maxFailedLogins           failed passwords for one account from one client address before waits start
 * @param lockoutDuration           the longest wait between attempts (the name is from when this was a lock)
 * @param rememberMeValidity        how long "remember me" keeps an agent signed in
 * @param metricsToken              optional bearer token that may read {@code /actuator/prometheus}
 * @param maxFailedLoginsPerAddress failed passwords from one client address, for any accounts, before waits start
 * @param maxFailedLoginsPerAccount failed passwords for one account, from any addresses, before addresses the
 *                                  account has not signed in from wait
 */
@ConfigurationProperties("tessera.security")
public record SecuritySettings(int maxFailedLogins, Duration lockoutDuration, Duration rememberMeValidity,
                               String metricsToken, int maxFailedLoginsPerAddress, int maxFailedLoginsPerAccount) {

    public SecuritySettings {
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockoutDuration = lockoutDuration == null || lockoutDuration.isNegative() || lockoutDuration.isZero()
                ? Duration.ofMinutes(15) : lockoutDuration;
        rememberMeValidity = rememberMeValidity == null ? Duration.ofDays(14) : rememberMeValidity;
        metricsToken = metricsToken == null ? "" : metricsToken.trim();
        maxFailedLoginsPerAddress = maxFailedLoginsPerAddress <= 0 ? 20 : maxFailedLoginsPerAddress;
        maxFailedLoginsPerAccount = maxFailedLoginsPerAccount <= 0 ? 20 : maxFailedLoginsPerAccount;
    }
}
