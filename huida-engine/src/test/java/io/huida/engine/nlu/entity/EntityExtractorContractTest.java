package io.huida.engine.nlu.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract every entity extractor keeps: its own type, spans that index the original text, no failures on odd input. */
class EntityExtractorContractTest {

    private static final ExtractionContext CTX = new ExtractionContext(ZonedDateTime.parse("2026-11-22T10:00:00+08:00"));
    private static final EntityConfig CONFIG = EntityConfig.defaults().withProducts(Map.of("小米手环8", List.of("mi band 8")));
    private static final List<String> MESSAGES = List.of(
            "",
            " ",
            "😀😀 明天下午三点 😀 13812345678 👍🏻",
            "訂單號ＹＴ１２３４５６７８９０１２３４，明天下午三點，退款三百塊，寄到臺北",
            "身份证11010519491231002X卡号6222 0212 3456 7890 128邮箱a@b.cn买了3件小米手环8",
            "１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０",
            "号号号月月月年年年点点点块块块万万万",
            "$$$¥¥¥ 1,2,3,4 ... --- +++ @@@ ###",
            "İİİ 寄到上海 Shanghai İstanbul 13812345678",
            "Next Monday at 3pm send 2 pcs to Shenzhen, $20, order #20261120887766");

    static List<Arguments> extractors() {
        return EntityRecognizer.builtIn(CONFIG).stream().map(x -> Arguments.of(x.name(), x)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extractors")
    void entitiesHaveTheExtractorsTypeAndIndexTheOriginalText(String name, EntityExtractor extractor) {
        for (String message : MESSAGES) {
            for (Entity e : extractor.extract(message, CTX)) {
                assertThat(e.type()).isEqualTo(extractor.name());
                assertThat(message.substring(e.start(), e.end())).isEqualTo(e.text());
                assertThat(e.value()).isNotBlank();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extractors")
    void survivesLongRandomInput(String name, EntityExtractor extractor) {
        Random random = new Random(42);
        String alphabet = "0123456789 -.,:/年月日号点时分块元万千百十一二三四五六七八九两上下周个件¥$@abcdeYT订单号北京上海省市区";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String text = sb.toString();
        for (Entity e : extractor.extract(text, CTX)) {
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
        }
    }

    @Test
    void recognizerGivesTheSameAnswerOnManyThreads() throws Exception {
        EntityRecognizer recognizer = new EntityRecognizer(CONFIG);
        List<List<Entity>> expected = new ArrayList<>();
        for (String m : MESSAGES) {
            expected.add(recognizer.recognize(m, CTX));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < MESSAGES.size(); i++) {
                            if (!recognizer.recognize(MESSAGES.get(i), CTX).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }
}
