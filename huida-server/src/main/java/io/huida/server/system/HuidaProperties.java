package io.huida.server.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Huida's own settings, bound from {@code huida.*} properties or the environment
 * ({@code HUIDA_DATA_DIR}, {@code HUIDA_DEMO_DATA}, {@code HUIDA_ADMIN_PASSWORD}).
 *
 * @param dataDir       where the database (H2), the embedding cache and secrets live
 * @param demoData      load the demo knowledge base at first start
 * @param adminPassword password of the initial user {@code admin}; generated and printed once when blank
 */
@ConfigurationProperties("huida")
public record HuidaProperties(Path dataDir, boolean demoData, String adminPassword) {

    public HuidaProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }
}
