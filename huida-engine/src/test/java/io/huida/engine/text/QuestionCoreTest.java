package io.huida.engine.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionCoreTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "盼了一个星期的花瓶，打开箱子一看碎成好几块，我心都凉了！！！这种情况你们到底管不管？？？|这种情况你们到底管不管",
            "给孩子买的羽绒服小了一号，根本穿不上，天气越来越冷了！！！能不能尽快给我换一件大一号的？？？|能不能尽快给我换一件大一号的",
            "收到的鞋子跟图片差太多了，颜色完全不一样，我真的很失望！！！我要退掉，到底该怎么弄？？？|颜色完全不一样，我要退掉，到底该怎么弄",
            "中午就半小时休息，外卖现在快一点了还没影，饿得胃疼，气死我了！！！超时到底怎么赔？|饿得胃疼，超时到底怎么赔",
            "花瓶是朋友送的生日礼物，打开箱子一看碎成好几块，急死我了！！！怎么办？|打开箱子一看碎成好几块，怎么办",
            "第一次用信用卡，账单出来了也不知道该怎么还，心里特别慌！！！到底怎么还啊？？？|账单出来了也不知道该怎么还，到底怎么还啊",
    })
    void keepsTheClausesThatAskAndDropsTheStoryAndTheVenting(String message, String core) {
        assertThat(QuestionCore.of(message)).contains(core);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "怎么申请退款？",                                       // short: taken whole
            "我想知道信用卡的账单分期手续费是怎么计算的呢",               // one clause
            "你们的信号和服务一年比一年差，打电话总是断断续续，反映好几次了都没用", // nothing asked
            "怎么取消订单，取消以后多久退款，退款退到哪里",              // all question: the core would be the whole
            "How do I cancel my order, I ordered the wrong thing yesterday and it is urgent?",
            "",
    })
    void takesOtherMessagesWhole(String message) {
        assertThat(QuestionCore.of(message)).isEmpty();
    }

    @Test
    void ventingClausesDoNotAsk() {
        assertThat(QuestionCore.asks("气死我了", false)).isFalse();
        assertThat(QuestionCore.asks("太坑人了", false)).isFalse();
        assertThat(QuestionCore.asks("急死了怎么取消订单", false)).isTrue();
        assertThat(QuestionCore.asks("物流三天没动", true)).isTrue();
        assertThat(QuestionCore.asks("物流三天没动了还", false)).isFalse();
    }

    @Test
    void nullIsTakenWhole() {
        assertThat(QuestionCore.of(null)).isEmpty();
    }
}
