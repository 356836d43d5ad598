package io.huida.server.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import java.io.IOException;

/**
 * Where a form sign-in lands: an ADMIN on the page they asked for, else {@code /admin}; agents and supervisors always
 * on their workspace {@code /agent}.
 */
class RoleLandingHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    RoleLandingHandler() {
        setDefaultTargetUrl("/admin");
        setRequestCache(requests);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        request.getSession().setAttribute(SessionRevocation.SIGNED_IN_AT, System.currentTimeMillis());
        boolean admin = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        if (admin) {
            super.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        requests.removeRequest(request, response);
        clearAuthenticationAttributes(request);
        getRedirectStrategy().sendRedirect(request, response, "/agent");
    }
}
