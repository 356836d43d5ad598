package io.huida.server.conversation;

import io.huida.engine.dialog.Summarizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handoff summaries written by an OpenAI-compatible chat model. The prompt carries only the masked transcript and
 * the built summary; any failure or timeout returns empty and the built summary is used.
 */
final class LlmSummarizer implements Summarizer {

    private static final Logger log = LoggerFactory.getLogger(LlmSummarizer.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final LlmProperties properties;
    private final HttpClient http;

    LlmSummarizer(LlmProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public Optional<String> summarize(String transcript, String built, boolean chinese) {
        String instruction = chinese
                ? "你是客服主管。根据对话记录为接手的人工客服写一段不超过150字的摘要：客户诉求、已提供的信息、机器人已答复的内容、客户情绪、待办事项。保留下列事实，不要编造。"
                : "You are a customer-service lead. Summarise the conversation for the human agent taking over in at most 80 words: the request, details given, what the bot answered, the customer's mood, what is still open. Keep these facts; invent nothing.";
        Map<String, Object> body = Map.of("model", properties.model(), "temperature", 0.2, "messages", List.of(
                Map.of("role", "system", "content", instruction + "\n\n" + built),
                Map.of("role", "user", "content", transcript)));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.url().replaceAll("/+$", "") + "/chat/completions"))
                    .timeout(properties.timeout()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (properties.key() != null && !properties.key().isBlank()) {
                request.header("Authorization", "Bearer " + properties.key());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                log.warn("Summary model answered HTTP {}; using the built summary", response.statusCode());
                return Optional.empty();
            }
            JsonNode text = JSON.readTree(response.body()).path("choices").path(0).path("message").path("content");
            return text.isString() && !text.asString().isBlank() ? Optional.of(text.asString().strip()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            log.warn("Summary model failed ({}); using the built summary", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
