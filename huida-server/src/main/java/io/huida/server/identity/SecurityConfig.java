package io.huida.server.identity;

import io.huida.server.demo.DemoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what: the chat page and visitor sessions are public; bot messages need a visitor token or an
 * admin; the knowledge-base API and admin page need an admin (HTTP Basic for API clients, a login form for
 * people); the demo business service ({@code /api/v1/demo/**}) is public while it is switched on. CSRF protection
 * applies to cookie-session requests only:
 * API calls that carry credentials in a header, or no session cookie at all, cannot be forged cross-site.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    org.springframework.security.authentication.AuthenticationManager authenticationManager(UserAccounts users,
                                                                                           PasswordEncoder encoder) {
        org.springframework.security.authentication.dao.DaoAuthenticationProvider dao =
                new org.springframework.security.authentication.dao.DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new org.springframework.security.authentication.ProviderManager(
                new CachingAuthenticationProvider(dao, java.time.Duration.ofMinutes(5), java.time.Clock.systemUTC()));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, VisitorTokens tokens,
                            org.springframework.security.authentication.AuthenticationManager authenticationManager,
                            DemoProperties demo)
            throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        RequestMatcher demoService = request -> demo.businessService() && request.getRequestURI().startsWith("/api/v1/demo/");
        RequestMatcher headerAuthenticated = request -> request.getHeader("Authorization") != null
                || request.getHeader(VisitorTokenFilter.HEADER) != null;
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/actuator/health", "/widget.js", "/widget-demo.html", "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/api/v1/visitor/sessions").permitAll()
                        .requestMatchers("/ws/chat").permitAll() // the handshake checks the visitor token itself
                        .requestMatchers(demoService).permitAll()
                        .requestMatchers("/api/v1/bot/**").hasAnyRole("ADMIN", "VISITOR")
                        .requestMatchers("/api/**", "/admin/**", "/admin", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .addFilterBefore(new VisitorTokenFilter(tokens), BasicAuthenticationFilter.class)
                .httpBasic(basic -> { })
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/admin", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(headerAuthenticated,
                        request -> api.matches(request) && request.getRequestedSessionId() == null,
                        request -> "/api/v1/visitor/sessions".equals(request.getRequestURI())))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'self'")));
        return http.build();
    }
}
