package io.tessera.system.security;

import javax.sql.DataSource;

import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.util.Map;

import jakarta.servlet.DispatcherType;

import io.tessera.identity.AgentAccounts;
import io.tessera.identity.AgentAuthenticationProvider;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.SecuritySettings;
import io.tessera.identity.TooManySignInAttempts;
import io.tessera.system.InstallSecret;

/**
 * Three filter chains, one per kind of client:
 * <ol>
 *   <li>{@code /api/**} (and the error dispatch of such a request): stateless; API token (Bearer) or HTTP Basic; 401/403 as problem JSON; no CSRF
 *       because no cookie is ever read.</li>
 *   <li>{@code /actuator/**}: health is public and without details; Prometheus for admins or the metrics token.</li>
 *   <li>everything else: the browser; form sign-in with CSRF, remember-me, throttled sign-in.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    /** Features no page of Tessera uses, denied to every page and anything embedded in it. */
    private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
            + "display-capture=(), browsing-topics=()";

    /** Machine answers are read by their client only: no other site may embed them or open a window onto them. */
    private static void isolationHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                .crossOriginResourcePolicy(corp -> corp.policy(CrossOriginResourcePolicy.SAME_ORIGIN));
    }

    /** Passwords (form and HTTP Basic) and remember-me cookies; API tokens are checked by {@link BearerTokenFilter}. */
    @Bean
    AuthenticationManager authenticationManager(AgentAuthenticationProvider agents, InstallSecret secret) {
        return new ProviderManager(agents, new RememberMeAuthenticationProvider(secret.value()));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, ApiTokens tokens,
                            ProblemResponses problems) throws Exception {
        return http.securityMatcher(MachineChains.API)
                .authorizeHttpRequests(requests -> requests
                        // Rendering the error of a request this chain already let through (or refused).
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // Mail intake (the MTA pipe) and the outbox are for admins and their integrations.
                        .requestMatchers("/api/v1/admin/**", "/api/v1/mail/**", "/api/v1/outbox", "/api/v1/outbox/**").hasRole("ADMIN")
                        .anyRequest().hasRole("AGENT"))
                .authenticationManager(authenticationManager)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, problems, ""), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityConfiguration::isolationHeaders)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http, AuthenticationManager authenticationManager, ApiTokens tokens,
                                   ProblemResponses problems, SecuritySettings settings) throws Exception {
        return http.securityMatcher(MachineChains.OPERATIONS)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole("ADMIN", "METRICS")
                        .anyRequest().hasRole("ADMIN"))
                .authenticationManager(authenticationManager)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, problems, settings.metricsToken()),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityConfiguration::isolationHeaders)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain browser(HttpSecurity http, AuthenticationManager authenticationManager,
                                AgentAccounts accounts, PersistentTokenRepository rememberMeTokens,
                                InstallSecret secret, SecuritySettings settings) throws Exception {
        var failures = new ExceptionMappingAuthenticationFailureHandler();
        // Known, unknown and deactivated emails get the same answers: "wrong" or "wait" (docs/security.md).
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(
                TooManySignInAttempts.class.getName(), "/login?throttled",
                DisabledException.class.getName(), "/login?error"));
        return http
                .authorizeHttpRequests(requests -> requests
                        // Error pages of requests already authorised or refused; they show nothing private.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().hasRole("AGENT"))
                .authenticationManager(authenticationManager)
                .requestCache(cache -> cache.requestCache(new ReturnToPageCache()))
                .formLogin(form -> form.loginPage("/login").usernameParameter("email")
                        .failureHandler(failures).defaultSuccessUrl("/", false).permitAll())
                .rememberMe(remember -> remember
                        .tokenRepository(rememberMeTokens)
                        .userDetailsService(accounts)
                        .key(secret.value())
                        .rememberMeParameter("remember-me")
                        .tokenValiditySeconds((int) settings.rememberMeValidity().toSeconds()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("SESSION", "remember-me"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                        .crossOriginResourcePolicy(corp -> corp.policy(CrossOriginResourcePolicy.SAME_ORIGIN)))
                .build();
    }

    /** The remember-me cookie gets the same SameSite as the session cookie (Spring writes it without one). */
    @Bean
    CookieSameSiteSupplier rememberMeCookieSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName("remember-me");
    }

    @Bean
    PersistentTokenRepository rememberMeTokens(DataSource dataSource) {
        var repository = new JdbcTokenRepositoryImpl();
        repository.setDataSource(dataSource);
        return repository;
    }
}
