package io.huida.engine.bot;

import io.huida.engine.kb.AnswerVariant;
import io.huida.engine.kb.Faq;
import io.huida.engine.retrieval.Calibrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "我的快递到哪里了|EC009",
            "下的单不想要了咋取消|EC002",
            "怎麼取消訂單|EC002",
            "my parcel, where is it? how to track the order|EN001",
            "I lost my credit card, what should I do|EN009",
    })
    void answersParaphrasesWithTheRightFaq(String text, String faqId) {
        BotReply reply = TestKb.bot().reply(BotRequest.of(text));
        assertThat(reply.type()).as(reply.explanation().reason()).isEqualTo(ReplyType.ANSWER);
        assertThat(reply.faqId()).isEqualTo(faqId);
        assertThat(reply.text()).isEqualTo(TestKb.bot().index().faq(faqId).answer());
        assertThat(reply.confidence()).isBetween(0.5, 1.0);
        assertThat(reply.explanation().matchedQuestion()).isNotBlank();
        assertThat(reply.explanation().semanticScore()).isPositive();
        assertThat(reply.candidates().get(0).faqId()).isEqualTo(faqId);
        assertThat(reply.intent().name()).as("the knowledge base's intent model agrees").isEqualTo(faqId);
        assertThat(reply.intent().confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void intentsBeyondTheFaqsAreLearnedAlongsideThem() {
        List<io.huida.engine.nlu.intent.IntentExample> extra = new ArrayList<>();
        for (String t : List.of("转人工", "我要找人工客服", "帮我接真人", "人工服务", "我不要机器人", "I want to talk to a human",
                "connect me to an agent", "real person please")) {
            extra.add(new io.huida.engine.nlu.intent.IntentExample(t, "human_agent"));
        }
        var model = BotIntents.train(TestKb.bot().index(), extra).orElseThrow();
        assertThat(model.intents()).contains("human_agent", "EC009");
        var encoder = new io.huida.engine.nlu.intent.IntentEncoder(TestKb.pipeline().normalizer(), TestKb.pipeline().embedder());
        assertThat(model.predict(encoder.encode("能不能给我转个人工")).intent()).isEqualTo("human_agent");
        assertThat(model.predict(encoder.encode("我的快递到哪里了")).intent()).isEqualTo("EC009");
        var clash = List.of(new io.huida.engine.nlu.intent.IntentExample("你好", "EC009"));
        assertThatThrownBy(() -> BotIntents.train(TestKb.bot().index(), clash))
                .hasMessage("intent 'EC009' has the id of an FAQ; give it another name");
    }

    @Test
    void theKnowledgeBaseTrainsAnIntentModelOverItsFaqs() {
        assertThat(TestKb.bot().intents()).isPresent();
        assertThat(TestKb.bot().intents().get().intents()).hasSize(TestKb.bot().index().faqs().size());
        BotReply offTopic = TestKb.bot().reply(BotRequest.of("今天天气怎么样"));
        assertThat(offTopic.intent().name()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"今天天气怎么样", "给我讲个笑话吧", "what is the capital of France"})
    void doesNotAnswerWhatTheKnowledgeBaseDoesNotCover(String text) {
        BotReply reply = TestKb.bot().reply(BotRequest.of(text));
        assertThat(reply.type()).as(reply.explanation().reason()).isNotEqualTo(ReplyType.ANSWER);
        assertThat(reply.faqId()).isNull();
    }

    @Test
    void aMessageOfOnlyNumbersIsNotAnsweredFromTheKnowledgeBase() {
        BotReply r = TestKb.bot().reply(new BotRequest("3100123456", null, null, Instant.now()));
        assertThat(r.type()).isEqualTo(ReplyType.FALLBACK);
        assertThat(r.explanation().reason()).isEqualTo("the message has no words, only numbers or symbols");
        assertThat(r.text()).containsPattern("\\p{IsHan}");
        assertThat(TestKb.bot().reply(new BotRequest("12306 怎么退票", null, null, Instant.now())).explanation().reason())
                .isNotEqualTo("the message has no words, only numbers or symbols");
    }

    @Test
    void fallbackSpeaksTheCustomersLanguage() {
        assertThat(TestKb.bot().reply(BotRequest.of("!!!???")).type()).isEqualTo(ReplyType.FALLBACK);
        assertThat(TestKb.bot().reply(BotRequest.of("tell me a joke about cats")).text())
                .isIn(BotMessages.defaults().fallbackEn(), BotMessages.defaults().clarifyEn());
    }

    @Test
    void rejectsEmptyAndOversizedMessages() {
        assertThatThrownBy(() -> BotRequest.of("  ")).hasMessage("text must not be empty");
        assertThatThrownBy(() -> BotRequest.of("好".repeat(2001))).hasMessage("text has 2001 characters, more than 2000");
        assertThat(BotRequest.of("好".repeat(2000)).text()).hasSize(2000);
    }

    @Test
    void usesVariantsAndSkipsFaqsOutsideTheirValidity() {
        List<Faq> faqs = new ArrayList<>(TestKb.faqs());
        Faq logistics = faqs.stream().filter(f -> f.id().equals("EC009")).findFirst().orElseThrow();
        faqs.replaceAll(f -> f.id().equals("EC009") ? new Faq(f.id(), f.category(), f.question(), f.similarQuestions(),
                f.answer(), List.of(new AnswerVariant(null, "vip", "尊敬的VIP客户，专属客服已为您查询物流。")),
                null, Instant.parse("2030-01-01T00:00:00Z"), true) : f);
        Bot bot = Bot.build(faqs, TestKb.pipeline(), new Calibrator(Calibrator.Settings.defaults()), null);

        BotReply vip = bot.reply(new BotRequest("我的快递到哪里了", "web", "VIP", Instant.parse("2029-06-01T00:00:00Z")));
        assertThat(vip.faqId()).isEqualTo("EC009");
        assertThat(vip.text()).isEqualTo("尊敬的VIP客户，专属客服已为您查询物流。");

        BotReply expired = bot.reply(new BotRequest("我的快递到哪里了", "web", null, Instant.parse("2031-01-01T00:00:00Z")));
        assertThat(expired.faqId()).isNotEqualTo(logistics.id());
        assertThat(expired.candidates()).extracting(BotReply.Choice::faqId).doesNotContain("EC009");
    }
}
