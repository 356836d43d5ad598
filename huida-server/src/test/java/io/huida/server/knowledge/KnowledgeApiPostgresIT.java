package io.huida.server.knowledge;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

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
@Import(io.huida.server.CleanPostgres.class)
class KnowledgeApiPostgresIT extends KnowledgeApiContract {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnPostgreSql() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
