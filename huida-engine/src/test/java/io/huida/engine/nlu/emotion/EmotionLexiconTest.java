package io.huida.engine.nlu.emotion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmotionLexiconTest {

    @Test
    void builtInTableLoads() {
        assertThat(EmotionLexicon.builtIn().size()).isGreaterThan(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "生气|t.tsv line 1: expected cue<TAB>kind[<TAB>weight], got 1 field(s) in '生气'",
            "生气\tangry\tlots|t.tsv line 1: angry weight must be a number, got 'lots'",
            "生气\tangry\t0|t.tsv line 1: angry weight must be in (0, 3], got 0",
            "生气\tangry|t.tsv line 1: angry weight must be a number, got ''",
            "非常\tintensifier\t0.5|t.tsv line 1: intensifier weight must be in (1, 3], got 0.5",
            "有点\tdowntoner\t1.5|t.tsv line 1: downtoner weight must be in (0, 1), got 1.5",
            "不\tnegation\t1|t.tsv line 1: negation cues take no weight, got '1'",
            "气死，了\tangry\t1|t.tsv line 1: cue '气死，了' must hold words and no punctuation",
            "生*\tangry\t1|t.tsv line 1: cue '生*': only an English word can end in *",
    })
    void rejectsMalformedLinesNamingTheValue(String line, String message) {
        assertThatThrownBy(() -> EmotionLexicon.parse(List.of(line), "t.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsUnknownKindsListingTheKnownOnes() {
        assertThatThrownBy(() -> EmotionLexicon.parse(List.of("生气\tanrgy\t1"), "t.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("t.tsv line 1: unknown kind 'anrgy', expected one of [angry, anxious, sad, "
                        + "satisfied, thanks, complaint,")
                .hasMessageContaining("negation, hypothetical, intensifier, downtoner");
    }

    @Test
    void rejectsBadPatternCues() {
        assertThatThrownBy(() -> EmotionLexicon.parse(List.of("re:第(\tcomplaint\t1"), "t.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t.tsv line 1: pattern cue 're:第(' is no valid regular expression: Unclosed group");
        assertThatThrownBy(() -> EmotionLexicon.parse(List.of("re:如果\tnegation"), "t.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t.tsv line 1: pattern cue 're:如果' must be angry, anxious, sad, satisfied, complaint or "
                        + "sarcasm, got negation");
    }

    @Test
    void patternCuesAddEvidenceOncePerMessage() {
        EmotionLexicon lexicon = EmotionLexicon.parse(List.of("re:问了[三四五]个客服\tangry\t0.8"), "p.tsv");
        Emotion e = new EmotionDetector(lexicon).detect("问了三个客服，又问了四个客服");
        assertThat(e.label()).isEqualTo(EmotionLabel.ANGRY);
        assertThat(e.cues()).containsExactly("问了三个客服");
    }

    @Test
    void rejectsBlankCues() {
        assertThatThrownBy(() -> EmotionLexicon.parse(List.of(" \tangry\t1"), "t.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t.tsv line 1: cue must not be blank");
    }

    @Test
    void rejectsDuplicatesAcrossScripts() {
        assertThatThrownBy(() -> EmotionLexicon.parse(List.of("# cues", "生气\tangry\t1", "生氣\tsad\t1"), "t.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t.tsv line 3: cue '生氣' is already listed on line 2");
    }

    @Test
    void rejectsTablesWithoutEvidence() {
        assertThatThrownBy(() -> EmotionLexicon.parse(List.of("不\tnegation"), "t.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t.tsv has no evidence cues (angry, anxious, sad, satisfied, ...)");
    }

    @Test
    void rejectsMissingResources() {
        assertThatThrownBy(() -> EmotionLexicon.fromResource("nope.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lexicon resource 'nope.tsv' is not on the classpath next to "
                        + "io.huida.engine.nlu.emotion.EmotionLexicon");
    }

    @Test
    void customTableDrivesTheDetector() {
        EmotionLexicon lexicon = EmotionLexicon.parse(List.of("grr\tangry\t2", "yay*\tsatisfied\t2", "not\tnegation"),
                "mini.tsv");
        EmotionDetector detector = new EmotionDetector(lexicon);
        assertThat(detector.detect("grr").label()).isEqualTo(EmotionLabel.ANGRY);
        assertThat(detector.detect("yaaay yayyy").label()).isEqualTo(EmotionLabel.SATISFIED);
        assertThat(detector.detect("not grr").label()).isEqualTo(EmotionLabel.NEUTRAL);
        assertThat(detector.detect("生气").label()).isEqualTo(EmotionLabel.NEUTRAL);
    }
}
