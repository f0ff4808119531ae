package io.tessera.system.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests come from machines: the API ({@code /api/…}) and operations ({@code /actuator/…}). They
 * never get a session, a redirect or an HTML page, whatever went wrong — so the test is made on the path
 * as the client wrote it, after folding what a lenient server would fold ({@code //api/v1/me},
 * {@code /api;x=1/v1}), and on an error dispatch on the path that failed rather than on {@code /error}.
 */
public final class MachinePaths {

    private MachinePaths() {
    }

    /** Whether this request, or the request whose error is being rendered, is for the API or operations. */
    public static boolean isMachineRequest(HttpServletRequest request) {
        return isMachinePath(requestedPath(request));
    }

    /** The path the client asked for: on an error dispatch the one that failed, not {@code /error}. */
    public static String requestedPath(HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            return failed == null ? null : failed.toString();
        }
        return request.getRequestURI();
    }

    /** Whether a raw request path is under {@code /api/} or {@code /actuator/}, however it is spelled. */
    public static boolean isMachinePath(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        String path = normalize(rawPath);
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/actuator") || path.startsWith("/actuator/");
    }

    /** Repeated slashes folded, path parameters ({@code ;…}) and the query dropped, lower case. */
    public static String normalize(String rawPath) {
        int query = rawPath.indexOf('?');
        String path = query < 0 ? rawPath : rawPath.substring(0, query);
        StringBuilder folded = new StringBuilder(path.length());
        boolean inParameter = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == ';') {
                inParameter = true;
            } else if (c == '/') {
                inParameter = false;
                if (folded.length() == 0 || folded.charAt(folded.length() - 1) != '/') {
                    folded.append('/');
                }
            } else if (!inParameter) {
                folded.append(Character.toLowerCase(c));
            }
        }
        return folded.toString();
    }
}
