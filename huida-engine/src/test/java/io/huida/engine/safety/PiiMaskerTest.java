package io.huida.engine.safety;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PiiMaskerTest {

    private final PiiMasker masker = new PiiMasker();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "我的手机是13812345678，谢谢|我的手机是138****5678，谢谢",
            "call +86 138-1234-5678 now|call +86 138****5678 now",
            "0086 13812345678|0086 138****5678",
            "手机：１３８１２３４５６７８|手机：138****5678",
            "电话 138 1234 5678。|电话 138****5678。",
            "座机010-62345678|座机010-****5678",
            "座机(0755) 2345678转8|座机(0755) ****5678转8",
            "身份证11010519491231002X|身份证1101************2X",
            "身份证号 110105194912310021 已登记|身份证号 1101************21 已登记",
            "身份证 110105 19491231 002X|身份证 1101** ******** **2X",
            "call 138.1234.5678|call 138****5678",
            "旧身份证110105491231002|旧身份证1101*********02",
            "卡号6222021234567890123|卡号***************0123",
            "卡号 6222 0212 3456 7890|卡号 **** **** **** 7890",
            "card 6222-0212-3456-7890-123 ok|card ****-****-****-***0-123 ok",
            "mail Zhang.San@example.com.cn please|mail Z***@example.com.cn please",
            "邮箱：１２３４５＠qq.com|邮箱：１***＠qq.com",
            "13812345678@163.com|1***@163.com",
    })
    void masksEachKindInItsFormat(String raw, String masked) {
        assertThat(masker.mask(raw)).isEqualTo(masked);
    }

    @Test
    void masksDigitRunsThatFailTheChecksum() {
        // neither passes Luhn nor the ID checksum: still masked, because a miss in a log is worse
        assertThat(masker.mask("卡号1234567890123456")).isEqualTo("卡号************3456");
        assertThat(masker.mask("id 110105194912310022")).isEqualTo("id 1101************22");
        assertThat(masker.mask("run 999999999999999999")).isEqualTo("run **************9999");
        assertThat(masker.find("acct 1234567890123456789")).containsExactly(new PiiMatch(PiiMasker.BANK_CARD, 5, 24));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "订单号YT2026112200001已发货",
            "顺丰单号SF1234567890",
            "order JD12345678901234567 shipped",
            "金额1299.00元，共3件",
            "2026-11-22 10:30:15 INFO started in 3.2 s",
            "时间戳1763807415123",
            "预约在11月22日下午3点",
            "价格 13812345678.50",
            "trace=550e8400-e29b-41d4-a716-446655440000",
            "工单号 202611220001",
            "no digits here at all",
            "",
    })
    void leavesOtherNumbersAlone(String text) {
        assertThat(masker.mask(text)).isSameAs(text);
        assertThat(masker.find(text)).isEmpty();
    }

    @Test
    void isNullSafe() {
        assertThat(masker.mask(null)).isNull();
        assertThat(masker.find(null)).isEmpty();
    }

    @Test
    void isIdempotent() {
        String raw = "客户 Zhang.San@example.com 电话+86 13812345678 座机010-62345678 身份证11010519491231002X "
                + "卡 6222 0212 3456 7890 与 6222021234567890123";
        String once = masker.mask(raw);
        assertThat(masker.mask(once)).isEqualTo(once);
        assertThat(masker.find(once)).isEmpty();
        assertThat(once).doesNotContain("13812345678", "62345678", "11010519491231002X", "6222 0212 3456 7890",
                "6222021234567890123", "Zhang.San");
    }

    @Test
    void findReportsTypesAndSpansInOrder() {
        String text = "卡6222021234567890123，手机13812345678，a@b.cn";
        assertThat(masker.find(text)).containsExactly(
                new PiiMatch(PiiMasker.BANK_CARD, 1, 20),
                new PiiMatch(PiiMasker.PHONE, 23, 34),
                new PiiMatch(PiiMasker.EMAIL, 35, 41));
    }

    @Test
    void matchRejectsAnEmptySpan() {
        assertThatThrownBy(() -> new PiiMatch(PiiMasker.PHONE, 3, 3))
                .hasMessage("PII span must satisfy 0 <= start < end, got [3, 3)");
    }

    @Test
    void hugeInputStaysLinear() {
        String text = mixed(100_000);
        masker.mask(mixed(10_000)); // compiled before it is timed
        long small = cpuNanos(() -> assertThat(masker.mask(mixed(10_000))).doesNotContain("13812345678"));
        long large = cpuNanos(() -> assertThat(masker.mask(text)).doesNotContain("13812345678"));
        // CPU time of this thread, not wall time: other processes on a busy machine do not count
        assertThat(large / 1_000_000).as("CPU ms to mask 100 KB").isLessThan(500);
        assertThat(large).as("10× the input may take about 10× the time, never 100× (quadratic)").isLessThan(30 * Math.max(small, 1_000_000));
        String letters = "a".repeat(100_000) + "@";
        long backtracking = cpuNanos(() -> assertThat(masker.mask(letters)).isEqualTo(letters));
        assertThat(backtracking / 1_000_000).as("CPU ms for 100 KB of letters before an @").isLessThan(500);
    }

    private static String mixed(int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            sb.append("用户aaaa.bbbb").append(sb.length() % 7 == 0 ? "@" : " ").append("13812345678 1299.00元 ");
        }
        return sb.toString();
    }

    private static long cpuNanos(Runnable work) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = threads.getCurrentThreadCpuTime();
        work.run();
        return threads.getCurrentThreadCpuTime() - t0;
    }
}
