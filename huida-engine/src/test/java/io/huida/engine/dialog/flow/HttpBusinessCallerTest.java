package io.huida.engine.dialog.flow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpBusinessCallerTest {

    private HttpServer server;
    private HttpBusinessCaller caller;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/orders/", this::order);
        server.createContext("/flaky", exchange -> respond(exchange, calls.incrementAndGet() == 1 ? 503 : 200, "{\"status\":\"ok\"}"));
        server.createContext("/slow", exchange -> {
            calls.incrementAndGet();
            sleep(1500);
            respond(exchange, 200, "{}");
        });
        server.createContext("/missing", exchange -> {
            calls.incrementAndGet();
            respond(exchange, 404, "{\"error\":\"no such order\"}");
        });
        server.createContext("/huge", exchange -> respond(exchange, 200, "{\"a\": \"" + "x".repeat(2 << 20) + "\"}"));
        server.createContext("/html", exchange -> respond(exchange, 200, "<html>oops</html>"));
        server.createContext("/address", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 200, "{\"ok\":true}");
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        caller = new HttpBusinessCaller(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                HttpClient.newHttpClient(), Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void order(HttpExchange exchange) throws IOException {
        paths.add(exchange.getRequestURI().getRawPath());
        respond(exchange, 200, """
                {"status": "运输中", "eta": "2026-11-24", "weight": 1.5, "signed": false, "refund": {"amount": 12}, "note": null}""");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Step.Http get(String url, int retries, Map<String, String> fields) {
        return new Step.Http(Condition.ALWAYS, "GET", url, Map.of(), null, Duration.ofMillis(500), retries, fields,
                LocalizedText.of("失败"));
    }

    @Test
    void mapsJsonPointersToTextVariables() {
        CallResult result = caller.call(get("/orders/{order}", 0, Map.of("status", "/status", "eta", "/eta",
                "weight", "/weight", "signed", "/signed", "refund", "/refund/amount", "note", "/note")), Map.of("order", "YT1"));
        assertThat(result.ok()).isTrue();
        assertThat(result.failure()).isNull();
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.fields()).containsExactlyInAnyOrderEntriesOf(Map.of("status", "运输中", "eta", "2026-11-24",
                "weight", "1.5", "signed", "false", "refund", "12", "note", ""));
        assertThat(paths).containsExactly("/orders/YT1");
    }

    @Test
    void urlEncodesChineseAndSlashesInValues() {
        caller.call(get("/orders/{order}", 0, Map.of()), Map.of("order", "上海/浦东 1"));
        assertThat(paths).containsExactly("/orders/%E4%B8%8A%E6%B5%B7%2F%E6%B5%A6%E4%B8%9C%201");
    }

    @Test
    void jsonEscapesValuesInTheBody() {
        Step.Http post = new Step.Http(Condition.ALWAYS, "POST", "/address", Map.of("X-Channel", "{channel}"),
                "{\"address\": \"{address}\"}", Duration.ofSeconds(1), 0, Map.of("ok", "/ok"), LocalizedText.of("失败"));
        CallResult result = caller.call(post, Map.of("address", "他说\"放门口\"\\\n谢谢", "channel", "web"));
        assertThat(result.fields()).containsEntry("ok", "true");
        assertThat(bodies).containsExactly("{\"address\": \"他说\\\"放门口\\\"\\\\\\n谢谢\"}");
    }

    @Test
    void retriesA5xxAndSucceeds() {
        CallResult result = caller.call(get("/flaky", 1, Map.of("status", "/status")), Map.of());
        assertThat(result.ok()).isTrue();
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(calls).hasValue(2);
    }

    @Test
    void givesUpAfterTheRetriesOnTimeouts() {
        CallResult result = caller.call(new Step.Http(Condition.ALWAYS, "GET", "/slow", Map.of(), null, Duration.ofMillis(200),
                1, Map.of(), LocalizedText.of("失败")), Map.of());
        assertThat(result.ok()).isFalse();
        assertThat(result.failure()).isEqualTo("timeout after 200 ms");
        assertThat(result.status()).isZero();
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.elapsed()).isLessThan(Duration.ofMillis(1400));
    }

    @Test
    void neverRetriesA4xx() {
        CallResult result = caller.call(get("/missing", 3, Map.of("status", "/status")), Map.of());
        assertThat(result.ok()).isFalse();
        assertThat(result.failure()).isEqualTo("HTTP 404");
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(calls).hasValue(1);
    }

    @Test
    void badJsonAndMissingFieldsFail() {
        assertThat(caller.call(get("/html", 0, Map.of("status", "/status")), Map.of()).failure()).isEqualTo("response is not JSON");
        assertThat(caller.call(get("/html", 0, Map.of()), Map.of()).ok()).isTrue();
        CallResult missing = caller.call(get("/orders/x", 0, Map.of("status", "/data/status")), Map.of());
        assertThat(missing.failure()).isEqualTo("response field /data/status missing");
        assertThat(missing.fields()).isEmpty();
    }

    @Test
    void refusesResponsesOverOneMebibyte() {
        assertThat(caller.call(get("/huge", 0, Map.of("a", "/a")), Map.of()).failure()).isEqualTo("response larger than 1 MiB");
    }

    @Test
    void connectionErrorsAreRetriedAndReported() {
        HttpBusinessCaller nowhere = new HttpBusinessCaller(URI.create("http://127.0.0.1:1"), HttpClient.newHttpClient(),
                Duration.ofMillis(1));
        CallResult result = nowhere.call(get("/orders/1", 2, Map.of()), Map.of());
        assertThat(result.failure()).startsWith("connection failed");
        assertThat(result.attempts()).isEqualTo(3);
    }

    @Test
    void onlyHttpAndHttpsAreCalled() {
        assertThat(caller.call(get("file:///etc/passwd", 0, Map.of()), Map.of()).failure())
                .isEqualTo("only http and https URLs are called, got file:///etc/passwd");
        assertThatThrownBy(() -> new HttpBusinessCaller(URI.create("ftp://example.com")))
                .hasMessage("base URI must be an absolute http or https URI, got 'ftp://example.com'");
    }
}
