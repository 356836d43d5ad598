package io.huida.server.knowledge;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The API contract on the default embedded H2 database. */
@SpringBootTest(properties = {
        "huida.data-dir=target/it-h2",
        "huida.demo-data=false",
        "huida.admin-password=" + KnowledgeApiContract.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:huida-it;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class KnowledgeApiH2IT extends KnowledgeApiContract {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnH2() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
    }
}
