package io.huida.server.knowledge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The knowledge-base and bot API as a client sees it, run against each database (H2 and PostgreSQL).
 */
abstract class KnowledgeApiContract {

    static final String PASSWORD = "test-admin-pw";
    static final String KB = "id,category,question,similar_questions,answer\n"
            + "K1,物流,怎么查询物流信息？,我的快递到哪了||包裹到哪里了||查物流,在「我的订单」点击「查看物流」即可看到实时轨迹。\n"
            + "K2,订单,下单后怎么取消订单？,不想要了怎么取消||取消订单||刚下的单能撤销吗,未发货订单可在订单详情点击「取消订单」。\n"
            + "K3,退款,退款多久到账？,钱什么时候退回来||退款几天到账||退款到账时间,退款审核通过后1-3个工作日原路退回。\n"
            + "K4,发票,怎么开发票？,能开发票吗||发票怎么申请||开具发票,在订单详情点击「申请开票」，电子发票发到邮箱。\n"
            + "K5,账户,忘记密码怎么办？,密码忘了||登录密码怎么找回||重置密码,在登录页点击「忘记密码」，通过手机验证码重置。\n"
            + "K6,信用卡,信用卡怎么提高额度？,怎么提额||额度太低了怎么办||申请提升信用额度,在App「信用卡-额度管理」申请提额，用卡6个月以上更易通过。\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    KbRepository repository;

    @BeforeEach
    void importSampleKb() throws Exception {
        importCsv(KB, "replace").andExpect(status().isOk());
    }

    @Test
    void importPublishesAndTheBotAnswersAtOnce() throws Exception {
        importCsv(KB, "replace").andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(6))
                .andExpect(jsonPath("$.version").isNumber());
        botMessage("我的包裹到哪里了？")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("ANSWER"))
                .andExpect(jsonPath("$.faqId").value("K1"))
                .andExpect(jsonPath("$.text").value("在「我的订单」点击「查看物流」即可看到实时轨迹。"))
                .andExpect(jsonPath("$.confidence").isNumber())
                .andExpect(jsonPath("$.candidates[0].faqId").value("K1"))
                .andExpect(jsonPath("$.explanation.matchedQuestion").isString())
                .andExpect(jsonPath("$.explanation.semanticScore").isNumber());
        botMessage("今天天气怎么样").andExpect(jsonPath("$.type", not("ANSWER"))).andExpect(jsonPath("$.faqId", nullValue()));
        mvc.perform(get("/api/v1/kb/status").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ready").value(true))
                .andExpect(jsonPath("$.faqCount").value(6))
                .andExpect(jsonPath("$.intentCount").value(6))
                .andExpect(jsonPath("$.calibration.intentThreshold").isNumber());
    }

    @Test
    void everyReplyCarriesIntentEntitiesAndEmotion() throws Exception {
        botMessage("包裹到哪了？订单号YT12345678901234，手机13812345678，急死了！！！")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intent.name").value("K1"))
                .andExpect(jsonPath("$.intent.confidence").isNumber())
                .andExpect(jsonPath("$.entities[?(@.type == 'order_number')].value").value("YT12345678901234"))
                .andExpect(jsonPath("$.entities[?(@.type == 'phone')].value").value("+8613812345678"))
                .andExpect(jsonPath("$.entities[?(@.type == 'phone')].start").value(28))
                .andExpect(jsonPath("$.emotion.label").value("anxious"))
                .andExpect(jsonPath("$.emotion.intensity").isNumber());
    }

    @Test
    void nluParseUnderstandsWithoutAnsweringAndFollowsTheConversationTrend() throws Exception {
        nluParse("{\"text\":\"怎么开发票\",\"sessionId\":\"nlu-1\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intent.name").value("K4"))
                .andExpect(jsonPath("$.emotion.label").value("neutral"))
                .andExpect(jsonPath("$.trend.escalating").value(false));
        nluParse("{\"text\":\"退款怎么还没到？都一个星期了\",\"sessionId\":\"nlu-1\"}").andExpect(status().isOk());
        nluParse("{\"text\":\"你们到底退不退钱？！太过分了，骗子公司！！！\",\"sessionId\":\"nlu-1\"}")
                .andExpect(jsonPath("$.emotion.label").value("angry"))
                .andExpect(jsonPath("$.trend.current").value("angry"))
                .andExpect(jsonPath("$.trend.escalating").value(true));
        nluParse("{\"text\":\"今天天气怎么样，明天下午三点会下雨吗\"}")
                .andExpect(jsonPath("$.intent.name", nullValue()))
                .andExpect(jsonPath("$.entities[0].type").value("datetime"))
                .andExpect(jsonPath("$.trend", nullValue()));
        nluParse("{\"text\":\"  \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("text must not be empty"));
        nluParse("{\"text\":\"" + "好".repeat(2001) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("text has 2001 characters, more than 2000"));
        nluParse("{\"text\":\"<img src=x onerror=alert(1)>' or 1=1 --\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.intent.name", nullValue()));
        mvc.perform(post("/api/v1/nlu/parse").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hi\"}"))
                .andExpect(status().isUnauthorized());
    }

    private org.springframework.test.web.servlet.ResultActions nluParse(String json) throws Exception {
        return mvc.perform(post("/api/v1/nlu/parse").with(admin()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void invalidImportNamesRowsAndChangesNothing() throws Exception {
        long before = repository.published().orElseThrow().version();
        importCsv("id,category,question,similar_questions,answer\nX1,c,问题,,\nX2,c,,,答案\n", "replace")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("answer"))
                .andExpect(jsonPath("$.errors[1].row").value(3))
                .andExpect(jsonPath("$.errors[1].column").value("question"));
        importCsv("id,category,question,similar_questions,answer\nX1,c,\"unterminated,,a\n", "replace")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", startsWith("malformed CSV")));
        org.assertj.core.api.Assertions.assertThat(repository.published().orElseThrow().version()).isEqualTo(before);
        botMessage("刚下的单能撤销吗").andExpect(jsonPath("$.faqId").value("K2"));
    }

    @Test
    void mergeKeepsOtherFaqsAndExportRoundTrips() throws Exception {
        importCsv("id,category,question,similar_questions,answer\nK7,宽带,宽带坏了怎么报修？,网断了||宽带连不上||报修宽带,拨打10000或在App提交报修。\n",
                "merge").andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1));
        String csv = mvc.perform(get("/api/v1/kb/faqs/export").param("format", "csv").with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("huida-faqs.csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(csv).contains("K1", "K6", "K7");
        importCsv(csv, "replace").andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(7));
        String again = mvc.perform(get("/api/v1/kb/faqs/export").param("format", "csv").with(admin()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(csv);
        mvc.perform(get("/api/v1/kb/faqs").param("q", "宽带").with(admin()))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value("K7"));
    }

    @Test
    void editsMakeDraftsThatAnswerOnlyOncePublished() throws Exception {
        String body = "{\"category\":\"会员\",\"question\":\"怎么开通会员？\",\"similarQuestions\":[\"会员怎么办\",\"开会员\",\"如何成为会员\"],"
                + "\"answer\":\"在「我的-会员中心」开通，首月9.9元。\"}";
        String draft = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/kb/faqs/K8")
                        .with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        long version = Long.parseLong(draft.replaceAll(".*\"version\":(\\d+).*", "$1"));
        botMessage("会员怎么开通呀").andExpect(jsonPath("$.faqId", not("K8")));
        mvc.perform(post("/api/v1/kb/versions/" + version + "/publish").with(admin())).andExpect(status().isOk());
        botMessage("会员怎么开通呀").andExpect(jsonPath("$.faqId").value("K8"));
        mvc.perform(get("/api/v1/kb/versions").with(admin()))
                .andExpect(jsonPath("$[0].version").value((int) version))
                .andExpect(jsonPath("$[0].status").value("PUBLISHED"));
        mvc.perform(post("/api/v1/kb/versions/999999/publish").with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("knowledge-base version 999999 does not exist"));
    }

    @Test
    void badMessagesGetProblemDetails() throws Exception {
        botMessage("").andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("text must not be empty"));
        botMessage("长".repeat(2001)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("text has 2001 characters, more than 2000"));
        mvc.perform(post("/api/v1/bot/messages").with(admin()).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/bot/messages").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"" + "x".repeat(70_000) + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail", startsWith("request body has 70011 bytes, more than 65536")));
        String hostile = "<script>alert(1)</script>'; drop table faq; --";
        botMessage(hostile).andExpect(status().isOk()).andExpect(jsonPath("$.type", not("ANSWER")));
        botMessage("我的包裹到哪里了").andExpect(jsonPath("$.faqId").value("K1"));
    }

    @Test
    void adminApiNeedsCredentialsAndVisitorsNeedAValidToken() throws Exception {
        mvc.perform(get("/api/v1/kb/versions")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/kb/versions").with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/bot/messages").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hi\"}"))
                .andExpect(status().isUnauthorized());
        String session = mvc.perform(post("/api/v1/visitor/sessions")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String sessionId = session.replaceAll(".*\"sessionId\":\"([^\"]+)\".*", "$1");
        String token = session.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        mvc.perform(post("/api/v1/bot/messages").header("X-Visitor-Token", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sessionId\":\"" + sessionId + "\",\"text\":\"我的包裹到哪里了\",\"channel\":\"web\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.faqId").value("K1"));
        mvc.perform(post("/api/v1/bot/messages").header("X-Visitor-Token", token + "x").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sessionId\":\"" + sessionId + "\",\"text\":\"hi\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/bot/messages").header("X-Visitor-Token", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sessionId\":\"someone-else\",\"text\":\"hi\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/kb/versions").header("X-Visitor-Token", token)).andExpect(status().isForbidden());
    }

    @Test
    void batchTestReportsAccuracy() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "q.csv", "text/csv",
                "query,expected_id\n我的包裹到哪里了,K1\n退款几天能到,K3\n今天天气怎么样,NONE\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/kb/batch-test").file(file).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.inScope").value(2))
                .andExpect(jsonPath("$.top1Accuracy").value(1.0))
                .andExpect(jsonPath("$.noneRejectedRate").value(1.0))
                .andExpect(jsonPath("$.misses", hasSize(0)));
    }

    ResultActions importCsv(String csv, String mode) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "kb.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        return mvc.perform(multipart("/api/v1/kb/faqs/import").file(file).param("mode", mode).with(admin()));
    }

    ResultActions botMessage(String text) throws Exception {
        String json = "{\"sessionId\":\"it\",\"text\":" + tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(text) + ",\"channel\":\"api\"}";
        return mvc.perform(post("/api/v1/bot/messages").with(admin()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", PASSWORD);
    }

}
