package io.huida.server.routing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The routing API contract on H2 (the same application context as {@link RoutingH2IT}). */
@RoutingH2Context
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
