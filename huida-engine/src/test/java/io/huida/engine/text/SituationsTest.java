package io.huida.engine.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SituationsTest {

    @Test
    void aDescribedSituationGainsTheConceptAKnowledgeBaseNamesItBy() {
        assertThat(Situations.expand("刚拆开箱子发现杯子裂了 这怎么办")).isEqualTo("刚拆开箱子发现杯子裂了 这怎么办 商品破损");
        assertThat(Situations.expand("今天送来的那箱草莓一打开全是发霉的")).endsWith(" 变质");
        assertThat(Situations.expand("我这号里还有多少钱啊 在哪看")).endsWith(" 余额");
        assertThat(Situations.expand("我那张信用卡才给了五千 根本不够刷")).endsWith(" 提额");
        assertThat(Situations.expand("今天早上上班路上被后面的车追尾了 保险怎么弄")).endsWith(" 出险");
    }

    @Test
    void everyConceptFoundIsAddedOnceInTheFilesOrder() {
        assertThat(Situations.expand("杯子碎了 盘子也摔坏了 送来的还是别人的东西"))
                .isEqualTo("杯子碎了 盘子也摔坏了 送来的还是别人的东西 商品破损 送错漏发");
    }

    @Test
    void theConceptsOfAWholeMessageCanBeGivenToItsQuestionCore() {
        var concepts = Situations.concepts("盼了一个星期的花瓶 打开箱子一看碎成好几块 这种情况你们到底管不管");
        assertThat(concepts).containsExactly("商品破损");
        assertThat(Situations.expand("这种情况你们到底管不管", concepts)).isEqualTo("这种情况你们到底管不管 商品破损");
        assertThat(Situations.expand("商品破损了管不管", concepts)).isEqualTo("商品破损了管不管");
    }

    @Test
    void aMessageThatNamesNoSituationOrAlreadyNamesTheConceptIsLeftAlone() {
        assertThat(Situations.expand("如何申请退货")).isEqualTo("如何申请退货");
        assertThat(Situations.expand("收到的商品破损了 裂了一道缝")).isEqualTo("收到的商品破损了 裂了一道缝");
        assertThat(Situations.expand("")).isEmpty();
    }

    @Test
    void wordsThatOnlyLookLikeASituationDoNotFire() {
        assertThat(Situations.expand("我年纪大了不太会弄手机")).isEqualTo("我年纪大了不太会弄手机"); // not 换货
        assertThat(Situations.expand("我的快递到哪了")).isEqualTo("我的快递到哪了"); // the order flow's question, left to it
        assertThat(Situations.expand("这个月流量超了")).isEqualTo("这个月流量超了"); // not 转账限额
    }
}
