package io.huida.server.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/** Authenticates chat visitors by their {@code X-Visitor-Token} header as {@code visitor:<sessionId>} with role VISITOR. */
class VisitorTokenFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Visitor-Token";

    private final VisitorTokens tokens;

    VisitorTokenFilter(VisitorTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(HEADER);
        if (token != null && SecurityContextHolder.getContext().getAuthentication() == null) {
            tokens.verify(token).ifPresent(sessionId -> SecurityContextHolder.getContext().setAuthentication(
                    new UsernamePasswordAuthenticationToken("visitor:" + sessionId, null,
                            List.of(new SimpleGrantedAuthority("ROLE_VISITOR")))));
        }
        chain.doFilter(request, response);
    }
}
