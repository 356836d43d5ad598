package io.huida.server.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends the sign-in sessions of a user whom an admin disabled, deleted, gave another role or a new password: a session
 * signed in before the change is invalidated on its next request, so the user must sign in again (and a disabled or deleted
 * one cannot). Header-authenticated calls (Basic, API key, visitor token) are checked afresh on every request anyway.
 * Kept in memory, one entry per changed user.
 */
@Component
class SessionRevocation {

    /** Session attribute: when the user signed in (epoch milliseconds), set by {@link RoleLandingHandler}. */
    static final String SIGNED_IN_AT = SessionRevocation.class.getName() + ".signedInAt";

    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();

    @EventListener
    void on(UserAccountChanged event) {
        if (event.access() && !event.actor().equals(event.username())) {
            changedAt.put(event.username(), System.currentTimeMillis());
        }
    }

    /** The filter that applies the revocations; placed after the security context is loaded. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && !changedAt.isEmpty()) {
                    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
                    Long changed = caller == null ? null : changedAt.get(caller.getName());
                    if (changed != null && signedInAt(session) <= changed && fromSession(request)) {
                        session.invalidate();
                        SecurityContextHolder.clearContext();
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static long signedInAt(HttpSession session) {
        return session.getAttribute(SIGNED_IN_AT) instanceof Long at ? at : session.getCreationTime();
    }

    private static boolean fromSession(HttpServletRequest request) {
        return request.getHeader("Authorization") == null && request.getHeader(ApiKeyFilter.HEADER) == null
                && request.getHeader(VisitorTokenFilter.HEADER) == null;
    }
}
