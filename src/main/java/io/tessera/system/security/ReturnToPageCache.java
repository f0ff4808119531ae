package io.tessera.system.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

import io.tessera.system.web.MachinePaths;

/**
 * Remembers which page a signed-out person asked for, so signing in leads back to it — and nothing else.
 *
 * <p>Spring Security's default cache stores the whole request (every header, the {@code Authorization}
 * header and the cookies included) in the session, and sessions live in the database: an API call that
 * failed through the browser's chain left its bearer token or Basic password in
 * {@code spring_session_attributes} for eight hours. This cache keeps only the path and query of a
 * {@code GET} for a page (never an API, operations, error or htmx fragment request), and the redirect it
 * leads to is relative, so a forged {@code Host} header cannot choose where a person lands.
 */
final class ReturnToPageCache implements RequestCache {

    static final String ATTRIBUTE = "TESSERA_RETURN_TO";

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        if (isPageNavigation(request)) {
            request.getSession().setAttribute(ATTRIBUTE, new SimpleSavedRequest(pathAndQuery(request)));
        }
    }

    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (SavedRequest) session.getAttribute(ATTRIBUTE);
    }

    /** Never replays a stored request; only forgets it once the person has arrived at the page. */
    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = getRequest(request, response);
        if (saved != null && saved.getRedirectUrl().equals(pathAndQuery(request))) {
            removeRequest(request, response);
        }
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    private static boolean isPageNavigation(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // A path such as //evil.test would be a protocol-relative redirect to another site.
        boolean local = path.startsWith("/") && !path.startsWith("//") && path.indexOf('\\') < 0;
        return local && "GET".equals(request.getMethod())
                && request.getHeader("HX-Request") == null
                && !MachinePaths.isMachineRequest(request)
                && !path.equals("/error") && !path.startsWith("/error/")
                && !path.equals("/favicon.ico");
    }

    private static String pathAndQuery(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return query == null ? path : path + "?" + query;
    }
}
