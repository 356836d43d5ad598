package io.huida.server.knowledge;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The API contract on PostgreSQL (127.0.0.1:5432, database {@code test}, own schema, cleaned first). Fails,
 * never skips, when the database is not there.
 */
@SpringBootTest(properties = {
        "huida.data-dir=target/it-pg",
        "huida.demo-data=false",
        "huida.admin-password=" + KnowledgeApiContract.PASSWORD,
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=huida_it",
        "spring.flyway.schemas=huida_it",
        "spring.flyway.clean-disabled=false"})
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
@Import(KnowledgeApiPostgresIT.CleanDatabase.class)
class KnowledgeApiPostgresIT extends KnowledgeApiContract {

    @TestConfiguration
    static class CleanDatabase {
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }
}
