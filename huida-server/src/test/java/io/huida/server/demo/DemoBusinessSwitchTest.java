package io.huida.server.demo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DemoBusinessSwitchTest {

    @EnableConfigurationProperties(DemoProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Config.class, DemoBusinessController.class);

    @Test
    void onByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(DemoBusinessController.class);
            assertThat(context.getBean(DemoProperties.class).businessService()).isTrue();
        });
    }

    @Test
    void offWithTheProperty() {
        runner.withPropertyValues("huida.demo.business-service=false").run(context -> {
            assertThat(context).doesNotHaveBean(DemoBusinessController.class);
            assertThat(context.getBean(DemoProperties.class).businessService()).isFalse();
        });
    }
}
