package io.huida.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Huida (慧答): the intelligent customer-service server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HuidaApplication {

    public static void main(String[] args) {
        SpringApplication.run(HuidaApplication.class, args);
    }
}
