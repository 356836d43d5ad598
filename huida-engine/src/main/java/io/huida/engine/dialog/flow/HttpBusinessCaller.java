package io.huida.engine.dialog.flow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@link Step.Http} steps with the JDK's {@link HttpClient}.
 *
 * <p>Relative URLs ({@code /api/…}) are resolved against the base URI given at construction. Placeholder values
 * are URL-encoded in the URL (a {@code /} in a value becomes {@code %2F}) and JSON-escaped in the body. Each
 * attempt has the step's timeout; a connection error, timeout or HTTP 5xx is retried up to the step's
 * {@code retries} after a short backoff, a 4xx never is. Only http and https are called, redirects are not
 * followed, and responses over 1 MiB are refused. Logs name the step's URL template, never values filled in.
 */
public final class HttpBusinessCaller implements BusinessCaller {

    private static final Logger LOG = LoggerFactory.getLogger(HttpBusinessCaller.class);
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final URI baseUri;
    private final HttpClient client;
    private final Duration backoff;
    private final ObjectMapper json = new ObjectMapper();

    /** A caller with its own HTTP client and a 200 ms backoff (doubling per retry). */
    public HttpBusinessCaller(URI baseUri) {
        this(baseUri, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build(), Duration.ofMillis(200));
    }

    /**
     * @param baseUri what relative URLs are resolved against (http or https)
     * @param client  the HTTP client to send with
     * @param backoff the pause before the first retry, doubled for each further one
     */
    public HttpBusinessCaller(URI baseUri, HttpClient client, Duration backoff) {
        Objects.requireNonNull(baseUri, "baseUri");
        if (!isHttp(baseUri) || baseUri.getHost() == null) {
            throw new IllegalArgumentException("base URI must be an absolute http or https URI, got '" + baseUri + "'");
        }
        this.baseUri = baseUri;
        this.client = Objects.requireNonNull(client, "client");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    @Override
    public CallResult call(Step.Http step, Map<String, String> variables) {
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = request(step, variables);
        } catch (IllegalArgumentException e) {
            return finish(step, CallResult.failed(e.getMessage(), 0, 0, since(start)));
        }
        int attempts = 0;
        while (true) {
            attempts++;
            Attempt attempt = send(request, step.timeout());
            boolean retryable = attempt.status == 0 || attempt.status >= 500;
            if (attempt.failure == null) {
                return finish(step, fields(step, attempt, attempts, since(start)));
            }
            if (!retryable || attempts > step.retries()) {
                return finish(step, CallResult.failed(attempt.failure, attempt.status, attempts, since(start)));
            }
            LOG.debug("{} {} attempt {} failed ({}), retrying", step.method(), step.url(), attempts, attempt.failure);
            if (!pause(backoff.multipliedBy(1L << (attempts - 1)))) {
                return finish(step, CallResult.failed("interrupted", attempt.status, attempts, since(start)));
            }
        }
    }

    private HttpRequest request(Step.Http step, Map<String, String> variables) {
        String url = Templates.render(step.url(), variables, HttpBusinessCaller::urlEncode);
        URI uri;
        try {
            uri = new URI(url.startsWith("/") ? stripSlash(baseUri.toString()) + url : url);
            uri = new URI(uri.toASCIIString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URL for " + step.url() + ": " + e.getReason());
        }
        if (!isHttp(uri) || uri.getHost() == null) {
            throw new IllegalArgumentException("only http and https URLs are called, got " + step.url());
        }
        HttpRequest.BodyPublisher body = step.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Templates.render(step.body(), variables, Templates::jsonEscape));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(step.timeout())
                .header("Accept", "application/json").method(step.method(), body);
        if (step.body() != null) {
            builder.header("Content-Type", "application/json; charset=utf-8");
        }
        step.headers().forEach((name, value) -> builder.header(name, Templates.render(value, variables)));
        return builder.build();
    }

    private record Attempt(int status, byte[] body, String failure) {
    }

    private Attempt send(HttpRequest request, Duration timeout) {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> new LimitedBody(MAX_RESPONSE_BYTES));
        try {
            HttpResponse<byte[]> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                return new Attempt(status, null, "HTTP " + status);
            }
            return new Attempt(status, response.body(), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Attempt(0, null, "timeout after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LimitedBody.TooLarge) {
                return new Attempt(0, null, "response larger than 1 MiB");
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                return new Attempt(0, null, "timeout after " + timeout.toMillis() + " ms");
            }
            return new Attempt(0, null, "connection failed: " + (cause instanceof IOException && cause.getMessage() != null
                    ? cause.getClass().getSimpleName() + " " + cause.getMessage() : String.valueOf(cause)));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Attempt(0, null, "interrupted");
        }
    }

    private CallResult fields(Step.Http step, Attempt attempt, int attempts, Duration elapsed) {
        if (step.fields().isEmpty()) {
            return CallResult.success(Map.of(), attempt.status, attempts, elapsed);
        }
        JsonNode root;
        try {
            root = json.readTree(attempt.body);
        } catch (JacksonException e) {
            return CallResult.failed("response is not JSON", attempt.status, attempts, elapsed);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : step.fields().entrySet()) {
            JsonNode value = root == null ? null : root.at(field.getValue());
            if (value == null || value.isMissingNode()) {
                return CallResult.failed("response field " + field.getValue() + " missing", attempt.status, attempts, elapsed);
            }
            values.put(field.getKey(), value.isNull() ? "" : value.isValueNode() ? value.asString() : value.toString());
        }
        return CallResult.success(values, attempt.status, attempts, elapsed);
    }

    private static CallResult finish(Step.Http step, CallResult result) {
        if (result.ok()) {
            LOG.debug("{} {}: HTTP {} in {} ms, {} attempt(s)", step.method(), step.url(), result.status(),
                    result.elapsed().toMillis(), result.attempts());
        } else {
            LOG.warn("{} {} failed after {} attempt(s) in {} ms: {}", step.method(), step.url(), result.attempts(),
                    result.elapsed().toMillis(), result.failure());
        }
        return result;
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean isHttp(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
