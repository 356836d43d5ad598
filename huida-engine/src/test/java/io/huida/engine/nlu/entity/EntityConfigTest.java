package io.huida.engine.nlu.entity;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityConfigTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void invalidOrderRegexIsNamed() {
        assertThatThrownBy(() -> EntityConfig.orderPattern("YT[0-9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid order pattern 'YT[0-9':");
    }

    @Test
    void orderPatternMatchingEmptyStringIsRejected() {
        assertThatThrownBy(() -> new EntityConfig(List.of(Pattern.compile("\\d*")), Map.of(), SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("order pattern '\\d*' matches the empty string");
    }

    @Test
    void blankProductAndSynonymAreRejected() {
        assertThatThrownBy(() -> new EntityConfig(List.of(), Map.of(" ", List.of()), SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("product name must not be blank, got ' '");
        assertThatThrownBy(() -> new EntityConfig(List.of(), Map.of("小米14", List.of("")), SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("synonym of product '小米14' must not be blank, got ''");
    }

    @Test
    void synonymOfTwoProductsIsRejected() {
        Map<String, List<String>> products = new java.util.LinkedHashMap<>();
        products.put("小米14", List.of("小米手机"));
        products.put("小米14 Pro", List.of("小米 手機"));
        assertThatThrownBy(() -> new EntityConfig(List.of(), products, SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("synonym '小米 手機' belongs to both '小米14' and '小米14 Pro'");
    }

    @Test
    void nullZoneIsRejected() {
        assertThatThrownBy(() -> new EntityConfig(List.of(), Map.of(), null)).isInstanceOf(NullPointerException.class).hasMessage("zone");
    }

    @Test
    void knowledgeBaseOrderPatternsAreUsedAsWholeTokens() {
        EntityConfig config = EntityConfig.defaults().withOrderPatterns(List.of(EntityConfig.orderPattern("JD\\d{12}")));
        EntityRecognizer recognizer = new EntityRecognizer(config);
        ZonedDateTime ref = ZonedDateTime.parse("2026-11-22T10:00:00+08:00");
        assertThat(recognizer.recognize("查一下jd202611220001", ref)).singleElement()
                .isEqualTo(new Entity(Entity.ORDER_NUMBER, "JD202611220001", "jd202611220001", 3, 17));
        assertThat(recognizer.recognize("XJD2026112200019", ref)).isEmpty();
        // the default YT pattern is replaced
        assertThat(recognizer.recognize("YT12345678901234", ref)).isEmpty();
    }

    @Test
    void entityValidatesItsSpan() {
        assertThatThrownBy(() -> new Entity("phone", "+8613812345678", "138", 0, 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("text '138' does not fit span [0, 11)");
        assertThatThrownBy(() -> new Entity("", "v", "t", 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("entity type must not be blank, got ''");
        assertThatThrownBy(() -> new Entity("phone", "v", "t", 3, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invalid span [3, 3) for 't'");
    }

    @Test
    void productDictionaryIsReadFromTsv() throws Exception {
        String tsv = "# comment\n华为Mate 60 Pro\tMate60Pro|mate60\n\n会员年卡\n";
        Map<String, List<String>> products = ProductExtractor.readTsv(new java.io.BufferedReader(new java.io.StringReader(tsv)));
        assertThat(products).containsExactly(Map.entry("华为Mate 60 Pro", List.of("Mate60Pro", "mate60")), Map.entry("会员年卡", List.of()));
        assertThatThrownBy(() -> ProductExtractor.readTsv(new java.io.BufferedReader(new java.io.StringReader("\tx|y\n"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
    }
}
