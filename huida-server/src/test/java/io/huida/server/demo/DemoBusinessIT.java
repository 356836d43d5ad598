package io.huida.server.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo business service as the demo flows call it: public, deterministic, problem details for bad input. */
@SpringBootTest(properties = {
        "huida.data-dir=target/it-demo",
        "huida.demo-data=false",
        "spring.datasource.url=jdbc:h2:mem:huida-demo-it;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class DemoBusinessIT {

    @Autowired
    MockMvc mvc;

    @Test
    void seededOrdersHaveFixedDataWithoutAuthentication() throws Exception {
        mvc.perform(get("/api/v1/demo/orders/YT2026112200001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderNumber").value("YT2026112200001"))
                .andExpect(jsonPath("$.status").value("运输中"))
                .andExpect(jsonPath("$.carrier").value("顺丰速运"))
                .andExpect(jsonPath("$.eta").value("2026-11-24"))
                .andExpect(jsonPath("$.address").value("上海市浦东新区世纪大道100号"))
                .andExpect(jsonPath("$.refund.status").value("无退款"));
        mvc.perform(get("/api/v1/demo/orders/YT2026112000002"))
                .andExpect(jsonPath("$.refund.status").value("退款处理中"))
                .andExpect(jsonPath("$.refund.amount").value(199.00))
                .andExpect(jsonPath("$.refund.eta").value("2026-11-25"));
    }

    @Test
    void otherWellFormedNumbersAreDerivedDeterministically() throws Exception {
        String first = mvc.perform(get("/api/v1/demo/orders/JD123456789012")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").isString())
                .andExpect(jsonPath("$.refund.status").isString())
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/v1/demo/orders/jd123456789012")).andExpect(content().json(first));
    }

    @Test
    void malformedNumbersAreNotFoundProblems() throws Exception {
        mvc.perform(get("/api/v1/demo/orders/12345"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("no order '12345'")));
    }

    @Test
    void addressChangesAreConfirmedAndShown() throws Exception {
        mvc.perform(post("/api/v1/demo/orders/YT2026111800003/address").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"address\": \"杭州市余杭区文一西路969号\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.address").value("杭州市余杭区文一西路969号"));
        mvc.perform(get("/api/v1/demo/orders/YT2026111800003")).andExpect(jsonPath("$.address").value("杭州市余杭区文一西路969号"));
        mvc.perform(post("/api/v1/demo/orders/YT2026111800003/address").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"address\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("address must be 1 to 200 characters, got 0 characters"));
    }

    @Test
    void billsComeFromTheMonth() throws Exception {
        mvc.perform(get("/api/v1/demo/bills").param("month", "2026-10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value("2026-10"))
                .andExpect(jsonPath("$.amount").isNumber())
                .andExpect(jsonPath("$.due").value("2026-11-10"));
        mvc.perform(get("/api/v1/demo/bills").param("month", "2026-10-01T00:00+08:00"))
                .andExpect(jsonPath("$.month").value("2026-10"));
        mvc.perform(get("/api/v1/demo/bills")).andExpect(status().isOk()).andExpect(jsonPath("$.month").isString());
        mvc.perform(get("/api/v1/demo/bills").param("month", "last month"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("month must look like 2026-11, got 'last month'"));
    }

    @Test
    void theRestOfTheApiStillNeedsAnAdmin() throws Exception {
        mvc.perform(get("/api/v1/kb/faqs")).andExpect(status().isUnauthorized());
    }
}
