package io.huida.engine.nlu.emotion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmotionDetectorTest {

    private final EmotionDetector detector = EmotionDetector.withBuiltInLexicon();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "你们这什么垃圾服务，气死我了|ANGRY",
            "快递到底什么时候到，急死了|ANXIOUS",
            "唉，期待了很久，结果很失望|SAD",
            "谢谢，问题解决了|SATISFIED",
            "I'm furious, you charged me twice|ANGRY",
            "I'm worried my card was stolen, what should I do|ANXIOUS",
            "Heartbroken, the gift arrived broken|SAD",
            "Thanks so much, that fixed it|SATISFIED",
            "我的order被cancel了，我真的很火大|ANGRY",
    })
    void detectsEachLabel(String text, EmotionLabel expected) {
        Emotion e = detector.detect(text);
        assertThat(e.label()).isEqualTo(expected);
        assertThat(e.intensity()).isBetween(0.2, 1.0);
        assertThat(e.cues()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "请问怎么修改收货地址|NEUTRAL",
            "How do I update my billing address?|NEUTRAL",
            "信用卡账单日是几号？|NEUTRAL",
            "How do I delete an angry review I posted?|NEUTRAL",
            "伤心太平洋的彩铃怎么设置|NEUTRAL",
            "etc卡怎么办理|NEUTRAL",
    })
    void plainQuestionsAreNeutralWithZeroIntensity(String text, EmotionLabel expected) {
        Emotion e = detector.detect(text);
        assertThat(e.label()).isEqualTo(expected);
        assertThat(e.intensity()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "我不生气，就是问问为什么延迟了|NEUTRAL",
            "不是很急，有空再查|NEUTRAL",
            "I'm not worried, just checking the date|NEUTRAL",
            "I am not happy with this service|ANGRY",
            "不是很满意|ANGRY",
            "Not disappointed at all, great quality|SATISFIED",
            "一点也不麻烦，很好用，谢谢|SATISFIED",
            "服务挺好的，没什么可抱怨的|SATISFIED",
            "这不是骗人吗|ANGRY",
            "不交税会不会被退回|ANXIOUS",
    })
    void negationCancelsOrFlips(String text, EmotionLabel expected) {
        assertThat(detector.detect(text).label()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "如果我不满意可以退吗|NEUTRAL",
            "急用的话可以自提吗|NEUTRAL",
            "What happens if I'm not satisfied with the product?|NEUTRAL",
            "再不处理我就去投诉你们|ANGRY",
    })
    void feelingsInHypotheticalsDoNotCount(String text, EmotionLabel expected) {
        Emotion e = detector.detect(text);
        assertThat(e.label()).isEqualTo(expected);
        if (expected == EmotionLabel.NEUTRAL) {
            assertThat(e.cues()).anySatisfy(c -> assertThat(c).endsWith("(hypothetical)"));
        }
    }

    @Test
    void negatedPraiseIsMildAndMarkedNegated() {
        Emotion notVery = detector.detect("不是很满意");
        Emotion satisfied = detector.detect("很满意");
        assertThat(notVery.label()).isNotEqualTo(EmotionLabel.SATISFIED);
        assertThat(notVery.intensity()).isLessThan(0.4);
        assertThat(notVery.cues()).anySatisfy(c -> assertThat(c).contains("满意").endsWith("(negated)"));
        assertThat(satisfied.label()).isEqualTo(EmotionLabel.SATISFIED);
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(delimiter = '|', value = {
            "我很生气|我非常生气",
            "有点失望|失望",
            "失望|太失望了",
            "I'm worried|I'm extremely worried",
            "I'm a bit annoyed|I'm annoyed",
    })
    void intensifiersRaiseAndDowntonersLowerIntensity(String weaker, String stronger) {
        Emotion weak = detector.detect(weaker);
        Emotion strong = detector.detect(stronger);
        assertThat(strong.label()).isEqualTo(weak.label()).isNotEqualTo(EmotionLabel.NEUTRAL);
        assertThat(strong.intensity()).isGreaterThan(weak.intensity());
    }

    @Test
    void exclamationMarksAndCapitalsRaiseIntensity() {
        double plain = detector.detect("你们太过分了").intensity();
        double one = detector.detect("你们太过分了！").intensity();
        double three = detector.detect("你们太过分了！！！").intensity();
        assertThat(one).isGreaterThan(plain);
        assertThat(three).isGreaterThan(one).isLessThanOrEqualTo(1.0);
        assertThat(detector.detect("This is the WORST service").intensity())
                .isGreaterThan(detector.detect("This is the worst service").intensity());
        Emotion shouting = detector.detect("STOP SENDING ME THESE MESSAGES");
        assertThat(shouting.label()).isEqualTo(EmotionLabel.ANGRY);
        assertThat(shouting.cues()).contains("ALL CAPS");
        assertThat(detector.detect("订单YT12345678901234什么时候到").cues()).noneMatch(c -> c.contains("caps"));
        assertThat(detector.detect("Where is order YT12345678901234").label()).isEqualTo(EmotionLabel.NEUTRAL);
    }

    @Test
    void intensitySaturatesBelowOne() {
        Emotion e = detector.detect("气死我了！！！垃圾骗子公司，太过分了，受够了，我要投诉！！！");
        assertThat(e.label()).isEqualTo(EmotionLabel.ANGRY);
        assertThat(e.intensity()).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "呵呵，你们的效率真高",
            "真是谢谢你们了，又送错了",
            "好一个极速退款，一个月了还没到",
            "Thanks for nothing.",
            "Great job, my package is lost again.",
            "Wow, amazing service 🙄",
            "退款又被拒了 👍",
    })
    void sarcasmIsAnger(String text) {
        Emotion e = detector.detect(text);
        assertThat(e.label()).isEqualTo(EmotionLabel.ANGRY);
        assertThat(e.cues()).anySatisfy(c -> assertThat(c).containsAnyOf("(sarcasm)", "(ironic)"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Great job, everything works now 👍",
            "Thanks a lot for sorting this out so quickly",
    })
    void praiseWithoutComplaintIsSincere(String text) {
        assertThat(detector.detect(text).label()).isEqualTo(EmotionLabel.SATISFIED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "麻烦帮我查一下退款进度，谢谢|NEUTRAL",
            "Can you send me the invoice? Thanks|NEUTRAL",
            "谢谢，问题解决了|SATISFIED",
            "Thanks, that worked|SATISFIED",
    })
    void thanksInsideARequestIsPoliteness(String text, EmotionLabel expected) {
        Emotion e = detector.detect(text);
        assertThat(e.label()).isEqualTo(expected);
        if (expected == EmotionLabel.NEUTRAL) {
            assertThat(e.cues()).anySatisfy(c -> assertThat(c).endsWith("(polite)"));
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "你們的客服態度太差了|你们的客服态度太差了",
            "帳戶被凍結了，怎麼辦|账户被冻结了，怎么办",
            "謝謝，問題解決了|谢谢，问题解决了",
            "ＷＴＦ，套餐怎么变了？？？|WTF,套餐怎么变了???",
    })
    void traditionalAndFullWidthReadLikeSimplified(String variant, String simplified) {
        assertThat(detector.detect(variant)).isEqualTo(detector.detect(simplified));
        assertThat(detector.detect(variant).label()).isNotEqualTo(EmotionLabel.NEUTRAL);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "你们又把我的快递送错了|ANGRY",
            "你们周末上班吗|NEUTRAL",
            "Your technician didn't show up again|ANGRY",
            "What kind of bank closes accounts without notice?!|ANGRY",
            "问了三个客服三个说法|ANGRY",
            "This is the fourth time I've reported the same fault|ANGRY",
            "这是我第二次买你们家的东西了|NEUTRAL",
    })
    void grievancesWithoutEmotionWordsAreAnger(String text, EmotionLabel expected) {
        assertThat(detector.detect(text).label()).isEqualTo(expected);
    }

    @Test
    void angerNeedsLessEvidenceInAStatementThanInAQuestion() {
        assertThat(detector.detect("一个破耳机修了两个月").label()).isEqualTo(EmotionLabel.ANGRY);
        assertThat(detector.detect("破耳机还能修吗？").label()).isEqualTo(EmotionLabel.NEUTRAL);
    }

    @Test
    void blameCountsOnlyNextToAGrievance() {
        assertThat(detector.detect("你们又把我的快递送错了").cues()).contains("你们 (blame)", "又", "送错");
        assertThat(detector.detect("谢谢你们的帮助").cues()).noneMatch(c -> c.endsWith("(blame)"));
    }

    @Test
    void contrastMakesTheLaterClauseCount() {
        assertThat(detector.detect("虽然等了很久有点烦，但是客服很耐心，非常满意").label())
                .isEqualTo(EmotionLabel.SATISFIED);
    }

    @Test
    void cuesExplainTheDecision() {
        Emotion e = detector.detect("我非常生气！！");
        assertThat(e.cues()).containsExactly("非常生气", "!!");
    }

    @Test
    void blankTextIsNeutralAndNullIsRejected() {
        assertThat(detector.detect("   ")).isEqualTo(Emotion.NONE);
        assertThatThrownBy(() -> detector.detect(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
        assertThatThrownBy(() -> new EmotionDetector(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("lexicon");
    }

    @Test
    void isDeterministicAndFast() {
        List<String> texts = List.of("你们这什么破服务，等了两个小时都没人理！！！", "I'm really worried about my card",
                "謝謝客服，問題解決了", "How do I update my billing address?", "唉，又没抢到，好失望");
        for (int i = 0; i < 200; i++) {
            texts.forEach(detector::detect);
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            for (String t : texts) {
                long t0 = System.nanoTime();
                assertThat(detector.detect(t)).isEqualTo(detector.detect(t));
                nanos.add(System.nanoTime() - t0);
            }
        }
        nanos.sort(null);
        assertThat(nanos.get(nanos.size() / 2)).as("median nanos of two detections").isLessThan(1_000_000L);
    }
}
