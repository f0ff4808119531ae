package io.tessera.system.security;

import java.io.IOException;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

import io.tessera.system.web.MachinePaths;

/**
 * The guarantee behind "no request under {@code /api/} ever creates a session": whatever code runs for an
 * API or operations request (or renders its error), asking for a new session fails loudly instead of
 * writing one — with the request's credentials in it — to the session table. The API chain is stateless
 * already; this makes a future mistake a visible error in the tests rather than a silent leak.
 *
 * <p>It sits just inside Spring Session's filter, so it wraps the request whose {@code getSession} would
 * create a database session.
 */
@Configuration(proxyBeanMethods = false)
class NoSessionForMachines {

    @Bean
    FilterRegistrationBean<Filter> noSessionForMachinesFilter() {
        var registration = new FilterRegistrationBean<Filter>(new Guard());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** On every dispatch (an error dispatch starts again from the container's own request object). */
    static final class Guard implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            boolean machine = request instanceof HttpServletRequest http && MachinePaths.isMachineRequest(http);
            chain.doFilter(machine ? new Sessionless((HttpServletRequest) request) : request, response);
        }
    }

    /** A request that may read an existing session (a browser's cookie is simply ignored) but never make one. */
    static final class Sessionless extends HttpServletRequestWrapper {

        Sessionless(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            if (create) {
                throw new IllegalStateException("No session may be created for an API or operations request ("
                        + getRequestURI() + ")");
            }
            return null;
        }

        @Override
        public String changeSessionId() {
            throw new IllegalStateException("API and operations requests have no session");
        }
    }
}
