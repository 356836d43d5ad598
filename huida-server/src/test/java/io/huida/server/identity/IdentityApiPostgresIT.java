package io.huida.server.identity;

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
 * The identity contract on PostgreSQL (127.0.0.1:5432, database {@code test}, own schema, cleaned first). Fails,
 * never skips, when the database is not there.
 */
@SpringBootTest(properties = {
        "huida.data-dir=target/it-identity-pg",
        "huida.demo-data=false",
        "huida.admin-password=" + IdentityApiContract.PASSWORD,
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=huida_identity_it",
        "spring.flyway.schemas=huida_identity_it",
        "spring.flyway.clean-disabled=false",
        "huida.rate-limit.sessions-per-ip=3", "huida.rate-limit.messages-per-visitor=2", "huida.rate-limit.messages-per-ip=3"})
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
@Import(io.huida.server.CleanPostgres.class)
class IdentityApiPostgresIT extends IdentityApiContract {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnPostgreSql() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
