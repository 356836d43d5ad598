package io.huida.server.knowledge;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Builds the published knowledge base (or loads the demo one) when the server starts. */
@Component
class StartUpLoader implements ApplicationRunner {

    private final KnowledgeService service;

    StartUpLoader(KnowledgeService service) {
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) {
        service.startUp(() -> {
            try (InputStream in = new ClassPathResource("demo/demo-kb.csv").getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("the demo knowledge base is missing from the jar", e);
            }
        }, () -> {
            try (InputStream in = new ClassPathResource("demo/flows.yaml").getInputStream()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("the demo flows are missing from the jar", e);
            }
        });
    }
}
