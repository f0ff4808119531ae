package io.tessera.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;

/**
 * Signs this browser out after "sign out everywhere" ended the agent's own sessions: the session is
 * invalidated here rather than written back at the end of the request, and the cookies are dropped.
 */
final class SignOut {

    private SignOut() {
    }

    static String thisBrowser(HttpServletRequest request, HttpServletResponse response) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        new CookieClearingLogoutHandler("SESSION", "remember-me").logout(request, response, authentication);
        return "redirect:/login?signedOut";
    }
}
