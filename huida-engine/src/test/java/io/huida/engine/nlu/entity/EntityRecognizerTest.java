package io.huida.engine.nlu.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityRecognizerTest {

    /** A Sunday. */
    static final ZonedDateTime SUNDAY = ZonedDateTime.parse("2026-11-22T10:00:00+08:00");

    private static final EntityRecognizer RECOGNIZER = new EntityRecognizer(EntityConfig.defaults().withProducts(Map.of(
            "iPhone 15 Pro", List.of("苹果15pro", "爱疯15 Pro"),
            "小米手环8", List.of("mi band 8"))));

    static List<Entity> recognize(String text) {
        return RECOGNIZER.recognize(text, SUNDAY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // phone
            "我的手机号是13812345678|phone|13812345678|+8613812345678",
            "电话138-1234-5678谢谢|phone|138-1234-5678|+8613812345678",
            "+86 150 1234 8899 在国外|phone|+86 150 1234 8899|+8615012348899",
            "座机010-62345678|phone|010-62345678|+86-10-62345678",
            "(0755)86013388转前台|phone|(0755)86013388|+86-755-86013388",
            "热线400-820-8820|phone|400-820-8820|+86-400-8208820",
            "call +1 415 555 2671 please|phone|+1 415 555 2671|+14155552671",
            "手機１５９８８７６５４３２|phone|１５９８８７６５４３２|+8615988765432",
            "客服电话95588|phone|95588|+86-95588",
            // email
            "邮箱Li.Ming_88@Company.com.cn谢谢|email|Li.Ming_88@Company.com.cn|li.ming_88@company.com.cn",
            "郵箱ｃｈｅｎ＠ｆｏｘｍａｉｌ．ｃｏｍ|email|ｃｈｅｎ＠ｆｏｘｍａｉｌ．ｃｏｍ|chen@foxmail.com",
            // order number
            "单号yt12345678901234查不到|order_number|yt12345678901234|YT12345678901234",
            "订单号：202611220001234567|order_number|202611220001234567|202611220001234567",
            "my order #20261120887766 is late|order_number|20261120887766|20261120887766",
            // money
            "退款三百块|money|三百块|300 CNY",
            "价格¥1,299.00|money|¥1,299.00|1299.00 CNY",
            "退款1.2万|money|1.2万|12000 CNY",
            "预算5万元|money|5万元|50000 CNY",
            "only $20|money|$20|20 USD",
            "才三块五|money|三块五|3.5 CNY",
            "一萬二千塊的電腦|money|一萬二千塊|12000 CNY",
            "港币388元|money|港币388元|388 HKD",
            "扣了我两百多块|money|两百多块|200 CNY",
            "原价1999，现在1599|money|1599|1599 CNY",
            "满200减30的活动|money|200|200 CNY",
            "两千五买的|money|两千五|2500 CNY",
            "1.5w的预算|money|1.5w|15000 CNY",
            "已经付了2000定金|money|2000|2000 CNY",
            "'$20, 还差30'|money|30|30 USD",
            "The refund should be 299 RMB, not 199|money|199|199 CNY",
            "钱包丢了，卡里还有三万多！！！|money|三万多|30000 CNY",
            "只退了一块|money|一块|1 CNY",
            "我一米六五|quantity|一米六五|1.65 米",
            "人民币叁万元整|money|人民币叁万元|30000 CNY",
            "电话：86-13812345678|phone|86-13812345678|+8613812345678",
            // quantity
            "买了3件|quantity|3件|3 件",
            "這兩個杯子|quantity|兩個|2 个",
            "send 2 pieces|quantity|2 pieces|2 pcs",
            "I ordered 5 boxes|quantity|5 boxes|5 box",
            "我要买两块电池|quantity|两块|2 块",
            // id card and bank card
            "身份证11010519491231002x|id_card|11010519491231002x|11010519491231002X",
            "卡号6222 0212 3456 7890 128|bank_card|6222 0212 3456 7890 128|6222021234567890128",
            "卡号6217-0017-0342-3667-122|bank_card|6217-0017-0342-3667-122|6217001703423667122",
            // location
            "寄到广东省深圳市南山区|location|广东省深圳市南山区|广东省深圳市南山区",
            "寄到上海浦东|location|上海浦东|上海市浦东新区",
            "你们在臺北有門市嗎|location|臺北|台湾省台北市",
            "I live in Shenzhen|location|Shenzhen|广东省深圳市",
            "在海淀|location|海淀|北京市海淀区",
            // product
            "想买苹果15PRO|product|苹果15PRO|iPhone 15 Pro",
            "爱疯15pro有货吗|product|爱疯15pro|iPhone 15 Pro",
            "my Mi Band 8 broke|product|Mi Band 8|小米手环8",
            "my miband8 broke|product|miband8|小米手环8",
            "iphone15 pro有吗|product|iphone15 pro|iPhone 15 Pro",
            "小米手環 8|product|小米手環 8|小米手环8",
    })
    void findsEntityWithExactSpan(String text, String type, String surface, String value) {
        List<Entity> found = recognize(text);
        int start = text.indexOf(surface);
        assertThat(found).contains(new Entity(type, value, surface, start, start + surface.length()));
        for (Entity e : found) {
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "我的QQ号是123456789",
            "时间戳1732251234567是什么时间",
            "电话号码12345678901是假的吧",
            "有一个问题想咨询",
            "第三件半价怎么算",
            "买两三件能包邮吗",
            "快一点好吗，便宜一点吧",
            "7天无理由退货，三天内发货",
            "我住3号楼，坐5号线",
            "我家在中山路28号，南京东路也行",
            "北京大学的快递点",
            "Please switch me to a human agent",
            "我要5G套餐，5000mAh电池",
            "流水号1234567890123456",
            "我家孩子3个月大，用了2小时",
            "版本号v2.3.15",
            "打了8折，积分有3000分",
            "11.11买的",
            "手机连卡一块儿丢了，想一把还清",
            "羽绒服小了一号，能开通一号双终端吗",
            "账单多出好几十块",
            "攒了一万多积分，能当钱花吗",
            "手机屏幕碎了一块",
            "已开封的商品能退吗？刷新余额也没用",
            "哈密瓜坏了",
            "the refund takes 10 days",
            "分期可以选择3、6、12或24期",
            "iPhone 15多少钱",
            "华为Mate 60的价格是多少",
    })
    void findsNothing(String text) {
        assertThat(recognize(text)).isEmpty();
    }

    @Test
    void idCardIsNeitherPhoneNorBankCard() {
        assertThat(recognize("身份证110105197003136662"))
                .singleElement().extracting(Entity::type).isEqualTo(Entity.ID_CARD);
    }

    @Test
    void numberAfterOrderKeywordIsAnOrderNotACard() {
        // 6222021234567890128 is Luhn valid, yet after 订单号 it is an order number
        assertThat(recognize("订单号6222021234567890128"))
                .singleElement().extracting(Entity::type).isEqualTo(Entity.ORDER_NUMBER);
    }

    @Test
    void longerEntityWinsAndResultIsSortedByStart() {
        List<Entity> found = recognize("明天下午三点送到上海浦东，电话13812345678，退款三百块");
        assertThat(found).extracting(Entity::type)
                .containsExactly(Entity.DATETIME, Entity.LOCATION, Entity.PHONE, Entity.MONEY);
        assertThat(found.get(0).text()).isEqualTo("明天下午三点");
    }

    @Test
    void traditionalAndFullWidthTextKeepsOriginalSpans() {
        String text = "訂單號ＹＴ１２３４５６７８９０１２３４，明天下午三點到";
        List<Entity> found = recognize(text);
        assertThat(found).containsExactly(
                new Entity(Entity.ORDER_NUMBER, "YT12345678901234", "ＹＴ１２３４５６７８９０１２３４", 3, 19),
                new Entity(Entity.DATETIME, "2026-11-23T15:00+08:00", "明天下午三點", 20, 26));
    }

    @Test
    void largeProductDictionaryFindsTheLongestName() {
        Map<String, List<String>> products = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 2000; i++) {
            products.put("型号" + i, List.of("model " + i));
        }
        products.put("型号12 Pro", List.of("model 12 pro"));
        ProductExtractor extractor = new ProductExtractor(EntityConfig.defaults().withProducts(products));
        assertThat(extractor.extract("我的Model12 Pro和型号7都坏了，model 123也是", new ExtractionContext(SUNDAY)))
                .extracting(Entity::value).containsExactly("型号12 Pro", "型号7", "型号123");
    }

    @Test
    void emptyAndNullTextGiveNoEntities() {
        assertThat(RECOGNIZER.recognize("", SUNDAY)).isEmpty();
        assertThat(RECOGNIZER.recognize((String) null, SUNDAY)).isEmpty();
    }

    @Test
    void rejectsDuplicateAndMissingExtractors() {
        assertThatThrownBy(() -> new EntityRecognizer(List.of(new PhoneExtractor(), new PhoneExtractor())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate entity extractor 'phone'");
        assertThatThrownBy(() -> new EntityRecognizer(List.<EntityExtractor>of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("at least one entity extractor is required");
    }

    @Test
    void everyBuiltInExtractorIsNamedAfterItsType() {
        assertThat(EntityRecognizer.builtIn(EntityConfig.defaults())).extracting(EntityExtractor::name)
                .containsExactlyInAnyOrder(Entity.PHONE, Entity.EMAIL, Entity.ORDER_NUMBER, Entity.DATETIME, Entity.MONEY,
                        Entity.QUANTITY, Entity.ID_CARD, Entity.BANK_CARD, Entity.LOCATION, Entity.PRODUCT);
    }
}
