package io.huida.server.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity contract on the default embedded H2 database. */
@SpringBootTest(properties = {
        "huida.data-dir=target/it-identity-h2",
        "huida.demo-data=false",
        "huida.admin-password=" + IdentityApiContract.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:huida-identity-it;DB_CLOSE_DELAY=-1",
        "huida.rate-limit.sessions-per-ip=3", "huida.rate-limit.messages-per-visitor=2", "huida.rate-limit.messages-per-ip=3"})
@AutoConfigureMockMvc
class IdentityApiH2IT extends IdentityApiContract {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnH2() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
    }
}
