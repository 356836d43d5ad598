package io.huida.server.chat;

import io.huida.server.identity.VisitorTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The live chat endpoint {@code /ws/chat}: visitors connect with their signed token (a widget may be on any site). */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatConfig implements WebSocketConfigurer {

    static final String CONVERSATION = "huida.conversation";
    static final String ISSUED_TOKEN = "huida.issued-token";
    static final String CLIENT_IP = "huida.client-ip";

    /** The threads that answer chat messages (so the bot never blocks the connections' I/O threads). */
    record ChatWorkers(ExecutorService executor) {
    }

    private final VisitorSocketHandler handler;
    private final AgentSocketHandler agents;
    private final VisitorTokens tokens;

    ChatConfig(VisitorSocketHandler handler, AgentSocketHandler agents, VisitorTokens tokens) {
        this.handler = handler;
        this.agents = agents;
        this.tokens = tokens;
    }

    @Bean(destroyMethod = "")
    static ChatWorkers chatWorkers() {
        int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(20_000), r -> {
                    Thread t = new Thread(r, "chat-worker");
                    t.setDaemon(true);
                    return t;
                });
        return new ChatWorkers(pool);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws/chat").addInterceptors(new TokenCheck(tokens)).setAllowedOriginPatterns("*");
        registry.addHandler(agents, "/ws/agent"); // same origin only: the workspace page, signed in
    }

    /**
     * Accepts the handshake with a valid visitor token ({@code ?token=…}, naming the conversation) or without one (a new
     * visitor: a new conversation and token, sent as the first frame); a forged or expired token is refused.
     */
    private record TokenCheck(VisitorTokens tokens) implements HandshakeInterceptor {

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
                                       Map<String, Object> attributes) {
            attributes.put(CLIENT_IP, request.getRemoteAddress() == null ? "unknown"
                    : request.getRemoteAddress().getAddress().getHostAddress());
            String token = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("token");
            if (token == null || token.isEmpty()) { // a new visitor: the connection opens a new conversation
                VisitorTokens.Issued issued = tokens.issue();
                attributes.put(CONVERSATION, issued.sessionId());
                attributes.put(ISSUED_TOKEN, issued.token());
                return true;
            }
            Optional<String> conversation = tokens.verify(token);
            if (conversation.isEmpty()) {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                return false;
            }
            attributes.put(CONVERSATION, conversation.get());
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
                                   Exception exception) {
        }
    }
}
