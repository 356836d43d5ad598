package io.huida.server.routing;

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
 * The routing API contract on PostgreSQL (127.0.0.1:5432, database {@code test}, own schema, cleaned first). Fails,
 * never skips, when the database is not there.
 */
@SpringBootTest(properties = {
        "huida.data-dir=target/it-routing-pg",
        "huida.demo-data=false",
        "huida.admin-password=" + RoutingApiContract.PASSWORD,
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=huida_routing_it",
        "spring.flyway.schemas=huida_routing_it",
        "spring.flyway.clean-disabled=false"})
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
@Import(io.huida.server.CleanPostgres.class)
class RoutingApiPostgresIT extends RoutingApiContract {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnPostgreSql() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
