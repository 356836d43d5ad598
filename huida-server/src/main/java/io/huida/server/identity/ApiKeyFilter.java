package io.huida.server.identity;

import io.huida.server.system.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Authenticates API clients by their {@code X-Api-Key} header as {@code api-key:<prefix>} with the key's role (and
 * authority {@code API_KEY}). An unknown, revoked or expired key gets 401, a BOT key outside the bot and NLU
 * endpoints 403, both as problem details.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    static final String AUTHORITY = "API_KEY";

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        ApiKeys.Check check = keys.check(presented.strip());
        if (check.key() == null) {
            response.setHeader("WWW-Authenticate", "ApiKey");
            Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", check.refusal());
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("BOT".equals(check.key().role()) && !path.startsWith("/api/v1/bot/") && !path.startsWith("/api/v1/nlu/")) {
            Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "API keys with role BOT may only call /api/v1/bot/** and /api/v1/nlu/**");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "api-key:" + check.key().prefix(), null,
                AuthorityUtils.createAuthorityList("ROLE_" + check.key().role(), AUTHORITY)));
        chain.doFilter(request, response);
    }
}
