package io.tessera.system.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long browsers keep static files. Pages link them under a fingerprinted name (a hash of the content,
 * see {@code spring.web.resources.chain} in application.yml): such a name never changes meaning, so it is
 * cached for a year without asking again. The same file asked for by its plain name (an old bookmark,
 * a script that builds the URL) must be checked each time, because a new release changes it. Everything
 * else keeps Spring Security's {@code no-store}, which this filter never overrides for pages.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class StaticAssetCaching extends OncePerRequestFilter {

    private static final Pattern FINGERPRINTED = Pattern.compile("-[0-9a-f]{32}\\.[A-Za-z0-9]+$");
    private static final String[] STATIC_ROOTS = {"/css/", "/js/", "/img/", "/webjars/"};

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String root : STATIC_ROOTS) {
            if (path.startsWith(root)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean fingerprinted = FINGERPRINTED.matcher(request.getRequestURI()).find();
        response.setHeader("Cache-Control", fingerprinted ? "public, max-age=31536000, immutable" : "no-cache");
        chain.doFilter(request, new NotCachedOnError(response));
    }

    /** A missing file is not remembered for a year: an error answer is never cached. */
    private static final class NotCachedOnError extends HttpServletResponseWrapper {

        NotCachedOnError(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            setHeader("Cache-Control", "no-store");
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            setHeader("Cache-Control", "no-store");
            super.sendError(status, message);
        }

        @Override
        public void setStatus(int status) {
            if (status >= 400) {
                setHeader("Cache-Control", "no-store");
            }
            super.setStatus(status);
        }
    }
}
