package io.huida.engine.nlu.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class CardNumberTest {

    private static final ExtractionContext CTX = new ExtractionContext(ZonedDateTime.parse("2026-11-22T10:00:00+08:00"));

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvSource({
            "110105197003136662, true",
            "11010519491231002X, true",
            "11010519491231002x, true",
            "110105197003136666, false",  // wrong check digit
            "37020219641121596X, false",  // X where 8 is due
            "110105197002306662, false",  // no 30 February
            "110105203003136662, false",  // born after the reference date
            "41010570081994, false",      // too short
            "4101057008199452, false",    // 16 digits
            "110105700819945, false",     // 15-digit first generation numbers have no checksum
    })
    void idCardNeedsChecksumAndBirthDate(String number, boolean valid) {
        assertThat(new IdCardExtractor().extract("证件号" + number + "。", CTX)).hasSize(valid ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvSource({
            "6222025559797114717, true",
            "6225887684268465, true",
            "4392 5632 1223 3071, true",
            "6217-0017-0342-3667-122, true",
            "６２２５８８７６８４２６８４６５, true",
            "622908297299752887, true",
            "6222025559797114710, false",   // Luhn fails
            "6225 8876 8426 8468, false",   // Luhn fails
            "1234567890123456, false",      // Luhn valid but no card issuer starts with 1
            "2026112210304455667788, false", // 22 digits
            "4392563212233, false",         // 13 digits
    })
    void bankCardNeedsLuhnAndLength(String number, boolean valid) {
        assertThat(new BankCardExtractor().extract("卡号" + number + "，谢谢", CTX)).hasSize(valid ? 1 : 0);
    }

    @ParameterizedTest
    @CsvSource({"79927398713, true", "79927398710, false", "0, true"})
    void luhn(String digits, boolean valid) {
        assertThat(BankCardExtractor.luhn(digits)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002X, true", "110105194912310021, false", "1101051949123100XX, false"})
    void mod11Checksum(String id, boolean valid) {
        assertThat(IdCardExtractor.validChecksum(id)).isEqualTo(valid);
    }
}
