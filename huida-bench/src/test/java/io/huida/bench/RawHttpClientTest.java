package io.huida.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawHttpClientTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(boolean chunked) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/echo", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            String reply = "{\"n\":" + calls.incrementAndGet() + ",\"got\":" + new String(in, StandardCharsets.UTF_8)
                    + ",\"auth\":\"" + exchange.getRequestHeaders().getFirst("Authorization") + "\"}";
            byte[] out = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, chunked ? 0 : out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void postsJsonAndReadsSizedAndChunkedBodiesOverOneConnection() throws Exception {
        for (boolean chunked : new boolean[]{false, true}) {
            try (RawHttpClient client = new RawHttpClient(serve(chunked))) {
                RawHttpClient.Response first = client.postJson("/echo", Map.of("Authorization", "Basic eA=="), "{\"text\":\"年费\"}");
                RawHttpClient.Response second = client.postJson("/echo", Map.of(), "{}");
                assertThat(first.status()).isEqualTo(201);
                assertThat(first.body()).isEqualTo("{\"n\":1,\"got\":{\"text\":\"年费\"},\"auth\":\"Basic eA==\"}");
                assertThat(second.body()).startsWith("{\"n\":2,\"got\":{}");
            }
            stop();
        }
    }

    @Test
    void onlyPlainHttpUrlsAreMeasured() {
        assertThatThrownBy(() -> new RawHttpClient(URI.create("https://example.org")))
                .hasMessage("only http://host:port URLs are measured, got 'https://example.org'");
    }
}
