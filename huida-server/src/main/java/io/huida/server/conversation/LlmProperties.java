package io.huida.server.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * An optional OpenAI-compatible language model, bound from {@code huida.llm.*} ({@code HUIDA_LLM_URL},
 * {@code HUIDA_LLM_KEY}, {@code HUIDA_LLM_MODEL}, {@code HUIDA_LLM_TIMEOUT}). Without a URL nothing uses one.
 *
 * @param url     the API base, e.g. {@code https://api.example.com/v1} ({@code /chat/completions} is appended)
 * @param key     the bearer key (never logged)
 * @param model   the model name
 * @param timeout how long a call may take before the built-in result is used (default 5s)
 */
@ConfigurationProperties("huida.llm")
public record LlmProperties(String url, String key, String model, Duration timeout) {

    public LlmProperties {
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        model = model == null || model.isBlank() ? "gpt-4o-mini" : model;
    }

    /** Whether an endpoint is configured. */
    public boolean configured() {
        return url != null && !url.isBlank();
    }

    @Override
    public String toString() {
        return "LlmProperties[url=" + url + ", model=" + model + ", timeout=" + timeout + ", key=" + (key == null ? "none" : "***") + "]";
    }
}
