package io.huida.bench;

import io.huida.engine.nlu.entity.Entity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntityScoresTest {

    @Test
    void wrongValueIsBothFalsePositiveAndFalseNegative() {
        EntityScores scores = new EntityScores();
        Entity gold = new Entity(Entity.MONEY, "300 CNY", "三百块", 2, 5);
        Entity wrong = new Entity(Entity.MONEY, "3 CNY", "三百块", 2, 5);
        EntityScores.Misses misses = scores.add(List.of(gold), List.of(wrong));
        EntityScores.Counts money = scores.byType().get(Entity.MONEY);
        assertThat(money.truePositives).isZero();
        assertThat(money.falsePositives).isEqualTo(1);
        assertThat(money.falseNegatives).isEqualTo(1);
        assertThat(money.precision()).isZero();
        assertThat(money.recall()).isZero();
        assertThat(misses.missed()).containsExactly(gold);
        assertThat(misses.spurious()).containsExactly(wrong);
    }

    @Test
    void exactMatchCountsOnceAndSpuriousTypeGetsItsOwnLine() {
        EntityScores scores = new EntityScores();
        Entity phone = new Entity(Entity.PHONE, "+8613812345678", "13812345678", 0, 11);
        Entity extra = new Entity(Entity.QUANTITY, "1 个", "一个", 12, 14);
        scores.add(List.of(phone), List.of(phone, extra));
        assertThat(scores.byType().get(Entity.PHONE).precision()).isEqualTo(1.0);
        assertThat(scores.byType().get(Entity.QUANTITY).falsePositives).isEqualTo(1);
        assertThat(scores.overall().support()).isEqualTo(1);
        assertThat(EntityScores.json("phone", scores.byType().get(Entity.PHONE)))
                .isEqualTo("{\"type\":\"phone\",\"precision\":1.0000,\"recall\":1.0000,\"f1\":1.0000,\"support\":1}");
    }
}
