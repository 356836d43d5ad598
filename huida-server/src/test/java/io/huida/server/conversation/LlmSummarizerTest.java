package io.huida.server.conversation;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The optional model-written handoff summary against a fake OpenAI-compatible endpoint. */
class LlmSummarizerTest {

    private HttpServer server;

    private String start(int status, String body, long delayMs, AtomicReference<String> seen) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            seen.set(exchange.getRequestHeaders().getFirst("Authorization") + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void usesTheModelsSummaryAndSendsOnlyTheMaskedTranscript() throws IOException {
        AtomicReference<String> seen = new AtomicReference<>();
        String url = start(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\" 客户查询订单，情绪平稳。 \"}}]}", 0, seen);
        LlmSummarizer s = new LlmSummarizer(new LlmProperties(url, "sk-test", "m1", Duration.ofSeconds(2)));
        assertThat(s.summarize("客户：我的电话138****5678", "转人工原因：客户要求转人工", true)).contains("客户查询订单，情绪平稳。");
        assertThat(seen.get()).startsWith("Bearer sk-test").contains("138****5678", "转人工原因", "\"model\":\"m1\"");
    }

    @Test
    void fallsBackOnErrorsTimeoutsAndEmptyAnswers() throws IOException {
        AtomicReference<String> seen = new AtomicReference<>();
        String url = start(500, "{\"error\":\"boom\"}", 0, seen);
        assertThat(new LlmSummarizer(new LlmProperties(url, null, null, Duration.ofSeconds(2))).summarize("t", "b", true)).isEmpty();
        stop();
        url = start(200, "{\"choices\":[{\"message\":{\"content\":\"late\"}}]}", 1500, seen);
        assertThat(new LlmSummarizer(new LlmProperties(url, null, null, Duration.ofMillis(300))).summarize("t", "b", true)).isEmpty();
        stop();
        url = start(200, "{\"choices\":[]}", 0, seen);
        assertThat(new LlmSummarizer(new LlmProperties(url, null, null, Duration.ofSeconds(2))).summarize("t", "b", false)).isEmpty();
        assertThat(new LlmSummarizer(new LlmProperties("http://127.0.0.1:9/v1", null, null, Duration.ofMillis(300)))
                .summarize("t", "b", true)).isEmpty();
    }

    @Test
    void theKeyNeverAppearsInTheSettingsText() {
        assertThat(new LlmProperties("http://x/v1", "sk-secret", null, null).toString()).doesNotContain("sk-secret");
    }
}
