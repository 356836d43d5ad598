package io.huida.server.conversation;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The dialog contract on the default embedded H2 database, with the demo knowledge base and flows. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huida.data-dir=target/it-dialog-h2",
        "huida.demo-data=true",
        "huida.admin-password=" + DialogApiContract.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:huida-dialog-it;DB_CLOSE_DELAY=-1",
        "huida.widget.site-secret=test-site-secret"})
@AutoConfigureMockMvc
class DialogApiH2IT extends DialogApiContract {

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    @org.junit.jupiter.api.Test
    void runsOnH2() throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection()) {
            org.assertj.core.api.Assertions.assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
    }
}
