package io.tessera.system.security;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import io.tessera.identity.ApiTokens;
import io.tessera.identity.SignedInAgent;

/**
 * Authenticates {@code Authorization: Bearer …} with a personal API token, or, on the operations chain,
 * with the configured metrics token. A bearer header that matches nothing is answered with 401 at once:
 * a client that sent a token expects it to be used, not to fall through as anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint entryPoint;
    private final String metricsToken;

    BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint, String metricsToken) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
        this.metricsToken = metricsToken;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(PREFIX.length()).trim();
        Optional<Authentication> authentication = authenticate(secret);
        if (authentication.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Invalid or revoked API token"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private Optional<Authentication> authenticate(String secret) {
        if (!metricsToken.isEmpty() && constantTimeEquals(secret, metricsToken)) {
            return Optional.of(new MetricsScraper());
        }
        return tokens.authenticate(secret).map(BearerTokenFilter::agentAuthentication);
    }

    private static Authentication agentAuthentication(SignedInAgent agent) {
        return UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities());
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** The Prometheus scraper: may read metrics and nothing else. */
    static final class MetricsScraper extends AbstractAuthenticationToken {

        MetricsScraper() {
            super(List.of(new SimpleGrantedAuthority("ROLE_METRICS")));
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return "metrics";
        }
    }
}
