package io.huida.server.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Applies {@link RateLimits} to the public HTTP endpoints: new visitor sessions ({@code POST /api/v1/visitor/sessions},
 * and a {@code /ws/chat} handshake without a token, which opens one) per IP address, and bot messages of chat visitors
 * (visitor token, role VISITOR) per session and per IP address. Over a limit the answer is 429 with
 * {@code Retry-After} and a problem detail. Signed-in users and API-key callers are not limited. Runs after Spring
 * Security's filters, so the caller is already known.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

    static final String SESSIONS = "/api/v1/visitor/sessions";
    static final String MESSAGES = "/api/v1/bot/messages";
    static final String CHAT_SOCKET = "/ws/chat";

    private final RateLimits limits;
    private final ClientAddress addresses;

    RateLimitFilter(RateLimits limits, ClientAddress addresses) {
        this.limits = limits;
        this.addresses = addresses;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !limits.enabled() || !("POST".equals(request.getMethod()) && (path.equals(SESSIONS) || path.equals(MESSAGES))
                || "GET".equals(request.getMethod()) && path.equals(CHAT_SOCKET) && request.getParameter("token") == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean visitor = hasRole(caller, "ROLE_VISITOR");
        boolean anonymous = caller == null || !caller.isAuthenticated() || hasRole(caller, "ROLE_ANONYMOUS");
        String ip = addresses.of(request);
        Optional<RateLimits.Denied> denied = Optional.empty();
        if (path(request).equals(MESSAGES)) {
            if (visitor) {
                denied = limits.visitorMessage(caller.getName(), ip);
            }
        } else if (anonymous || visitor) {
            denied = limits.newSession(ip);
        }
        if (denied.isPresent()) {
            response.setHeader("Retry-After", Long.toString(denied.get().retryAfterSeconds()));
            Problems.write(response, 429, "Too many requests", denied.get().reason());
            return;
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean hasRole(Authentication caller, String role) {
        return caller != null && caller.getAuthorities().stream().anyMatch(a -> role.equals(a.getAuthority()));
    }
}
