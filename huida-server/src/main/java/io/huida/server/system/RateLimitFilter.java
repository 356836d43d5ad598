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
import java.time.Clock;

/**
 * Rate limits on the public endpoints ({@link RateLimitProperties}): new visitor sessions per IP address, and bot
 * messages of chat visitors (visitor token, role VISITOR) per session and per IP address. Over the limit the answer is
 * 429 with {@code Retry-After} and a problem detail. Signed-in users and API-key callers are not limited. Runs after
 * Spring Security's filters, so the caller is already known.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

    static final String SESSIONS = "/api/v1/visitor/sessions";
    static final String MESSAGES = "/api/v1/bot/messages";

    private final RateLimitProperties properties;
    private final ClientAddress addresses;
    private final TokenBuckets sessionsPerIp;
    private final TokenBuckets messagesPerVisitor;
    private final TokenBuckets messagesPerIp;

    RateLimitFilter(RateLimitProperties properties, ClientAddress addresses) {
        this.properties = properties;
        this.addresses = addresses;
        Clock clock = Clock.systemUTC();
        this.sessionsPerIp = new TokenBuckets(properties.sessionsPerIp(), properties.maxKeys(), clock);
        this.messagesPerVisitor = new TokenBuckets(properties.messagesPerVisitor(), properties.maxKeys(), clock);
        this.messagesPerIp = new TokenBuckets(properties.messagesPerIp(), properties.maxKeys(), clock);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !properties.enabled() || !"POST".equals(request.getMethod())
                || !(path.equals(SESSIONS) || path.equals(MESSAGES));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean visitor = hasRole(caller, "ROLE_VISITOR");
        boolean anonymous = caller == null || !caller.isAuthenticated() || hasRole(caller, "ROLE_ANONYMOUS");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String ip = addresses.of(request);
        long wait = 0;
        String what = null;
        if (path.equals(SESSIONS) && (anonymous || visitor)) {
            wait = sessionsPerIp.take(ip);
            what = "at most " + properties.sessionsPerIp() + " new chat sessions a minute from one address";
        } else if (path.equals(MESSAGES) && visitor) {
            wait = messagesPerVisitor.take(caller.getName());
            what = "at most " + properties.messagesPerVisitor() + " messages a minute in one chat session";
            if (wait == 0) {
                wait = messagesPerIp.take(ip);
                what = "at most " + properties.messagesPerIp() + " chat messages a minute from one address";
            }
        }
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            Problems.write(response, 429, "Too many requests", what + "; retry in " + wait + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasRole(Authentication caller, String role) {
        return caller != null && caller.getAuthorities().stream().anyMatch(a -> role.equals(a.getAuthority()));
    }
}
