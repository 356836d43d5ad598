package io.huida.bench;

import io.huida.engine.safety.ComplianceAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplianceCommandTest {

    @TempDir
    Path dir;

    private Path write(String... lines) throws Exception {
        Path file = dir.resolve("compliance.tsv");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsIndustriesAndActions() throws Exception {
        assertThat(ComplianceCommand.read(write("保证收益\tFinance,general\tblock")))
                .containsExactly(new ComplianceCommand.Example(1, "保证收益", Set.of("finance", "general"),
                        ComplianceAction.BLOCK));
        Path bad = write("保证收益\tfinance\tdelete");
        assertThatThrownBy(() -> ComplianceCommand.read(bad))
                .hasMessage(bad + " line 1: unknown action 'delete', expected allow, rewrite or block");
    }

    @Test
    void scoresAccuracyAndPerActionPrecisionRecall() throws Exception {
        List<ComplianceCommand.Example> examples = ComplianceCommand.read(write(
                "保证收益\tfinance\tblock",
                "我们不保证收益\tfinance\tallow",
                "最好的选择\tgeneral\trewrite",
                "您好\tgeneral\tblock"));
        ComplianceCommand.Report report = ComplianceCommand.evaluate(examples, new HashMap<>());
        assertThat(report.accuracy()).isEqualTo(0.75);
        ComplianceCommand.ActionScore block = report.actions().get(ComplianceAction.BLOCK.ordinal());
        assertThat(block.precision()).isEqualTo(1.0);
        assertThat(block.recall()).isEqualTo(0.5);
        ComplianceCommand.ActionScore allow = report.actions().get(ComplianceAction.ALLOW.ordinal());
        assertThat(allow.precision()).isEqualTo(0.5);
        assertThat(report.misses()).singleElement().asString().contains("line 4 expected=BLOCK got=ALLOW");
    }
}
