package io.huida.engine.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "我的帳單為什麼還沒寄來？|我的账单为什么还没寄来",
            "ＡＢＣ１２３　信用卡|abc123 信用卡",
            "怎么冲值话费！！！|怎么充值话费",
            "密马忘了咋办|密码忘了怎么办",
            "Hello,  WORLD!!|hello world",
            "退款金额是99.5元|退款金额是99.5元",
            "我的order怎么cancel|我的 订单 怎么 取消",
            "How do I cancel my order?|how do i cancel my order",
            "   |''",
            "哎我说，这号能给销了不？|这号能给销了吗",
            "在哪瞅我的订单呀|在哪看我的订单",
            "怎么开通花呗|怎么开通花呗",
            "能不能提前还借呗|能不能提前还借呗",
            "帮我查一下呗|帮我查一下",
            "你们卖什么|你们卖什么",
            "一块钱都没退|一块钱都没退",
            "快递三天没动了，急死我了！！！怎么查物流|快递三天没动了 怎么查物流",
            "你们礼拜六有大夫看病不|你们周六有医生看病吗",
            "我上礼拜抽的血，结果出来了没|我上周抽的血 结果出来了吗",
            "钱能在手机上交不，我在外地|钱能在手机上交吗 我在外地",
            "是不是要等很久|是不是要等很久",
            "我那个件儿被整丢了|我那个件被丢了",
            "退款得多长时间|退款多久",
            "想拉条宽带|想装宽带",
            "我想问一下，快递能搁驿站吗|快递能放驿站吗",
            "家里一下子拿不出这么多钱|家里一下子拿不出这么多钱",
            "出了事第一步该干嘛啊|出了事第一步该干什么",
            "宽带不想用了，咋个弄法|宽带不想用了 怎么办",
            "拉货的师傅没来，怎么整|拉货的师傅没来 怎么办",
            "今儿个电视没信号|今天电视没信号",
            "等了一个多钟头|等了一个多小时",
            "买多少才不用掏邮费|买多少才不用付邮费",
            "能给开个票吗|能给开发票吗",
            "证书上哪领|证书在哪里领",
            "他说还没收着，保单也找不着了|他说还没收到 保单也找不到了",
            "全额退行不行|全额退可以吗",
            "续约有便宜点的没|续约有便宜点的吗",
            "丢了你们赔不|丢了你们赔吗",
            "你们为什么不|你们为什么不",
            "以后再也不|以后再也不",
    })
    void normalizes(String raw, String expected) {
        assertThat(normalizer.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void nullBecomesEmpty() {
        assertThat(normalizer.normalize(null)).isEmpty();
    }

    @Test
    void rejectsBlankCorrectionKeys() {
        assertThatThrownBy(() -> new TextNormalizer(Map.of(" ", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("correction key must not be blank, got ' '");
    }

    @Test
    void detectsLanguage() {
        assertThat(Language.of("how do i pay")).isEqualTo(Language.EN);
        assertThat(Language.of("app怎么登录")).isEqualTo(Language.ZH);
    }

    @Test
    void pinyinKeysMatchHomophones() {
        assertThat(PinyinKeys.of("冲值")).isEqualTo(PinyinKeys.of("充值")).containsExactly("chongzhi");
    }

    @Test
    void analyzerMakesChineseBigramsAndStemsEnglish() {
        assertThat(new HuidaAnalyzer().terms("退款 refunds")).contains("退款", "退", "款", "refund");
    }
}
