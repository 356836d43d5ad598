package io.huida.engine.nlu.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DateTimeExtractorTest {

    private static final DateTimeExtractor EXTRACTOR = new DateTimeExtractor(EntityConfig.defaults());

    private static List<Entity> extract(String text, String reference) {
        return EXTRACTOR.extract(text, new ExtractionContext(ZonedDateTime.parse(reference)));
    }

    @ParameterizedTest(name = "{0} @ {1}")
    @CsvSource(delimiter = '|', value = {
            // reference: Sunday 2026-11-22
            "明天下午三点能送到吗|2026-11-22T10:00+08:00|明天下午三点|2026-11-23T15:00+08:00",
            "明天下午三點能送到嗎|2026-11-22T10:00+08:00|明天下午三點|2026-11-23T15:00+08:00",
            "今天能发货吗|2026-11-22T10:00+08:00|今天|2026-11-22",
            "我上周五下的单|2026-11-22T10:00+08:00|上周五|2026-11-13",
            "周五下的单|2026-11-22T10:00+08:00|周五|2026-11-20",
            "周五能送到吗|2026-11-22T10:00+08:00|周五|2026-11-27",
            "能不能周三之前发出|2026-11-22T10:00+08:00|周三|2026-11-25",
            "Can you deliver next Monday?|2026-11-22T10:00+08:00|next Monday|2026-11-23",
            "11月3号买的|2026-11-22T10:00+08:00|11月3号|2026-11-03",
            "十一月三號的訂單|2026-11-22T10:00+08:00|十一月三號|2026-11-03",
            "３号付的款|2026-11-22T10:00+08:00|３号|2026-11-03",
            "今年3月份买的|2026-11-22T10:00+08:00|今年3月份|2026-03-01/2026-03-31",
            "下个月再说|2026-11-22T10:00+08:00|下个月|2026-12-01/2026-12-31",
            "下周有空吗|2026-11-22T10:00+08:00|下周|2026-11-23/2026-11-29",
            "23年3月买的|2026-11-22T10:00+08:00|23年3月|2023-03-01/2023-03-31",
            "99年3月出厂|2026-11-22T10:00+08:00|99年3月|1999-03-01/1999-03-31",
            "98年的老用户|2026-11-22T10:00+08:00|98年|1998-01-01/1998-12-31",
            "36年到期|2026-11-22T10:00+08:00|36年|2036-01-01/2036-12-31",
            "二〇二五年八月十五日办的卡|2026-11-22T10:00+08:00|二〇二五年八月十五日|2025-08-15",
            "发票日期2026-10-08|2026-11-22T10:00+08:00|2026-10-08|2026-10-08",
            "下单时间2026-11-20 14:35|2026-11-22T10:00+08:00|2026-11-20 14:35|2026-11-20T14:35+08:00",
            "明天下午有人吗|2026-11-22T10:00+08:00|明天下午|2026-11-23T12:00+08:00/2026-11-23T18:00+08:00",
            "今晚能发吗|2026-11-22T10:00+08:00|今晚|2026-11-22T18:00+08:00/2026-11-22T23:59+08:00",
            "明早8点前到|2026-11-22T10:00+08:00|明早8点|2026-11-23T08:00+08:00",
            "三天后还没到|2026-11-22T10:00+08:00|三天后|2026-11-25",
            "去年双十一买的|2026-11-22T10:00+08:00|去年双十一|2025-11-11",
            "call me tomorrow at 3pm|2026-11-22T10:00+08:00|tomorrow at 3pm|2026-11-23T15:00+08:00",
            "I emailed you 2 weeks ago|2026-11-22T10:00+08:00|2 weeks ago|2026-11-08",
            "bought on 3rd October 2025|2026-11-22T10:00+08:00|3rd October 2025|2025-10-03",
            "凌晨两点扣的款|2026-11-22T10:00+08:00|凌晨两点|2026-11-22T02:00+08:00",
            "30号之前能退吗|2026-11-22T10:00+08:00|30号|2026-11-30",
            "元旦能发货吗|2026-11-22T10:00+08:00|元旦|2027-01-01",
            "国庆节买的|2026-11-22T10:00+08:00|国庆节|2026-10-01",
            "before Christmas?|2026-11-22T10:00+08:00|Christmas|2026-12-25",
            "下个月初再说|2026-11-22T10:00+08:00|下个月初|2026-12-01/2026-12-10",
            "月底之前|2026-11-22T10:00+08:00|月底|2026-11-21/2026-11-30",
            "今年年底|2026-11-22T10:00+08:00|今年年底|2026-12-01/2026-12-31",
            "3 days later|2026-11-22T10:00+08:00|3 days later|2026-11-25",
            "下礼拜一送|2026-11-22T10:00+08:00|下礼拜一|2026-11-23",
            "上个礼拜三|2026-11-22T10:00+08:00|上个礼拜三|2026-11-11",
            "下午两点一刻|2026-11-22T10:00+08:00|下午两点一刻|2026-11-22T14:15+08:00",
            "2026年11月3日14:00到的|2026-11-22T10:00+08:00|2026年11月3日14:00|2026-11-03T14:00+08:00",
            "2025年底买的|2026-11-22T10:00+08:00|2025年底|2025-12-01/2025-12-31",
            "上半年买的|2026-11-22T10:00+08:00|上半年|2026-01-01/2026-06-30",
            "两个小时后再打|2026-11-22T10:00+08:00|两个小时后|2026-11-22T12:00+08:00",
            "半小时后到|2026-11-22T10:00+08:00|半小时后|2026-11-22T10:30+08:00",
            "call back in 2 hours|2026-11-22T10:00+08:00|in 2 hours|2026-11-22T12:00+08:00",
            "3点能送到吗|2026-11-22T10:00+08:00|3点|2026-11-22T15:00+08:00",
            // reference: Wednesday 2026-11-25
            "3号能到吗|2026-11-25T14:30+08:00|3号|2026-12-03",
            "3号下的单|2026-11-25T14:30+08:00|3号|2026-11-03",
            "周五能送到吗|2026-11-25T14:30+08:00|周五|2026-11-27",
            "next Friday works|2026-11-25T14:30+08:00|next Friday|2026-12-04",
            "by Friday|2026-11-25T14:30+08:00|Friday|2026-11-27",
            "it arrived on Monday, broken|2026-11-25T14:30+08:00|Monday|2026-11-23",
            "I need it on Monday|2026-11-25T14:30+08:00|Monday|2026-11-30",
            "前天晚上十一點下的單|2026-11-25T14:30+08:00|前天晚上十一點|2026-11-23T23:00+08:00",
            // the reference instant is resolved in the configured zone (Asia/Shanghai)
            "今天能到吗|2026-11-22T20:00Z|今天|2026-11-23",
    })
    void resolves(String text, String reference, String surface, String value) {
        int start = text.indexOf(surface);
        assertThat(extract(text, reference)).contains(new Entity(Entity.DATETIME, value, surface, start, start + surface.length()));
    }

    @Test
    void secondTimeOfARangeTakesTheFirstOnesHalfOfTheDay() {
        assertThat(extract("今天晚上8点到9点之间送", "2026-11-22T10:00+08:00")).extracting(Entity::value)
                .containsExactly("2026-11-22T20:00+08:00", "2026-11-22T21:00+08:00");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"2月30号的订单", "快一点，便宜一点", "有两点要求", "7天无理由", "三天内发货", "3号楼", "用了20年了",
            "充电2小时", "等了整整两个小时", "每个月都扣钱"})
    void ignores(String text) {
        assertThat(extract(text, "2026-11-22T10:00+08:00")).isEmpty();
    }

    @Test
    void resolvesInConfiguredZone() {
        DateTimeExtractor utc = new DateTimeExtractor(new EntityConfig(List.of(), java.util.Map.of(), ZoneId.of("UTC")));
        assertThat(utc.extract("明天下午三点", new ExtractionContext(ZonedDateTime.parse("2026-11-22T10:00+08:00"))))
                .extracting(Entity::value).containsExactly("2026-11-23T15:00Z");
    }
}
