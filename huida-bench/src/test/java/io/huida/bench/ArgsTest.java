package io.huida.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgsTest {

    @Test
    void parsesValuesAndFlags() {
        Args args = Args.parse(new String[]{"--kb", "kb.csv", "--misses", "--n", "20"});
        assertThat(args.require("kb")).isEqualTo("kb.csv");
        assertThat(args.get("n", "5")).isEqualTo("20");
        assertThat(args.get("queries", "q.csv")).isEqualTo("q.csv");
        assertThat(args.has("misses")).isTrue();
        assertThat(args.has("dump")).isFalse();
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> Args.parse(new String[]{"kb.csv"}))
                .hasMessage("unexpected argument 'kb.csv': options start with --");
        assertThatThrownBy(() -> Args.parse(new String[]{"--n", "3"}).require("kb")).hasMessage("missing option --kb");
    }
}
