package io.huida.engine.nlu.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds quantities of goods: a number (Arabic or Chinese) and a measure word or unit ({@code 3件},
 * {@code 两台}, {@code 5 kg}, {@code 2 pcs}). The value is the number, a space and the unit, Chinese units
 * in simplified form and English units in a canonical singular form ({@code 2 pieces} → {@code 2 pcs},
 * {@code 3 boxes} → {@code 3 box}). Not quantities: durations and other time units (三天, 2个月), money
 * (三百块), ordinals (第三件), ranges (两三件), the indefinite article 一个 and the adverb 一把 (一把还清).
 * 一米六五 is {@code 1.65 米}.
 */
public final class QuantityExtractor implements EntityExtractor {

    /** The name of this extractor. */
    public static final String NAME = Entity.QUANTITY;

    private static final String ZH_UNITS = "公斤|千克|毫升|厘米|毫米|件|个|台|部|箱|盒|瓶|包|双|条|张|只|支|套|袋|罐|桶|份|本|把|块|斤|克|吨|米|升|卷|副|片|粒|颗|枚|对|根|辆|顶|串|捆|株|盆|杯|碗";
    private static final Pattern ZH = Pattern.compile(
            ChineseNumbers.START + "(?<![第" + ChineseNumbers.HAN_DIGITS + "])(" + ChineseNumbers.NUMBER + ") ?(" + ZH_UNITS + ")");
    private static final Pattern EN = Pattern.compile(
            ChineseNumbers.START + "(?<![$¥€£])(\\d+(?:\\.\\d+)?) ?(pcs|pc|pieces?|items?|units?|boxes|box|bottles?|packs?|pairs?|sets?|bags?|cans?|cartons?|kgs?|kilograms?|ml|lbs?)(?![A-Za-z])",
            Pattern.CASE_INSENSITIVE);
    /** Countable nouns after 块 that make it a measure word (两块电池), not money. */
    static final Pattern KUAI_NOUNS = Pattern.compile(
            "儿|电池|屏|蛋糕|手表|表|布|石|板|砖|肉|糖|巧克力|玻璃|膜|面包|肥皂|香皂|毛巾|牌|瓷|地|田|饼|排骨|钢|铁|木|冰|芯片|硬盘|显卡|内存|主板|镜片|镜头");
    private static final Pattern CENTIMETRES = Pattern.compile("[一二三四五六七八九][一二三四五六七八九]?(?![0-9一二三四五六七八九十百千万个件斤])");
    private static final Pattern NOT_AFTER = Pattern.compile(
            "月|小时|钟头|星期|礼拜|工作日|自然日|半小时|半月|多月|多小时|人工|问题|事|办法|意思|忙|人|头|号|点|儿");
    private static final Set<String> FALSE_UNIT = Set.of("米色", "米饭", "米粉", "克兰", "升级", "包邮", "包装", "包括", "包含", "件事", "条件", "部分", "份额", "本来", "本身", "张开", "对比", "对了", "对吗", "对吧", "对不", "对的", "对啊", "片刻");
    private static final Map<String, String> EN_UNITS = Map.ofEntries(
            Map.entry("pc", "pcs"), Map.entry("pcs", "pcs"), Map.entry("piece", "pcs"), Map.entry("pieces", "pcs"),
            Map.entry("items", "item"), Map.entry("units", "unit"), Map.entry("boxes", "box"), Map.entry("bottles", "bottle"),
            Map.entry("packs", "pack"), Map.entry("pairs", "pair"), Map.entry("sets", "set"), Map.entry("bags", "bag"),
            Map.entry("cans", "can"), Map.entry("cartons", "carton"), Map.entry("kgs", "kg"), Map.entry("kilogram", "kg"),
            Map.entry("kilograms", "kg"), Map.entry("lbs", "lb"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Entity> extract(String text, ExtractionContext ctx) {
        String folded = TextFold.fold(text);
        List<Entity> out = new ArrayList<>();
        Matcher m = ZH.matcher(folded);
        while (m.find()) {
            String number = m.group(1);
            String unit = m.group(2);
            BigDecimal n = ChineseNumbers.parse(number);
            if (n == null || n.signum() <= 0 || number.length() > 7 || (unit.equals("个") || unit.equals("把")) && number.equals("一")
                    || unit.equals("个") && NOT_AFTER.matcher(folded).region(m.end(), folded.length()).lookingAt()
                    || unit.equals("块") && !measureKuai(folded, m.end())) {
                continue;
            }
            if (m.end() < folded.length() && FALSE_UNIT.contains(unit + folded.charAt(m.end()))) {
                continue;
            }
            int end = m.end();
            if (unit.equals("米") && n.scale() <= 0) {
                Matcher cm = CENTIMETRES.matcher(folded).region(end, folded.length());
                if (cm.lookingAt()) {
                    String digits = cm.group().chars().mapToObj(c -> String.valueOf(ChineseNumbers.digit((char) c))).reduce("", String::concat);
                    n = new BigDecimal(n.toBigInteger() + "." + digits);
                    end = cm.end();
                }
            }
            out.add(new Entity(NAME, ChineseNumbers.plain(n) + " " + unit, text.substring(m.start(), end), m.start(), end));
        }
        m = EN.matcher(folded);
        while (m.find()) {
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            String value = ChineseNumbers.plain(new BigDecimal(m.group(1))) + " " + EN_UNITS.getOrDefault(unit, unit);
            out.add(new Entity(NAME, value, text.substring(m.start(), m.end()), m.start(), m.end()));
        }
        return out;
    }

    private static boolean measureKuai(String s, int end) {
        // 块 is money (三百块) or "together" (一块儿去) unless a countable noun follows it (两块电池)
        return KUAI_NOUNS.matcher(s).region(end, s.length()).lookingAt() && !s.startsWith("儿", end);
    }
}
