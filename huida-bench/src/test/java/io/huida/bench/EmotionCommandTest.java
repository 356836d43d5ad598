package io.huida.bench;

import io.huida.engine.nlu.emotion.EmotionDetector;
import io.huida.engine.nlu.emotion.EmotionLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class EmotionCommandTest {

    @TempDir
    Path dir;

    private Path write(String... lines) throws Exception {
        Path file = dir.resolve("set.tsv");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsLabelledLinesSkippingCommentsAndBlanks() throws Exception {
        Path file = write("# a comment", "气死我了\tangry", "", "How do I reset my password?\tNEUTRAL");
        assertThat(EmotionCommand.read(file)).containsExactly(
                new EmotionCommand.Example(2, "气死我了", EmotionLabel.ANGRY),
                new EmotionCommand.Example(4, "How do I reset my password?", EmotionLabel.NEUTRAL));
    }

    @Test
    void namesTheFileAndLineOfBadRows() throws Exception {
        Path noTab = write("气死我了");
        assertThatThrownBy(() -> EmotionCommand.read(noTab))
                .hasMessage(noTab + " line 1 must be 'text<TAB>label': 气死我了");
        Path badLabel = write("气死我了\tfurious");
        assertThatThrownBy(() -> EmotionCommand.read(badLabel)).hasMessage(badLabel + " line 1: unknown emotion "
                + "label 'furious', expected one of angry, anxious, sad, satisfied, neutral");
        Path empty = write("# nothing");
        assertThatThrownBy(() -> EmotionCommand.read(empty)).hasMessage(empty + " holds no labelled messages");
    }

    @Test
    void scoresPrecisionRecallAndMacroF1() throws Exception {
        List<EmotionCommand.Example> examples = EmotionCommand.read(write(
                "气死我了，太过分了\tangry",
                "谢谢，问题解决了\tsatisfied",
                "请问怎么开发票\tneutral",
                "请问怎么改地址\tangry"));
        EmotionCommand.Report report = EmotionCommand.evaluate(EmotionDetector.withBuiltInLexicon(), examples);
        assertThat(report.accuracy()).isEqualTo(0.75);
        EmotionCommand.LabelScore angry = report.labels().get(EmotionLabel.ANGRY.ordinal());
        assertThat(angry.precision()).isEqualTo(1.0);
        assertThat(angry.recall()).isEqualTo(0.5);
        assertThat(angry.n()).isEqualTo(2);
        EmotionCommand.LabelScore neutral = report.labels().get(EmotionLabel.NEUTRAL.ordinal());
        assertThat(neutral.precision()).isEqualTo(0.5);
        assertThat(report.macroF1()).isCloseTo((2 / 3.0 + 1.0 + 2 / 3.0) / 5, offset(1e-9));
        assertThat(report.misses()).singleElement().asString().contains("line 4 expected=angry got=neutral");
    }
}
