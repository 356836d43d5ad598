package io.huida.server.routing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The application on its own in-memory H2 database with a hand-moved clock; every class so annotated shares one context
 * (and database), so each test empties the routing tables first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "huida.data-dir=target/it-routing",
        "huida.demo-data=false",
        "huida.admin-password=" + RoutingApiContract.PASSWORD,
        "huida.routing.tick=100ms",
        "spring.datasource.url=jdbc:h2:mem:huida-routing;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@Import(RoutingTestSupport.class)
@interface RoutingH2Context {
}
