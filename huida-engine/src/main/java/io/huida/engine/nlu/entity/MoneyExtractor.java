package io.huida.engine.nlu.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds amounts of money. The value is the amount as a plain decimal, a space and the ISO 4217 code:
 * {@code ¥1,299.00} → {@code 1299.00 CNY} (digits written without a multiplier keep their decimals),
 * {@code 三百块} → {@code 300 CNY}, {@code 1.2万} → {@code 12000 CNY}, {@code 三块五} → {@code 3.5 CNY},
 * {@code $20} → {@code 20 USD}, {@code 3w块} → {@code 30000 CNY}.
 *
 * <p>An amount needs a currency sign, code or word (元, 块, 人民币, 美元, 刀, dollars, RMB …); an amount in
 * 万/千 without one counts right after a money word (退款, 价格, 花了 …) or right before 买的/入手 (两千五买的);
 * 满200减30 holds two amounts; "N多块" (两百多块) is N. In a message about prices or payment (价, 钱, 元,
 * 付款, 退款, 发票, 优惠 …) a bare number of at least 10 that stands alone (原价1999，现在1599; 七百九的) and
 * a number with w for 万 (1.5w) are amounts, in the currency of the amount before them or else CNY. 块 followed by a countable noun (两块电池) is a
 * quantity, not money.
 */
public final class MoneyExtractor implements EntityExtractor {

    /** The name of this extractor. */
    public static final String NAME = Entity.MONEY;

    private static final String ARABIC = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
    private static final String SIGNS = "(US\\$|HK\\$|\\$|¥|€|£|rmb|cny|usd|hkd|eur|gbp|jpy|人民币|港币|港元|美元|美金|欧元|英镑|日元)";
    private static final Pattern PREFIXED = Pattern.compile(
            "(?<![A-Za-z])" + SIGNS + " ?(" + ARABIC + "|[零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+)(?: ?([万千]|k(?![A-Za-z])))?(?: ?(元|块钱|块))?(?![0-9])",
            Pattern.CASE_INSENSITIVE);
    private static final String WORDS = "(块钱|块|元钱|元|圆|人民币|rmb|cny|美元|美金|刀|usd|dollars?|bucks|港币|港元|hkd|欧元|euros?|eur|英镑|gbp|日元|jpy|yuan)";
    private static final Pattern SUFFIXED = Pattern.compile(
            ChineseNumbers.START + "(" + ChineseNumbers.NUMBER + ") ?多?" + WORDS
                    + "(?:([0-9一二两三四五六七八九])(?:毛钱?|(?=[的了吗呢吧啊呀左]|[^0-9\\u3400-\\u9fff]|$)))?(?![A-Za-z])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JIAO = Pattern.compile(ChineseNumbers.START + "(?<![零一二两三四五六七八九十百千万])([0-9一二两三四五六七八九])(?:毛钱|毛)(?![0-9衣巾绒线孔病发笔毯])");
    private static final Pattern BARE = Pattern.compile(
            "(?:退款|退了|退我|退回|价格|价钱|售价|花了|付|收了|扣了|转了|赔|金额|预算|工资|贷款|额度|充值|报价|要价|卖|借|欠|还款|存|取)"
                    + "[^0-9零一二两三四五六七八九十。，,!?！？]{0,4}?"
                    + ChineseNumbers.START + "((?:\\d+(?:\\.\\d+)?|[零一二两三四五六七八九十百千]+)[万千][零一二两三四五六七八九]?)(?![0-9A-Za-z元块钱圆万千])");
    private static final Pattern FULL_REDUCTION = Pattern.compile("满(\\d+(?:\\.\\d+)?元?)减(\\d+(?:\\.\\d+)?元?)");
    private static final Pattern PAID_FOR = Pattern.compile(ChineseNumbers.START
            + "(\\d{2,}[万千]?|\\d+\\.\\d+[万千]|[零一二两三四五六七八九十]*[百千万][零一二两三四五六七八九十百千万]*)(?=买的|买了|入手|拿下|到手)");
    private static final Pattern PRICE_WORDS = Pattern.compile(
            "价|钱|元|块|付款|付了|支付|退款|退了|发票|金额|费|优惠|预算|贵|便宜|收费|扣了|赔|定金|订金|尾款"
                    + "|(?<![a-z])(?:refund|price|paid|pay|cost|costs|charged|fee|rmb|yuan|usd|dollars?)(?![a-z])|\\$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_AMOUNT = Pattern.compile(ChineseNumbers.START + "(?<![-/:¥$€£#第号、A-Za-z])"
            + "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d{2,7}(?:\\.\\d{1,2})?|[一二两三四五六七八九十]*[百千万][零一二两三四五六七八九十百千万]*)"
            + "(多)?(?=\\s*$|\\s*[,.;!?。！？）)]|\\s+[\\u3400-\\u9fff]|[的了吗呢吧啊还或和到左以就都也买]|定金|订金|尾款|押金|首付|运费|差价)"
            + "(?![.,][0-9])");
    private static final Pattern WAN = Pattern.compile(ChineseNumbers.START + "(\\d+(?:\\.\\d+)?)w(块钱|块|元)?(?![A-Za-z0-9])");
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("$", "USD"), Map.entry("us$", "USD"), Map.entry("usd", "USD"), Map.entry("美元", "USD"),
            Map.entry("美金", "USD"), Map.entry("刀", "USD"), Map.entry("dollar", "USD"), Map.entry("dollars", "USD"),
            Map.entry("bucks", "USD"), Map.entry("hk$", "HKD"), Map.entry("hkd", "HKD"), Map.entry("港币", "HKD"),
            Map.entry("港元", "HKD"), Map.entry("€", "EUR"), Map.entry("eur", "EUR"), Map.entry("欧元", "EUR"),
            Map.entry("euro", "EUR"), Map.entry("euros", "EUR"), Map.entry("£", "GBP"), Map.entry("gbp", "GBP"),
            Map.entry("英镑", "GBP"), Map.entry("日元", "JPY"), Map.entry("jpy", "JPY"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Entity> extract(String text, ExtractionContext ctx) {
        String folded = TextFold.fold(text);
        List<Entity> out = new ArrayList<>();
        Matcher m = PREFIXED.matcher(folded);
        while (m.find()) {
            BigDecimal amount = ChineseNumbers.parse(m.group(2));
            if (amount == null) {
                continue;
            }
            String multiplier = m.group(3);
            String written = multiplier != null ? ChineseNumbers.plain(amount.multiply(factor(multiplier)))
                    : m.group(2).matches("[0-9.,]+") ? m.group(2).replace(",", "") : ChineseNumbers.plain(amount);
            out.add(entity(text, m.start(), m.end(), written, code(m.group(1))));
        }
        m = SUFFIXED.matcher(folded);
        while (m.find()) {
            String number = m.group(1);
            String word = m.group(2).toLowerCase(Locale.ROOT);
            BigDecimal amount = ChineseNumbers.parse(number);
            if (amount == null || amount.signum() == 0 && !number.matches("[0-9.]+")) {
                continue;
            }
            int end = m.end();
            String tail = m.group(3);
            if (m.start() > 0 && folded.charAt(m.start() - 1) == '几'
                    || word.equals("块") && tail == null && (kuaiIsMeasureWord(folded, end) || number.equals("一") && !moneyVerbBefore(folded, m.start()))) {
                continue;
            }
            boolean kuai = word.equals("块") || word.equals("元");
            if (tail != null && !kuai) {
                end = m.end(2);
                tail = null;
            }
            String written = tail != null
                    ? ChineseNumbers.plain(amount.add(BigDecimal.valueOf(ChineseNumbers.digit(tail.charAt(0)), 1)))
                    : number.matches("[0-9.,]+") ? number.replace(",", "") : ChineseNumbers.plain(amount);
            out.add(entity(text, m.start(), end, written, code(word)));
        }
        m = JIAO.matcher(folded);
        while (m.find()) {
            int d = ChineseNumbers.digit(m.group(1).charAt(0));
            out.add(entity(text, m.start(), m.end(), ChineseNumbers.plain(BigDecimal.valueOf(d, 1)), "CNY"));
        }
        m = FULL_REDUCTION.matcher(folded);
        while (m.find()) {
            for (int g = 1; g <= 2; g++) {
                String amount = m.group(g).replace("元", "");
                out.add(entity(text, m.start(g), m.end(g), amount, "CNY"));
            }
        }
        m = PAID_FOR.matcher(folded);
        while (m.find()) {
            BigDecimal amount = ChineseNumbers.parse(m.group(1));
            if (amount != null && amount.compareTo(BigDecimal.TEN) >= 0) {
                out.add(entity(text, m.start(1), m.end(1), ChineseNumbers.plain(amount), "CNY"));
            }
        }
        boolean priceContext = PRICE_WORDS.matcher(folded).find();
        m = WAN.matcher(folded);
        while (m.find()) {
            if (m.group(2) != null || priceContext) {
                BigDecimal amount = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(10_000));
                out.add(entity(text, m.start(), m.end(), ChineseNumbers.plain(amount), "CNY"));
            }
        }
        if (priceContext) {
            m = BARE_AMOUNT.matcher(folded);
            while (m.find()) {
                BigDecimal amount = ChineseNumbers.parse(m.group(1));
                if (amount != null && amount.compareTo(BigDecimal.TEN) >= 0 && !afterModelName(folded, m.start(1))) {
                    String g = m.group(1);
                    out.add(entity(text, m.start(1), m.end(), g.matches("[0-9.,]+") ? g.replace(",", "") : ChineseNumbers.plain(amount),
                            currencyBefore(out, m.start(1))));
                }
            }
        }
        m = BARE.matcher(folded);
        while (m.find()) {
            BigDecimal amount = ChineseNumbers.parse(m.group(1));
            if (amount != null && amount.signum() > 0) {
                out.add(entity(text, m.start(1), m.end(1), ChineseNumbers.plain(amount), "CNY"));
            }
        }
        return out;
    }

    /**
     * True when the number at {@code start} follows a product or model name such as {@code iPhone 15} or
     * {@code Mate 60}: a Latin word right before it that is not an ordinary English word of a sentence about money.
     */
    static boolean afterModelName(String s, int start) {
        int end = start;
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        int begin = end;
        while (begin > 0 && Character.isLetter(s.charAt(begin - 1)) && s.charAt(begin - 1) < 128) {
            begin--;
        }
        return begin < end && end < start && !MONEY_CONTEXT_WORDS.contains(s.substring(begin, end).toLowerCase(java.util.Locale.ROOT));
    }

    private static final java.util.Set<String> MONEY_CONTEXT_WORDS = java.util.Set.of("is", "was", "are", "were", "be", "for",
            "of", "at", "about", "around", "only", "just", "total", "price", "cost", "costs", "paid", "pay", "refund",
            "charged", "me", "to", "and", "or", "than", "over", "under", "rmb", "yuan", "cny", "usd", "hkd", "eur", "deposit",
            "fee", "fees", "balance", "amount", "extra", "another", "by", "with", "from", "the", "a", "an", "it", "still", "owe",
            "not", "but", "instead", "now", "then", "per", "each", "plus", "minus", "almost", "nearly");

    /** 一块 is money only after a money verb (退一块, 才一块); else it is 一块儿 "together" or a piece. */
    private static boolean moneyVerbBefore(String s, int start) {
        int i = start > 0 && s.charAt(start - 1) == '了' ? start - 2 : start - 1;
        return i >= 0 && "付退花给扣收少多赔值卖要才就只差".indexOf(s.charAt(i)) >= 0;
    }

    private static boolean kuaiIsMeasureWord(String s, int end) {
        Matcher noun = QuantityExtractor.KUAI_NOUNS.matcher(s).region(end, s.length());
        return noun.lookingAt();
    }

    /** The currency of the last amount with a currency before {@code start} ($20, 还差30 → USD), else CNY. */
    private static String currencyBefore(List<Entity> found, int start) {
        Entity last = null;
        for (Entity e : found) {
            if (e.end() <= start && (last == null || e.start() > last.start())) {
                last = e;
            }
        }
        return last == null ? "CNY" : last.value().substring(last.value().indexOf(' ') + 1);
    }

    private static BigDecimal factor(String multiplier) {
        return switch (multiplier.toLowerCase(Locale.ROOT)) {
            case "万" -> BigDecimal.valueOf(10_000);
            default -> BigDecimal.valueOf(1_000);
        };
    }

    private static String code(String sign) {
        return CODES.getOrDefault(sign.toLowerCase(Locale.ROOT), "CNY");
    }

    private static Entity entity(String text, int start, int end, String amount, String currency) {
        return new Entity(NAME, amount + " " + currency, text.substring(start, end), start, end);
    }
}
