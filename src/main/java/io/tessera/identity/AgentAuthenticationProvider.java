package io.tessera.identity;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Email and password sign-in (the form and HTTP Basic), throttled by {@link SignInAttempts}: an attempt
 * that comes too soon after failures is refused before any password is compared, wrong passwords are
 * recorded, and a right one forgets this address's failures for the account.
 *
 * <p>Unknown emails cost the same bcrypt comparison as known ones (Spring's timing-attack protection),
 * and the deactivated check runs only after the password matched, so a wrong password answers the
 * same for an agent, a deactivated agent and an email that is nobody's.
 */
@Component
public class AgentAuthenticationProvider extends DaoAuthenticationProvider {

    /** Stands in when a request carries no client address (never the case over HTTP). */
    static final String UNKNOWN_ADDRESS = "unknown";

    private final SignInAttempts attempts;

    AgentAuthenticationProvider(AgentAccounts accounts, PasswordEncoder passwordEncoder, SignInAttempts attempts) {
        super(accounts);
        setPasswordEncoder(passwordEncoder);
        setPreAuthenticationChecks(agent -> {
        });
        setPostAuthenticationChecks(agent -> {
            if (!agent.isEnabled()) {
                throw new DisabledException("The agent is deactivated");
            }
        });
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName();
        String address = clientAddress(authentication);
        attempts.checkAllowed(email, address);
        try {
            Authentication result = super.authenticate(authentication);
            attempts.succeeded(email, address);
            return result;
        } catch (BadCredentialsException e) {
            attempts.failed(email, address);
            throw e;
        }
    }

    // The form and HTTP Basic filters both attach the request's remote address; behind a proxy it is the
    // client's only when server.forward-headers-strategy trusts the proxy's X-Forwarded-For.
    private static String clientAddress(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return UNKNOWN_ADDRESS;
    }
}
