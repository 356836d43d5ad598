package io.huida.bench;

import io.huida.engine.safety.RiskDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskCommandTest {

    @TempDir
    Path dir;

    private Path write(String... lines) throws Exception {
        Path file = dir.resolve("risk.tsv");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsTypesAndNone() throws Exception {
        Path file = write("# head", "我不想活了\tself_harm", "", "导师带单，让我往私人账户打款\tFraud, investment_high_risk",
                "怎么改密码\tnone");
        assertThat(RiskCommand.read(file)).containsExactly(
                new RiskCommand.Example(2, "我不想活了", Set.of("self_harm")),
                new RiskCommand.Example(4, "导师带单，让我往私人账户打款", Set.of("fraud", "investment_high_risk")),
                new RiskCommand.Example(5, "怎么改密码", Set.of()));
    }

    @Test
    void namesBadLines() throws Exception {
        Path noTab = write("我不想活了");
        assertThatThrownBy(() -> RiskCommand.read(noTab))
                .hasMessage(noTab + " line 1 must be 'text<TAB>types|none': 我不想活了");
        Path mixed = write("x\tnone,fraud");
        assertThatThrownBy(() -> RiskCommand.read(mixed))
                .hasMessage(mixed + " line 1: 'none' with other types [fraud, none]");
    }

    @Test
    void scoresPerTypeAccuracyAndFalseAlarms() throws Exception {
        List<RiskCommand.Example> examples = RiskCommand.read(write(
                "我不想活了\tself_harm",
                "客服让我把验证码发给他\tfraud",
                "怎么修改登录密码\tnone",
                "验证码收不到怎么办\tfraud",
                "有没有保本高收益的理财\tnone"));
        RiskCommand.Report report = RiskCommand.evaluate(RiskDetector.withBuiltInTable(), examples);
        assertThat(report.accuracy()).isEqualTo(0.6);
        assertThat(report.negatives()).isEqualTo(2);
        assertThat(report.falseAlarmRate()).isEqualTo(0.5);
        RiskCommand.TypeScore fraud = report.types().stream().filter(s -> s.type().equals("fraud")).findFirst().orElseThrow();
        assertThat(fraud.precision()).isEqualTo(1.0);
        assertThat(fraud.recall()).isEqualTo(0.5);
        assertThat(fraud.n()).isEqualTo(2);
        assertThat(report.misses()).hasSize(2).first().asString().contains("line 4 expected=[fraud] got=[]");
    }
}
