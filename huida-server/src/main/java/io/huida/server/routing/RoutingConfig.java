package io.huida.server.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The clock routing reads its time from (tests replace it to move time without waiting). */
@Configuration(proxyBeanMethods = false)
class RoutingConfig {

    @Bean
    Clock routingClock() {
        return Clock.systemUTC();
    }
}
