package io.tessera.system.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.ObjectMapper;

/**
 * The size limit of an API request body, enforced before anything parses it: a declared length over the
 * limit is refused at once (413) without reading a byte, and a body without a length (chunked) is cut off
 * as soon as it passes the limit. Without this a 60 MB JSON body was read and parsed in full before the
 * 400 came. Files have their own, larger limits (multipart uploads, {@code tessera.attachments.*}), as
 * does whole mail sent to the MTA pipe ({@code tessera.mail.receiver-limit}); both are left to their
 * endpoints.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiBodyLimit extends OncePerRequestFilter {

    private final long limit;
    private final ObjectMapper json;

    ApiBodyLimit(@Value("${tessera.api.max-body-size:2MB}") DataSize limit, ObjectMapper json) {
        this.limit = limit.toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = request.getContentType();
        return !path.startsWith("/api/")
                || path.equals("/api/v1/mail/raw")
                || type != null && type.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            refuse(request, response);
            return;
        }
        var limited = new LimitedRequest(request, limit);
        try {
            chain.doFilter(limited, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!limited.exceeded() || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            refuse(request, response);
            return;
        }
        if (limited.exceeded() && !response.isCommitted()) {
            response.resetBuffer();
            refuse(request, response);
        }
    }

    /** The problem for a body over the limit, here and in {@link ApiProblems}. */
    static ProblemDetail tooLarge(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + DataSize.ofBytes(limit).toKilobytes()
                        + " KB, the limit for API requests (TESSERA_API_MAX_BODY_SIZE). Send files as multipart uploads.");
        problem.setTitle("Request too large");
        problem.setProperty("limitBytes", limit);
        return problem;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = tooLarge(limit);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // The rest of an oversized body is not read: the connection is closed after this answer.
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Reading a body past the limit; {@link ApiProblems} answers it with 413 wherever the parser wrapped it. */
    static final class BodyTooLarge extends IOException {

        private final long limit;

        BodyTooLarge(long limit) {
            super("Request body over the limit of " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    /** A request whose body stream ends in an error once more than the limit has been read. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private LimitedStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        boolean exceeded() {
            return stream != null && stream.exceeded;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;
        private boolean exceeded;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                exceeded = true;
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
