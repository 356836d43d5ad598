package io.huida.server.conversation;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dialog contract on PostgreSQL (127.0.0.1:5432, database {@code test}, own schema, cleaned first). Fails, never
 * skips, when the database is not there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huida.data-dir=target/it-dialog-pg",
        "huida.demo-data=true",
        "huida.admin-password=" + DialogApiContract.PASSWORD,
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=huida_dialog_it",
        "spring.flyway.schemas=huida_dialog_it",
        "spring.flyway.clean-disabled=false"})
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
@Import(io.huida.server.CleanPostgres.class)
class DialogApiPostgresIT extends DialogApiContract {

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    @org.junit.jupiter.api.Test
    void runsOnPostgreSql() throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection()) {
            org.assertj.core.api.Assertions.assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
