package io.huida.server.knowledge;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The API contract on the default embedded H2 database. */
@SpringBootTest(properties = {
        "huida.data-dir=target/it-h2",
        "huida.demo-data=false",
        "huida.admin-password=" + KnowledgeApiContract.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:huida-it;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class KnowledgeApiH2IT extends KnowledgeApiContract {
}
