package io.tessera.identity;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Email and password sign-in (the form and HTTP Basic) with lockout: counts wrong passwords and resets
 * the count on success. The locked check itself happens before the password is compared (see
 * {@link SignedInAgent#isAccountNonLocked()}), so a locked account does not reveal whether a guess was right.
 */
@Component
public class AgentAuthenticationProvider extends DaoAuthenticationProvider {

    private final SignInAttempts attempts;

    AgentAuthenticationProvider(AgentAccounts accounts, PasswordEncoder passwordEncoder, SignInAttempts attempts) {
        super(accounts);
        setPasswordEncoder(passwordEncoder);
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName();
        try {
            Authentication result = super.authenticate(authentication);
            attempts.succeeded(email);
            return result;
        } catch (BadCredentialsException e) {
            attempts.failed(email);
            throw e;
        }
    }
}
