package io.tessera.system.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;

import io.tessera.system.web.MachinePaths;

/**
 * Which requests the stateless API and operations chains handle. Besides their paths, they take the error
 * dispatch of a request to those paths (and of spellings the firewall refuses, such as {@code //api/v1/me}):
 * left to the browser's chain, rendering that error could create a session and answer with a sign-in page.
 */
final class MachineChains {

    static final RequestMatcher API = request -> matches(request, "/api");
    static final RequestMatcher OPERATIONS = request -> matches(request, "/actuator");

    private MachineChains() {
    }

    private static boolean matches(HttpServletRequest request, String root) {
        String path = MachinePaths.requestedPath(request);
        if (!MachinePaths.isMachinePath(path)) {
            return false;
        }
        String folded = MachinePaths.normalize(path);
        return folded.equals(root) || folded.startsWith(root + "/");
    }
}
