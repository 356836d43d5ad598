package io.huida.server.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Rejects oversized JSON bodies on the API before they are read: a declared length over the limit gets
 * 413 with a problem detail; a chunked body is cut off at the limit (and fails to parse: 400). File uploads
 * (multipart) have their own, larger limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** Largest JSON request body accepted by the API. */
    static final long MAX_JSON_BYTES = 64 * 1024;
    /** Largest flows file (YAML) accepted by the flows import. */
    static final long MAX_FLOWS_BYTES = io.huida.engine.dialog.flow.FlowParser.MAX_BYTES;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !request.getRequestURI().startsWith("/api/")
                || (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long max = request.getRequestURI().equals("/api/v1/kb/flows/import") ? MAX_FLOWS_BYTES : MAX_JSON_BYTES;
        if (length > max) {
            Problems.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Payload too large",
                    "request body has " + length + " bytes, more than " + max);
            return;
        }
        chain.doFilter(length < 0 ? new Limited(request, max) : request, response);
    }

    /** Ends the body stream after {@code max} bytes. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long max;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    if (read >= max) {
                        return -1;
                    }
                    int b = in.read();
                    if (b >= 0) {
                        read++;
                    }
                    return b;
                }

                @Override
                public boolean isFinished() {
                    return read >= max || in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
