package io.huida.engine.nlu.intent;

import io.huida.engine.embed.BgeEmbedder;
import io.huida.engine.embed.CachingEmbedder;
import io.huida.engine.text.TextNormalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntentClassifierTest {

    private static final IntentEncoder ENCODER = new IntentEncoder(new TextNormalizer(), new CachingEmbedder(new BgeEmbedder()));
    private static IntentClassifier model;

    static List<IntentExample> examples() {
        List<IntentExample> out = new ArrayList<>();
        add(out, "lost_card", "我的卡丢了", "银行卡丢失怎么办", "信用卡被偷了怎么挂失", "卡找不到了要挂失",
                "I lost my card", "my credit card was stolen", "how do I report a lost card");
        add(out, "refund", "怎么申请退款", "退款多久到账", "我要退钱", "订单退款进度查询",
                "I want a refund", "how long does a refund take", "where is my refund");
        add(out, "delivery", "快递到哪了", "包裹什么时候送到", "物流信息怎么查", "我的货还没到",
                "where is my parcel", "track my delivery", "when will my order arrive");
        add(out, "password", "忘记登录密码了", "怎么修改密码", "密码重置", "账户密码错误登不上去",
                "I forgot my password", "how do I reset my password", "change my login password");
        add(out, "bill", "这个月话费多少", "查询账单", "我的账单怎么这么高", "话费明细在哪看",
                "show me my bill", "why is my bill so high", "check my phone bill");
        add(out, "cancel_plan", "我要取消套餐", "怎么退订流量包", "注销手机号", "不想用这个套餐了",
                "cancel my plan", "unsubscribe from the data package", "terminate my phone contract");
        return out;
    }

    private static void add(List<IntentExample> out, String label, String... texts) {
        for (String t : texts) {
            out.add(new IntentExample(t, label));
        }
    }

    @BeforeAll
    static void train() {
        model = new IntentTrainer(ENCODER, IntentTrainer.Settings.defaults()).train(examples(), List.of());
    }

    @ParameterizedTest
    @CsvSource({
            "我的信用卡不见了,lost_card",
            "退款怎么还没到,refund",
            "我的快遞到哪裡了,delivery",
            "密码忘了怎么办,password",
            "my bill is too expensive this month,bill",
            "I'd like to cancel my mobile plan,cancel_plan",
            "ｉ　ｆｏｒｇｏｔ　ｍｙ　ｐａｓｓｗｏｒｄ,password",
    })
    void recognisesUnseenParaphrases(String text, String intent) {
        IntentPrediction p = model.predict(ENCODER.encode(text), 0);
        assertThat(p.intent()).isEqualTo(intent);
        assertThat(p.ranking()).hasSizeLessThanOrEqualTo(5).first().extracting(IntentScore::intent).isEqualTo(intent);
    }

    @Test
    void probabilitiesAreCalibratedIntoOneDistribution() {
        float[] p = model.probabilities(ENCODER.encode("我要退款"));
        double sum = 0;
        for (float v : p) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(model.intents()).containsExactly("lost_card", "refund", "delivery", "password", "bill", "cancel_plan");
    }

    @Test
    void anUnrelatedMessageIsLessConfidentThanAnInScopeOne() {
        double unrelated = model.predict(ENCODER.encode("今天北京天气怎么样")).confidence();
        double related = model.predict(ENCODER.encode("我的银行卡丢了")).confidence();
        assertThat(related).isGreaterThan(unrelated);
        assertThat(model.threshold()).isGreaterThan(0).isLessThan(1);
    }

    @Test
    void savedModelReloadsWithIdenticalPredictions(@TempDir Path dir) {
        Path file = dir.resolve("intent.bin");
        model.save(file);
        IntentClassifier reloaded = IntentClassifier.load(file, ENCODER.embedderName());
        for (String text : List.of("我的卡丢了", "where is my parcel", "今天天气怎么样", "退订流量包")) {
            EncodedText t = ENCODER.encode(text);
            assertThat(reloaded.predict(t)).isEqualTo(model.predict(t));
        }
        assertThat(reloaded.threshold()).isEqualTo(model.threshold());
    }

    @Test
    void trainingIsDeterministic() {
        IntentClassifier again = new IntentTrainer(ENCODER, IntentTrainer.Settings.defaults()).train(examples(), List.of());
        EncodedText t = ENCODER.encode("话费怎么扣了这么多");
        assertThat(again.predict(t)).isEqualTo(model.predict(t));
    }

    @Test
    void loadingRejectsAModelOfAnotherEmbedderAndForeignFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("intent.bin");
        model.save(file);
        assertThatThrownBy(() -> IntentClassifier.load(file, "other-model"))
                .hasMessageContaining("trained with embedder 'bge-small-v1.5-q', not 'other-model'");
        Path junk = Files.write(dir.resolve("junk.bin"), new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> IntentClassifier.load(junk, ENCODER.embedderName()))
                .hasMessageContaining("is not a Huida intent model");
    }

    @Test
    void realOutOfScopeExamplesBecomeAHiddenClassThatRejectsLikeMessages() {
        List<String> outOfScope = List.of("今天天气怎么样", "明天会下雨吗", "给我讲个笑话", "你叫什么名字", "推荐一部电影",
                "北京有什么好玩的", "帮我订一张机票", "现在几点了", "唱首歌吧", "你喜欢吃什么",
                "what's the weather like", "tell me a joke", "who won the game last night", "play some music",
                "what time is it", "recommend a movie", "how tall is mount everest", "book a flight to paris",
                "what is your name", "translate hello into french");
        IntentClassifier withOos = new IntentTrainer(ENCODER, IntentTrainer.Settings.defaults()).train(examples(), outOfScope);
        assertThat(withOos.intents()).doesNotContain(IntentClassifier.OUT_OF_SCOPE).hasSize(6);
        assertThat(withOos.predict(ENCODER.encode("周末天气好不好")).inScope()).isFalse();
        assertThat(withOos.predict(ENCODER.encode("what's a good film to watch tonight")).inScope()).isFalse();
        IntentPrediction refund = withOos.predict(ENCODER.encode("我想申请退款"));
        assertThat(refund.intent()).isEqualTo("refund");
        assertThat(refund.ranking()).extracting(IntentScore::intent).doesNotContain(IntentClassifier.OUT_OF_SCOPE);
    }

    @Test
    void invalidInputIsRejectedWithTheBadValue() {
        assertThatThrownBy(() -> new IntentExample(" ", "refund")).hasMessageContaining("label 'refund'");
        assertThatThrownBy(() -> new IntentExample("退款", "")).hasMessageContaining("text '退款'");
        assertThatThrownBy(() -> new IntentTrainer.Settings(0, 0.1, 0, 1, 0.2, 0.5, 1)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> new IntentTrainer.Settings(5, 0.1, 0, 1, 0.7, 0.5, 1)).hasMessageContaining("got 0.7");
        IntentTrainer trainer = new IntentTrainer(ENCODER, IntentTrainer.Settings.defaults());
        assertThatThrownBy(() -> trainer.train(List.of(), List.of())).hasMessageContaining("0 examples");
    }
}
