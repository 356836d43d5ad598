package io.huida.engine.eval;

import io.huida.engine.bot.TestKb;
import io.huida.engine.kb.FaqFileException;
import io.huida.engine.kb.RowError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BatchTestTest {

    @Test
    void reportsAccuracyAndMisses() {
        List<BatchCase> cases = BatchTest.parse(("query,expected_id\n"
                + "我的快递到哪里了,EC009\n"
                + "怎麼取消訂單,EC002\n"
                + "今天天气怎么样,NONE\n"
                + "给我讲个笑话,\n"
                + "我的快递到哪里了,EC001\n"
                + "怎么退款,NO_SUCH_FAQ\n").getBytes(StandardCharsets.UTF_8));
        BatchReport report = BatchTest.run(TestKb.bot(), cases);
        assertThat(report.total()).isEqualTo(6);
        assertThat(report.inScope()).isEqualTo(4);
        assertThat(report.outOfScope()).isEqualTo(2);
        assertThat(report.top1Accuracy()).isEqualTo(0.5);
        assertThat(report.unknownExpectedIds()).containsExactly("NO_SUCH_FAQ");
        assertThat(report.noneRejectedRate()).isEqualTo(1.0);
        assertThat(report.misses()).hasSize(2).first().satisfies(m -> {
            assertThat(m.row()).isEqualTo(6);
            assertThat(m.expectedId()).isEqualTo("EC001");
            assertThat(m.answeredId()).isEqualTo("EC009");
        });
    }

    @Test
    void parseErrorsNameTheRow() {
        FaqFileException e = catchThrowableOfType(FaqFileException.class, () -> BatchTest.parse(
                "query,expected_id\n,F1\nok,F2\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(e.errors()).extracting(RowError::toString).containsExactly("row 2, column query: query is empty");
        FaqFileException header = catchThrowableOfType(FaqFileException.class, () -> BatchTest.parse(
                "text,label\nx,y\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(header.errors().get(0).message()).isEqualTo("header must contain query and expected_id, got [text, label]");
    }
}
