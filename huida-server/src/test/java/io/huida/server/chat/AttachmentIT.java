package io.huida.server.chat;

import io.huida.server.conversation.ChatEntry;
import io.huida.server.conversation.ConversationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Images and files from the widget: type checked by content, size limited, visible to the visitor and the agent only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huida.data-dir=target/it-dialog-h2",
        "huida.demo-data=true",
        "huida.admin-password=dialog-admin-pw",
        "spring.datasource.url=jdbc:h2:mem:huida-dialog-it;DB_CLOSE_DELAY=-1",
        "huida.widget.site-secret=test-site-secret"})
@AutoConfigureMockMvc
class AttachmentIT {

    /** A 1×1 PNG. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    MockMvc mvc;

    @Autowired
    ConversationService conversations;

    @Autowired
    io.huida.server.conversation.ConversationLifecycle lifecycle;

    private String[] session() throws Exception {
        String body = mvc.perform(post("/api/v1/visitor/sessions")).andReturn().getResponse().getContentAsString();
        var json = JsonMapper.builder().build().readTree(body);
        return new String[]{json.path("sessionId").asString(), json.path("token").asString()};
    }

    @Test
    void aVisitorSendsAnImageThatOnlyTheConversationCanSee() throws Exception {
        String[] s = session();
        String body = mvc.perform(multipart("/api/v1/bot/attachments").file(new MockMultipartFile("file", "../../收据.png",
                        "image/png", PNG)).header("X-Visitor-Token", s[1]))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(jsonPath("$.name").value("收据.png"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonMapper.builder().build().readTree(body).path("id").asString();
        List<ChatEntry> transcript = conversations.transcript(s[0], 10);
        assertThat(transcript).extracting(ChatEntry::attachmentId).contains(id);
        assertThat(transcript.get(transcript.size() - 1).text()).isEqualTo("[图片] 收据.png");

        byte[] served = mvc.perform(get("/api/v1/bot/attachments/" + id).param("token", s[1]))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(PNG);
        String[] other = session();
        mvc.perform(get("/api/v1/bot/attachments/" + id).param("token", other[1])).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/bot/attachments/" + id).param("token", "forged.token")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/agent/attachments/" + id).with(user("boss").roles("SUPERVISOR"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/agent/attachments/" + id).with(user("stranger").roles("AGENT"))).andExpect(status().isForbidden());
    }

    @Test
    void theOwningAgentSendsAFileTheVisitorCanOpenAndNobodyElseMaySend() throws Exception {
        String[] s = session();
        conversations.message(s[0], "visitor:" + s[0], new io.huida.engine.dialog.DialogRequest("转人工", "web",
                io.huida.engine.dialog.Customer.ANONYMOUS, java.time.Instant.now()));
        assertThat(lifecycle.assign(s[0], "fileAgent", java.time.Instant.now())).isTrue();
        byte[] pdf = "%PDF-1.4\n退款说明\n%%EOF".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        mvc.perform(multipart("/api/v1/agent/conversations/" + s[0] + "/attachments")
                        .file(new MockMultipartFile("file", "退款说明.pdf", "application/pdf", pdf))
                        .with(user("otherAgent").roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value(containsString("does not own")));
        mvc.perform(multipart("/api/v1/agent/conversations/" + s[0] + "/attachments")
                        .file(new MockMultipartFile("file", "x.html", "application/pdf", "<script>alert(1)</script>".getBytes()))
                        .with(user("fileAgent").roles("AGENT")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("only PNG")));
        String body = mvc.perform(multipart("/api/v1/agent/conversations/" + s[0] + "/attachments")
                        .file(new MockMultipartFile("file", "退款说明.pdf", "application/pdf", pdf))
                        .with(user("fileAgent").roles("AGENT")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sender").value("agent"))
                .andExpect(jsonPath("$.author").value("fileAgent"))
                .andExpect(jsonPath("$.text").value("[文件] 退款说明.pdf"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonMapper.builder().build().readTree(body).path("attachmentId").asString();

        List<ChatEntry> transcript = conversations.transcript(s[0], 50);
        assertThat(transcript).filteredOn(e -> id.equals(e.attachmentId())).singleElement()
                .satisfies(e -> assertThat(e.sender()).isEqualTo("agent"));
        assertThat(transcript).filteredOn(e -> e.attachmentId() != null).hasSize(1); // the refused ones left nothing
        byte[] served = mvc.perform(get("/api/v1/bot/attachments/" + id).param("token", s[1]))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(pdf);
        mvc.perform(get("/api/v1/bot/attachments/" + id).param("token", session()[1])).andExpect(status().isForbidden());
    }

    @Test
    void filesAreCheckedByContentAndSize() throws Exception {
        String[] s = session();
        mvc.perform(multipart("/api/v1/bot/attachments").file(new MockMultipartFile("file", "photo.png", "image/png",
                        "<script>alert(1)</script>".getBytes())).header("X-Visitor-Token", s[1]))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("only PNG, JPEG, GIF, WebP images and PDF")));
        byte[] big = Arrays.copyOf(PNG, Attachments.MAX_BYTES + 1);
        mvc.perform(multipart("/api/v1/bot/attachments").file(new MockMultipartFile("file", "big.png", "image/png", big))
                        .header("X-Visitor-Token", s[1]))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("more than 5242880")));
        mvc.perform(multipart("/api/v1/bot/attachments").file(new MockMultipartFile("file", "x.png", "image/png", PNG)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theWidgetMayUploadFromAnotherSite() throws Exception {
        mvc.perform(options("/api/v1/bot/attachments").header("Origin", "https://shop.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "X-Visitor-Token"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://shop.example"));
    }
}
