package io.huida.engine.kb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FaqReaderTest {

    private static final String HEADER = "id,category,question,similar_questions,answer\n";
    private final FaqReader reader = new FaqReader();

    @Test
    void readsCsvWithSimilarQuestions() {
        List<Faq> faqs = read(HEADER + "F1,订单,怎么退款？,退款怎么弄||如何退款|| ,\"请在订单页点击「退款」，1-3天到账。\"\n");
        assertThat(faqs).hasSize(1);
        assertThat(faqs.get(0).similarQuestions()).containsExactly("退款怎么弄", "如何退款");
        assertThat(faqs.get(0).answer()).isEqualTo("请在订单页点击「退款」，1-3天到账。");
        assertThat(faqs.get(0).enabled()).isTrue();
    }

    @Test
    void namesRowAndColumnOfEveryError() {
        FaqFileException e = catchThrowableOfType(FaqFileException.class, () -> read(HEADER
                + "F1,c,问题一,,答案一\n"
                + "F2,c,问题二,,\n"
                + "F3,c,,,答案三\n"
                + "bad id!,c,问题四,,答案四\n"));
        assertThat(e.errors()).extracting(RowError::toString).containsExactly(
                "row 3, column answer: answer is empty",
                "row 4, column question: question is empty",
                "row 5, column id: FAQ id 'bad id!' must be 1-64 letters, digits, '_', '-' or '.'");
    }

    @Test
    void reportsDuplicateIdsWithBothRows() {
        FaqFileException e = catchThrowableOfType(FaqFileException.class,
                () -> read(HEADER + "F1,c,问一,,答一\nF2,c,问二,,答二\nF1,c,问三,,答三\n"));
        assertThat(e.errors()).extracting(RowError::toString)
                .containsExactly("row 4, column id: duplicate id 'F1', first used in row 2");
    }

    @Test
    void rejectsMissingAndUnknownColumns() {
        FaqFileException e = catchThrowableOfType(FaqFileException.class,
                () -> read("id,question,answer,colour\nF1,q,a,red\n"));
        assertThat(e.errors()).extracting(RowError::column).containsExactly("category", "similar_questions", "colour");
        assertThat(e.getMessage()).startsWith("3 error(s) in FAQ file; first: row 1, column category: required column 'category' is missing");
    }

    @Test
    void rejectsRowsWithTheWrongNumberOfFields() {
        FaqFileException e = catchThrowableOfType(FaqFileException.class, () -> read(HEADER + "F1,c,问,答\n"));
        assertThat(e.errors()).extracting(RowError::toString).containsExactly("row 2: has 4 fields, the header has 5");
    }

    @Test
    void rejectsMalformedCsv() {
        FaqFileException e = catchThrowableOfType(FaqFileException.class, () -> read(HEADER + "F1,c,\"问题,,答案\n"));
        assertThat(e.errors().get(0).message()).startsWith("malformed CSV");
    }

    @Test
    void rejectsEmptyFilesAndBadOptionalValues() {
        assertThatThrownBy(() -> read("")).isInstanceOf(FaqFileException.class).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> read(HEADER)).isInstanceOf(FaqFileException.class).hasMessageContaining("holds no FAQ");
        FaqFileException e = catchThrowableOfType(FaqFileException.class, () -> read(
                "id,category,question,similar_questions,answer,enabled,valid_from\nF1,c,q,,a,maybe,yesterday\n"));
        assertThat(e.errors()).extracting(RowError::toString).containsExactly(
                "row 2, column valid_from: valid_from must be a date (2026-01-31) or an ISO instant, got 'yesterday'",
                "row 2, column enabled: enabled must be true or false, got 'maybe'");
    }

    @Test
    void readsGb18030Csv() {
        byte[] gbk = (HEADER + "F1,c,怎么退款,,退款说明\n").getBytes(Charset.forName("GB18030"));
        assertThat(reader.read(gbk, FaqFormat.CSV).get(0).question()).isEqualTo("怎么退款");
    }

    @Test
    void jsonLinesNameTheLine() {
        String jsonl = "{\"id\":\"F1\",\"category\":\"c\",\"question\":\"q\",\"similar_questions\":[\"a\",\"b\"],\"answer\":\"x\"}\n"
                + "{not json}\n"
                + "{\"id\":\"F3\",\"question\":\"q\",\"answer\":\"x\",\"size\":1}\n";
        FaqFileException e = catchThrowableOfType(FaqFileException.class,
                () -> reader.read(jsonl.getBytes(StandardCharsets.UTF_8), FaqFormat.JSONL));
        assertThat(e.errors()).hasSize(2);
        assertThat(e.errors().get(0).row()).isEqualTo(2);
        assertThat(e.errors().get(0).message()).startsWith("not valid JSON");
        assertThat(e.errors().get(1).toString()).startsWith("row 3, column size: unknown field 'size'");
    }

    @ParameterizedTest
    @EnumSource(FaqFormat.class)
    void exportImportRoundTripsExactly(FaqFormat format) {
        List<Faq> faqs = List.of(
                new Faq("F-1", "电商/退款", "怎么退款，\"急\"？", List.of("退款咋弄", "how to refund"), "第一行\n第二行, 带逗号",
                        List.of(new AnswerVariant("wechat", null, "微信里点我"), new AnswerVariant(null, "vip", "VIP 专线")),
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T08:30:00Z"), false),
                Faq.of("F2", "", "only question", List.of(), "answer"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FaqWriter().write(faqs, format, out);
        byte[] bytes = out.toByteArray();
        assertThat(FaqFormat.detect(null, bytes)).isEqualTo(format);
        assertThat(reader.read(bytes, format)).isEqualTo(faqs);
    }

    @Test
    void detectsFormatByExtensionFirst() {
        assertThat(FaqFormat.detect("kb.XLSX", new byte[0])).isEqualTo(FaqFormat.XLSX);
        assertThat(FaqFormat.detect("kb.jsonl", "id,".getBytes())).isEqualTo(FaqFormat.JSONL);
        assertThat(FaqFormat.detect("upload", "id,category".getBytes())).isEqualTo(FaqFormat.CSV);
        assertThatThrownBy(() -> FaqFormat.named("pdf")).hasMessage("unknown format 'pdf': expected csv, xlsx or jsonl");
    }

    @Test
    void rejectsGarbageAsXlsx() {
        FaqFileException e = catchThrowableOfType(FaqFileException.class,
                () -> reader.read("PK not a zip".getBytes(), FaqFormat.XLSX));
        assertThat(e.errors().get(0).message()).startsWith("not a readable XLSX workbook");
    }

    private List<Faq> read(String csv) {
        return reader.read(csv.getBytes(StandardCharsets.UTF_8), FaqFormat.CSV);
    }
}
