package io.huida.server.nlu;

import io.huida.engine.nlu.MessageAnalyzer;
import io.huida.engine.nlu.emotion.EmotionDetector;
import io.huida.engine.nlu.entity.EntityConfig;
import io.huida.engine.nlu.entity.EntityRecognizer;
import io.huida.engine.nlu.entity.ProductExtractor;
import io.huida.engine.nlu.intent.IntentExamples;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** The message analyzer (entities and emotion) and custom intents configured from {@link NluProperties}; bad settings stop start-up. */
@Configuration(proxyBeanMethods = false)
class NluConfig {

    @Bean
    CustomIntents customIntents(NluProperties properties) {
        Path file = properties.intentsFile();
        if (file == null || file.toString().isBlank()) {
            return new CustomIntents(List.of());
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new CustomIntents(IntentExamples.readTsv(reader, file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read huida.nlu.intents-file '" + file + "': " + e.getMessage(), e);
        }
    }

    @Bean
    MessageAnalyzer messageAnalyzer(NluProperties properties) {
        EntityConfig config = EntityConfig.defaults();
        if (!properties.orderPatterns().isEmpty()) {
            config = config.withOrderPatterns(properties.orderPatterns().stream().map(EntityConfig::orderPattern).toList());
        }
        if (properties.productsFile() != null && !properties.productsFile().toString().isBlank()) {
            try (BufferedReader reader = Files.newBufferedReader(properties.productsFile(), StandardCharsets.UTF_8)) {
                config = config.withProducts(ProductExtractor.readTsv(reader));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read huida.nlu.products-file '" + properties.productsFile() + "': " + e.getMessage(), e);
            }
        }
        if (properties.timeZone() != null && !properties.timeZone().isBlank()) {
            try {
                config = new EntityConfig(config.orderPatterns(), config.productSynonyms(), ZoneId.of(properties.timeZone()));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("huida.nlu.time-zone '" + properties.timeZone() + "' is not a time zone", e);
            }
        }
        return new MessageAnalyzer(new EntityRecognizer(config), EmotionDetector.withBuiltInLexicon(), config.zone());
    }
}
