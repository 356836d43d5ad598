package io.huida.server.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes sign-ins, user and API-key changes to the {@link AuditLog}. HTTP Basic clients sign in on every call, so a
 * user's successes from one address are recorded at most once per {@link #SUCCESS_INTERVAL}; failures always are,
 * with the attempted username and the reason but never the password.
 */
@Component
class AuditListener {

    static final Duration SUCCESS_INTERVAL = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    private final AuditLog log;
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();

    AuditListener(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String user = event.getAuthentication().getName();
        String how = how();
        String key = user + '\u0000' + how + '\u0000' + remoteAddress();
        Instant now = Instant.now();
        Instant last = lastSuccess.get(key);
        if (last != null && last.isAfter(now.minus(SUCCESS_INTERVAL))) {
            return;
        }
        if (lastSuccess.size() >= MAX_REMEMBERED) {
            lastSuccess.clear();
        }
        lastSuccess.put(key, now);
        log.record(user, "LOGIN_SUCCESS", user, how);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String user = event.getAuthentication().getName();
        lastSuccess.keySet().removeIf(k -> k.startsWith(user + '\u0000'));
        String reason = event.getException().getClass().getSimpleName().replace("Exception", "");
        log.record(user == null || user.isBlank() ? "-" : user, "LOGIN_FAILURE", user, how() + ": " + reason);
    }

    @EventListener
    void onUser(UserAccountChanged event) {
        log.record(event.actor(), "USER_" + event.kind(), event.username(), event.detail());
    }

    @EventListener
    void onApiKey(ApiKeyChanged event) {
        log.record(event.actor(), "API_KEY_" + event.kind(), event.name(),
                "key " + event.prefix() + "…, id " + event.id() + ", role " + event.role());
    }

    /** "form login" or "HTTP Basic". */
    private static String how() {
        HttpServletRequest request = request();
        if (request == null) {
            return "sign-in";
        }
        return "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/login") ? "form login" : "HTTP Basic";
    }

    private static String remoteAddress() {
        HttpServletRequest request = request();
        return request == null ? "" : request.getRemoteAddr();
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
