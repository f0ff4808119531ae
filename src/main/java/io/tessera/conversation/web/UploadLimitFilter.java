package io.tessera.conversation.web;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import io.tessera.conversation.AttachmentTooLarge;
import io.tessera.conversation.Attachments;

/**
 * The ticket page's reply form with a file over the limit. The container refuses such a multipart body
 * while the CSRF check reads the form's parameters — before any controller or advice — with an exception
 * that would otherwise end as a bare "413" error page. This filter, just outside the security chain,
 * turns it into what the agent needs: back to the ticket, with the limit in a message. (The page checks
 * sizes before sending, so agents with script never lose their text this way.)
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class UploadLimitFilter extends OncePerRequestFilter {

    private static final Pattern TICKET_PAGE = Pattern.compile("/tickets/(\\d+)");

    private final Attachments attachments;
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    UploadLimitFilter(Attachments attachments) {
        this.attachments = attachments;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null || !type.toLowerCase().startsWith("multipart/")
                || !TICKET_PAGE.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException e) {
            if (!tooLarge(e) || response.isCommitted()) {
                throw e;
            }
            Matcher page = TICKET_PAGE.matcher(path(request));
            page.matches();
            String target = request.getContextPath() + "/tickets/" + page.group(1);
            FlashMap flash = new FlashMap();
            flash.put("flashError", new AttachmentTooLarge(attachments.maxSize()).getMessage());
            flash.setTargetRequestPath(target);
            flashMaps.saveOutputFlashMap(flash, request, response);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", target);
        }
    }

    /** The container's "too large" refusal, whichever wrapper it comes in (its types are not part of the API). */
    private static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            if (name.contains("SizeException") || name.contains("SizeLimitExceeded") || name.equals("MaxUploadSizeExceededException")
                    || (cause.getMessage() != null && cause.getMessage().contains("exceeds its maximum permitted size"))) {
                return true;
            }
        }
        return false;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
