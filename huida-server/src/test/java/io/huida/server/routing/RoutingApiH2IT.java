package io.huida.server.routing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The routing API contract on H2 (the same application context as {@link RoutingH2IT}). */
@SpringBootTest(properties = {
        "huida.data-dir=target/it-routing",
        "huida.demo-data=false",
        "huida.admin-password=" + RoutingApiContract.PASSWORD,
        "huida.routing.tick=100ms",
        "spring.datasource.url=jdbc:h2:mem:huida-routing;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@Import(RoutingTestSupport.class)
class RoutingApiH2IT extends RoutingApiContract {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnH2() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
    }
}
