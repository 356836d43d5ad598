package io.huida.engine.nlu.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseNumbersTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "三百, 300", "两千五, 2500", "一万二, 12000", "一百二, 120", "十一, 11", "二十, 20", "一千零五, 1005",
            "一百零二, 102", "三万五千, 35000", "二十五万, 250000", "十万, 100000", "1.2万, 12000", "3万5, 35000",
            "5千, 5000", "'1,299.00', 1299", "叁佰, 300", "两, 2", "十二万三千四百五十六, 123456",
    })
    void parses(String text, String value) {
        assertThat(ChineseNumbers.parse(text)).isEqualByComparingTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"二三", "百", "千万", "万一", "零", "1.2.3", "三点"})
    void rejects(String text) {
        assertThat(ChineseNumbers.parse(text)).isNull();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"二零二三, 2023", "二〇二五, 2025", "2023, 2023", "二三, 23", "二十, -1", "三, -1"})
    void parsesYearDigits(String text, int year) {
        assertThat(ChineseNumbers.parseYearDigits(text)).isEqualTo(year);
    }
}
