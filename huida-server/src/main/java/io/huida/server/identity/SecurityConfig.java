package io.huida.server.identity;

import io.huida.server.demo.DemoProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.time.Clock;
import java.time.Duration;

/**
 * Who may do what. Public: the chat page, the widget, visitor sessions, the chat WebSocket {@code /ws/chat} (its
 * handshake checks the visitor token) and, while it is switched on, the demo business service ({@code /api/v1/demo/**}). Bot messages: a visitor token, an ADMIN or a BOT API key; NLU: ADMIN or BOT. Agents'
 * workspace ({@code /agent}, {@code /api/v1/agent/**}): AGENT, SUPERVISOR, ADMIN; {@code /api/v1/supervisor/**}:
 * SUPERVISOR, ADMIN; {@code /ws/agent}: AGENT, SUPERVISOR, ADMIN; other {@code /ws/**}: any visitor or user; everything else of the API, the admin page and actuator:
 * ADMIN. People sign in with a form (session cookie; ended by {@link SessionRevocation} when an admin disables,
 * deletes or re-roles them), programs with HTTP Basic or {@code X-Api-Key}. CSRF protection
 * applies to cookie-session requests only: API calls that carry credentials in a header, or no session cookie at
 * all, cannot be forged cross-site.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    CachingAuthenticationProvider cachingAuthenticationProvider(UserAccounts users, PasswordEncoder encoder) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new CachingAuthenticationProvider(dao, Duration.ofMinutes(5), Clock.systemUTC());
    }

    @Bean
    AuthenticationManager authenticationManager(CachingAuthenticationProvider provider,
                                                ObjectProvider<AuthenticationEventPublisher> publisher,
                                                ApplicationEventPublisher events) {
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(publisher.getIfAvailable(() -> new DefaultAuthenticationEventPublisher(events)));
        return manager;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, VisitorTokens tokens, ApiKeys apiKeys, SessionRevocation revocation,
                            AuthenticationManager authenticationManager, DemoProperties demo) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        RequestMatcher demoService = request -> demo.businessService() && request.getRequestURI().startsWith("/api/v1/demo/");
        RequestMatcher headerAuthenticated = request -> request.getHeader("Authorization") != null
                || request.getHeader(VisitorTokenFilter.HEADER) != null || request.getHeader(ApiKeyFilter.HEADER) != null;
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/actuator/health", "/widget.js", "/widget-demo.html", "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/api/v1/visitor/sessions").permitAll()
                        .requestMatchers("/ws/chat").permitAll() // the handshake checks the visitor token itself
                        .requestMatchers(demoService).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/bot/attachments/*").permitAll() // ?token= checked there
                        .requestMatchers("/api/v1/bot/**").hasAnyRole("ADMIN", "VISITOR", "BOT")
                        .requestMatchers("/api/v1/nlu/**").hasAnyRole("ADMIN", "BOT")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/users/me/password").hasAnyRole("ADMIN", "SUPERVISOR", "AGENT")
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole("ADMIN")
                        .requestMatchers("/agent", "/agent/**", "/api/v1/agent/**").hasAnyRole("AGENT", "SUPERVISOR", "ADMIN")
                        .requestMatchers("/api/v1/supervisor/**").hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers("/ws/agent").hasAnyRole("AGENT", "SUPERVISOR", "ADMIN")
                        .requestMatchers("/ws/**").hasAnyRole("VISITOR", "AGENT", "SUPERVISOR", "ADMIN")
                        .requestMatchers("/api/**", "/admin/**", "/admin", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .addFilterBefore(new VisitorTokenFilter(tokens), BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyFilter(apiKeys), BasicAuthenticationFilter.class)
                .addFilterBefore(revocation.filter(), AuthorizationFilter.class)
                .cors(cors -> cors.configurationSource(widgetCors()))
                .httpBasic(basic -> { })
                .formLogin(form -> form.loginPage("/login").successHandler(new RoleLandingHandler()).permitAll())
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

    /**
     * The widget lives on other sites: its file uploads (and their downloads) may come from any origin. They carry the
     * visitor token in a header, never cookies, so no credentials are allowed across origins.
     */
    private static org.springframework.web.cors.CorsConfigurationSource widgetCors() {
        org.springframework.web.cors.CorsConfiguration widget = new org.springframework.web.cors.CorsConfiguration();
        widget.addAllowedOriginPattern("*");
        widget.setAllowedMethods(java.util.List.of("GET", "POST", "OPTIONS"));
        widget.setAllowedHeaders(java.util.List.of(VisitorTokenFilter.HEADER, "Content-Type"));
        widget.setAllowCredentials(false);
        widget.setMaxAge(3600L);
        org.springframework.web.cors.UrlBasedCorsConfigurationSource source = new org.springframework.web.cors.UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/v1/bot/attachments", widget);
        source.registerCorsConfiguration("/api/v1/bot/attachments/*", widget);
        return source;
    }
}
