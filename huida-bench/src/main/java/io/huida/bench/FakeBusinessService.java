package io.huida.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A made-up business system for the dialog benchmark: canned responses ({@code service.json}, a list of
 * {@code {method, path, status, body}}) served on an ephemeral loopback port. A {@code *} matches any text without a
 * slash in the path and any text in the query; a path with {@code ?} must match the decoded query too, otherwise the
 * query is ignored. The first matching entry answers; anything else is HTTP 404.
 */
final class FakeBusinessService implements AutoCloseable {

    /** One canned response. */
    record Canned(String method, String path, int status, String body) {
    }

    private final List<Canned> responses;
    private final HttpServer server;
    private final List<String> calls = new ArrayList<>();

    private FakeBusinessService(List<Canned> responses) throws IOException {
        this.responses = List.copyOf(responses);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Parses {@code service.json} and starts serving it. */
    static FakeBusinessService start(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("service.json must be a list of {method, path, status, body}");
        }
        List<Canned> out = new ArrayList<>();
        for (JsonNode n : root) {
            if (!n.hasNonNull("path")) {
                throw new IllegalArgumentException("service.json entry without 'path': " + n);
            }
            JsonNode body = n.get("body");
            out.add(new Canned(n.path("method").asText("GET").toUpperCase(Locale.ROOT), n.get("path").asText(),
                    n.path("status").asInt(200), body == null || body.isNull() ? "" : body.isTextual() ? body.asText() : body.toString()));
        }
        return new FakeBusinessService(out);
    }

    /** The base URL flows' relative URLs resolve against. */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The calls received so far, as {@code METHOD path?query}. */
    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            String query = ex.getRequestURI().getRawQuery();
            String full = query == null ? path : path + "?" + URLDecoder.decode(query, StandardCharsets.UTF_8);
            synchronized (this) {
                calls.add(ex.getRequestMethod() + " " + full);
            }
            Canned c = responses.stream()
                    .filter(r -> r.method().equals(ex.getRequestMethod()) && matches(r.path(), r.path().contains("?") ? full : path))
                    .findFirst().orElse(new Canned("", "", 404, "{\"error\":\"not found\"}"));
            byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(c.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /**
     * Whether {@code actual} matches {@code pattern}, whose {@code *} stands for any text without a slash in the path
     * and for any text at all in the query.
     */
    static boolean matches(String pattern, String actual) {
        int q = pattern.indexOf('?');
        String regex = q < 0 ? glob(pattern, "[^/]*") : glob(pattern.substring(0, q), "[^/]*") + glob(pattern.substring(q), ".*");
        return java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.CASE_INSENSITIVE).matcher(actual).matches();
    }

    private static String glob(String pattern, String star) {
        String[] parts = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : star).append(java.util.regex.Pattern.quote(parts[i]));
        }
        return regex.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
