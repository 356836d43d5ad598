package io.huida.server.nlu;

import io.huida.engine.nlu.MessageAnalyzer;
import io.huida.engine.nlu.entity.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NluConfigTest {

    private final NluConfig config = new NluConfig();

    @Test
    void orderPatternsProductsAndZoneComeFromTheSettings(@TempDir Path dir) throws Exception {
        Path products = Files.writeString(dir.resolve("products.tsv"), "畅享套餐\t畅享卡|畅享流量卡\n");
        MessageAnalyzer analyzer = config.messageAnalyzer(new NluProperties(List.of("JD\\d{12}"), products, "Europe/Berlin", null));
        List<Entity> entities = analyzer.analyze("订单JD123456789012的畅享卡明天能到吗", Instant.parse("2026-11-22T22:30:00Z")).entities();
        assertThat(entities).extracting(Entity::type).contains(Entity.ORDER_NUMBER, Entity.PRODUCT, Entity.DATETIME);
        assertThat(entities).filteredOn(e -> e.type().equals(Entity.ORDER_NUMBER)).extracting(Entity::value)
                .containsExactly("JD123456789012");
        assertThat(entities).filteredOn(e -> e.type().equals(Entity.PRODUCT)).extracting(Entity::value).containsExactly("畅享套餐");
        // 22:30 UTC is 23:30 in Berlin, so 明天 is the 23rd there
        assertThat(entities).filteredOn(e -> e.type().equals(Entity.DATETIME)).first().extracting(Entity::value)
                .asString().startsWith("2026-11-23");
    }

    @Test
    void customIntentsAreReadFromTheIntentsFileWithLineNumbersInErrors(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("intents.tsv"), "# extra intents\n转人工\thuman_agent\n\nI want a real person\thuman_agent\n");
        assertThat(config.customIntents(new NluProperties(List.of(), null, null, good)).examples())
                .extracting(e -> e.text() + "=" + e.label()).containsExactly("转人工=human_agent", "I want a real person=human_agent");
        assertThat(config.customIntents(new NluProperties(List.of(), null, null, null)).examples()).isEmpty();
        Path bad = Files.writeString(dir.resolve("bad.tsv"), "你好\tgreeting\n没有标签的一行\n");
        assertThatThrownBy(() -> config.customIntents(new NluProperties(List.of(), null, null, bad)))
                .hasMessageContaining("bad.tsv line 2: expected text<TAB>intent, got '没有标签的一行'");
    }

    @Test
    void badSettingsStopStartUpNamingTheValue() {
        assertThatThrownBy(() -> config.messageAnalyzer(new NluProperties(List.of("YT(\\d"), null, null, null)))
                .hasMessageContaining("invalid order pattern 'YT(\\d'");
        assertThatThrownBy(() -> config.messageAnalyzer(new NluProperties(List.of(), null, "Mars/Olympus", null)))
                .hasMessageContaining("huida.nlu.time-zone 'Mars/Olympus' is not a time zone");
        assertThatThrownBy(() -> config.messageAnalyzer(new NluProperties(List.of(), Path.of("/no/such/products.tsv"), null, null)))
                .hasMessageContaining("cannot read huida.nlu.products-file '/no/such/products.tsv'");
    }
}
