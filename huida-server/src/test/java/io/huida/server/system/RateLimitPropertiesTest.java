package io.huida.server.system;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitPropertiesTest {

    @Test
    void bindsFromHuidaRateLimitEnvironmentVariables() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", Map.of(
                "HUIDA_RATE_LIMIT_SESSIONS_PER_IP", "5",
                "HUIDA_RATE_LIMIT_MESSAGES_PER_VISITOR", "6",
                "HUIDA_RATE_LIMIT_MESSAGES_PER_IP", "7",
                "HUIDA_RATE_LIMIT_TRUST_FORWARDED", "true",
                "HUIDA_RATE_LIMIT_ENABLED", "false")));
        RateLimitProperties p = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("huida.rate-limit", RateLimitProperties.class);
        assertThat(p.sessionsPerIp()).isEqualTo(5);
        assertThat(p.messagesPerVisitor()).isEqualTo(6);
        assertThat(p.messagesPerIp()).isEqualTo(7);
        assertThat(p.trustForwarded()).isTrue();
        assertThat(p.enabled()).isFalse();
        assertThat(p.maxKeys()).isEqualTo(100_000);
    }
}
